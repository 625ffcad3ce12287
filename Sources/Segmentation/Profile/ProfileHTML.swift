import Diagnostics
import Foundation
import Pages

/// A segment map as one self-contained HTML page (the page kit's document with SVG charts, no
/// external files): one section per question, a bar chart per column with the segment beside the
/// base, the index, and a bubble map of Caldas for the municipality column. One rule marks an index
/// everywhere: ▲ and green from 120, ▼ and red up to 80.
public enum ProfileHTML {
    static let high = 120.0, low = 80.0

    public static func page(title: String, profiles: [(profile: SegmentProfile, expression: String?)]) -> String {
        var body = "<h1>\(escape(title))</h1>\n"
        for (profile, expression) in profiles {
            body += section(profile, expression: expression, anchor: profiles.count > 1)
        }
        body += "<p class=\"lead legend\"><span style=\"background:#0b6e4f\"></span>\(L("segmento", "segment"))<span style=\"background:#b8c4cc\"></span>\(L("base completa", "whole base"))"
        body += " · \(L("índice = % del segmento ÷ % de la base × 100; ▲ ≥ 120, ▼ ≤ 80", "index = segment % ÷ base % × 100; ▲ ≥ 120, ▼ ≤ 80"))</p>\n"
        return Page.document(title: title, body: body)
    }

    private static func section(_ profile: SegmentProfile, expression: String?, anchor: Bool) -> String {
        let share = NumberText.decimal(Double(profile.count) / Double(profile.base) * 100, places: 1)
        var html = "<h2>\(escape(profile.name))</h2>\n"
        if let expression { html += "<p class=\"lead\"><code>\(escape(expression))</code></p>\n" }
        html += "<p class=\"lead\">\(L("\(NumberText.integer(profile.count)) de \(NumberText.integer(profile.base)) filas (\(share) % de la base)", "\(NumberText.integer(profile.count)) of \(NumberText.integer(profile.base)) rows (\(share) % of the base)"))</p>\n"
        for (question, columns) in profile.sections {
            html += "<h3>\(escape(question.title(Language.current)))</h3>\n"
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
        var svg = SVG.open(width: 520, height: height, label: column.column)
        for (i, level) in column.levels.enumerated() {
            let y = Double(i) * rowHeight + 4
            let segment = level.segmentShare / top * barWidth, base = level.baseShare / top * barWidth
            let index = level.index
            let mark = index.isFinite ? (index >= high ? " ▲" : (index <= low ? " ▼" : "")) : ""
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
        var svg = SVG.open(width: width, height: height, label: L("Municipios de Caldas", "Municipalities of Caldas"))
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#f5f8f7\" rx=\"8\"/>\n"
        var labels = ""
        for (level, seat) in placed.sorted(by: { $0.0.segmentCount > $1.0.segmentCount }) {
            let r = 4 + 30 * (Double(level.segmentCount) / largest).squareRoot()
            let index = level.index
            let fill = !index.isFinite ? "#b8c4cc" : (index >= high ? "#0b6e4f" : (index <= low ? "#c0392b" : "#7f8c8d"))
            svg += "<circle cx=\"\(format(x(seat.longitude)))\" cy=\"\(format(y(seat.latitude)))\" r=\"\(format(r))\" fill=\"\(fill)\" fill-opacity=\"0.55\" stroke=\"\(fill)\"><title>\(escape(level.label)): \(NumberText.integer(level.segmentCount)), \(L("índice", "index")) \(index.isFinite ? String(Int(index.rounded())) : "—")</title></circle>\n"
            // Labels to the right of each circle, drawn last so circles do not hide them.
            labels += "<text x=\"\(format(x(seat.longitude) + r + 3))\" y=\"\(format(y(seat.latitude) + 4))\" font-size=\"11\">\(escape(level.label)) \(NumberText.integer(level.segmentCount))</text>\n"
        }
        svg += labels
        svg += "</svg>\n"
        return "<h4>\(L("Municipios de Caldas: tamaño = afiliados del segmento; color = índice (verde ≥ 120, rojo ≤ 80)", "Municipalities of Caldas: size = segment members; colour = index (green ≥ 120, red ≤ 80)"))</h4>\n" + svg
    }

    private static func short(_ text: String) -> String { SVG.short(text, 22) }

    private static func format(_ x: Double) -> String { SVG.number(x) }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
