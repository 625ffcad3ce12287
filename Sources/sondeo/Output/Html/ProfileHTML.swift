import Diagnostics
import Foundation
import Questionnaire
import Segmentation

/// A segment map as one self-contained HTML page (inline CSS and SVG, no external files): one section
/// per question, a bar chart per column with the segment beside the base, the index, and a bubble map
/// of Caldas for the municipality column.
enum ProfileHTML {
    static func page(title: String, profiles: [(profile: SegmentProfile, expression: String?)]) -> String {
        var body = "<h1>\(escape(title))</h1>\n"
        for (profile, expression) in profiles {
            body += section(profile, expression: expression, anchor: profiles.count > 1)
        }
        return """
        <!DOCTYPE html>
        <html lang="\(Localization.language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2a33;padding:0 1rem}
        h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.35rem;border-bottom:2px solid #0b6e4f;padding-bottom:.2rem;margin-top:2.2rem}
        h3{font-size:1.1rem;color:#0b6e4f;margin:1.6rem 0 .4rem} h4{font-size:.95rem;margin:.9rem 0 .2rem}
        .lead{color:#4a5a66} .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:.6rem 1.6rem}
        .legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:-.1em}
        code{background:#eef3f1;padding:.1em .3em;border-radius:3px} svg text{font-size:12px}
        </style></head><body>
        \(body)
        <p class="lead legend"><span style="background:#0b6e4f"></span>\(L("segmento", "segment"))<span style="background:#b8c4cc"></span>\(L("base completa", "whole base"))
        · \(L("índice = % del segmento ÷ % de la base × 100; ▲ ≥ 120, ▼ ≤ 80", "index = segment % ÷ base % × 100; ▲ ≥ 120, ▼ ≤ 80"))</p>
        </body></html>
        """
    }

    private static func section(_ profile: SegmentProfile, expression: String?, anchor: Bool) -> String {
        let share = NumberText.decimal(Double(profile.count) / Double(profile.base) * 100, places: 1)
        var html = "<h2>\(escape(profile.name))</h2>\n"
        if let expression { html += "<p class=\"lead\"><code>\(escape(expression))</code></p>\n" }
        html += "<p class=\"lead\">\(L("\(NumberText.integer(profile.count)) de \(NumberText.integer(profile.base)) filas (\(share) % de la base)", "\(NumberText.integer(profile.count)) of \(NumberText.integer(profile.base)) rows (\(share) % of the base)"))</p>\n"
        for (question, columns) in profile.sections {
            html += "<h3>\(escape(question.title(Localization.language)))</h3>\n"
            if question == .donde, let municipio = columns.first(where: { $0.column == "municipio" }) {
                html += bubbleMap(municipio)
            }
            html += "<div class=\"grid\">\n" + columns.map(chart).joined() + "</div>\n"
        }
        return html
    }

    /// Horizontal bars: for each level the segment (green) over the base (grey), the shares and the index.
    private static func chart(_ column: ColumnProfile) -> String {
        let rowHeight = 30.0, labelWidth = 150.0, barWidth = 230.0
        let height = Double(column.levels.count) * rowHeight + 8
        let top = max(0.0001, column.levels.map { max($0.segmentShare, $0.baseShare) }.max() ?? 1)
        var svg = "<svg width=\"520\" height=\"\(Int(height))\" viewBox=\"0 0 520 \(Int(height))\" role=\"img\" aria-label=\"\(escape(column.column))\">\n"
        for (i, level) in column.levels.enumerated() {
            let y = Double(i) * rowHeight + 4
            let segment = level.segmentShare / top * barWidth, base = level.baseShare / top * barWidth
            let index = level.index
            let mark = index.isFinite ? (index >= 120 ? " ▲" : (index <= 80 ? " ▼" : "")) : ""
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(short(level.label)))</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(format(segment))\" height=\"11\" fill=\"#0b6e4f\"/>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 15)\" width=\"\(format(base))\" height=\"7\" fill=\"#b8c4cc\"/>\n"
            svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 17)\">\(NumberText.decimal(level.segmentShare * 100, places: 1)) % · \(index.isFinite ? String(Int(index.rounded())) : "—")\(mark)</text>\n"
        }
        svg += "</svg>\n"
        var title = escape(column.column)
        if let s = column.segmentMean, let r = column.restMean {
            title += " <span class=\"lead\">(\(L("media", "mean")) \(NumberText.decimal(s, places: 2)) \(L("frente a", "vs")) \(NumberText.decimal(r, places: 2)) \(L("en el resto", "in the rest")))</span>"
        }
        return "<div><h4>\(title)</h4>\n\(svg)</div>\n"
    }

    /// Circles at the municipal seats, their area proportional to the segment's count there, coloured
    /// by the index (green above 100, grey around it, red below).
    private static func bubbleMap(_ column: ColumnProfile) -> String {
        let placed = column.allLevels.compactMap { level -> (ColumnProfile.Level, (latitude: Double, longitude: Double))? in
            CaldasMunicipalities.seats[level.label].map { (level, $0) }
        }
        guard placed.count >= 3 else { return "" }
        let width = 900.0, height = 420.0, margin = 50.0
        let lats = CaldasMunicipalities.seats.values.map(\.latitude), lons = CaldasMunicipalities.seats.values.map(\.longitude)
        let (minLat, maxLat, minLon, maxLon) = (lats.min()!, lats.max()!, lons.min()!, lons.max()!)
        // Room on the right for the labels of the easternmost towns (La Dorada, Norcasia).
        func x(_ lon: Double) -> Double { margin + (lon - minLon) / (maxLon - minLon) * (width - 2 * margin - 110) }
        func y(_ lat: Double) -> Double { margin + (maxLat - lat) / (maxLat - minLat) * (height - 2 * margin) }
        let largest = Double(max(1, placed.map(\.0.segmentCount).max()!))
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Caldas\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#f5f8f7\" rx=\"8\"/>\n"
        var labels = ""
        for (level, seat) in placed.sorted(by: { $0.0.segmentCount > $1.0.segmentCount }) {
            let r = 4 + 30 * (Double(level.segmentCount) / largest).squareRoot()
            let index = level.index
            let fill = !index.isFinite ? "#b8c4cc" : (index >= 110 ? "#0b6e4f" : (index <= 90 ? "#c0392b" : "#7f8c8d"))
            svg += "<circle cx=\"\(format(x(seat.longitude)))\" cy=\"\(format(y(seat.latitude)))\" r=\"\(format(r))\" fill=\"\(fill)\" fill-opacity=\"0.55\" stroke=\"\(fill)\"><title>\(escape(level.label)): \(NumberText.integer(level.segmentCount)), \(L("índice", "index")) \(index.isFinite ? String(Int(index.rounded())) : "—")</title></circle>\n"
            // Labels to the right of each circle, drawn last so circles do not hide them.
            labels += "<text x=\"\(format(x(seat.longitude) + r + 3))\" y=\"\(format(y(seat.latitude) + 4))\" font-size=\"11\">\(escape(level.label)) \(NumberText.integer(level.segmentCount))</text>\n"
        }
        svg += labels
        svg += "</svg>\n"
        return "<h4>\(L("Municipios de Caldas: tamaño = afiliados del segmento; color = índice (verde > 110, rojo < 90)", "Municipalities of Caldas: size = segment members; colour = index (green > 110, red < 90)"))</h4>\n" + svg
    }

    private static func short(_ text: String) -> String { text.count > 22 ? String(text.prefix(21)) + "…" : text }

    private static func format(_ x: Double) -> String { String(format: "%.1f", x) }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
