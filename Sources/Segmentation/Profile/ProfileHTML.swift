import Diagnostics
import Foundation
import Pages

/// A segment map as one self-contained HTML page (the page kit's document with SVG charts, no
/// external files): one section per question, a bar chart per column with the segment beside the
/// rest of the base (as the headings and the text map compare them), the index against the whole
/// base, and a bubble map of Caldas for the municipality column. One rule marks an index everywhere:
/// ▲ and green from 120, ▼ and red up to 80. A 0/1 column reads «sí»/«no».
public enum ProfileHTML {
    static let high = 120.0, low = 80.0

    public static func page(title: String, profiles: [(profile: SegmentProfile, expression: String?)]) -> String {
        var body = "<h1>\(escape(title))</h1>\n"
        for (profile, expression) in profiles {
            body += section(profile, expression: expression, anchor: profiles.count > 1)
        }
        body += "<p class=\"lead legend\"><span style=\"background:#0b6e4f\"></span>\(L("segmento", "segment"))<span style=\"background:#b8c4cc\"></span>\(L("resto de la base", "rest of the base"))"
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
            html += "<div class=\"grid\">\n" + columns.map { chart($0, label: profile.labels[$0.column]) }.joined() + "</div>\n"
        }
        return html
    }

    /// Horizontal bars: for each level the segment (green) over the rest of the base (grey), the share and the index.
    private static func chart(_ column: ColumnProfile, label: String?) -> String {
        // 420 units wide: on a 390 px phone the text stays near 10 px.
        let rowHeight = 30.0, labelWidth = 120.0, barWidth = 200.0
        let height = Double(column.levels.count) * rowHeight + 8
        let top = max(0.0001, column.levels.map { max($0.segmentShare, $0.restShare) }.max() ?? 1)
        let yesNo = Set(column.levels.map(\.label)).isSubset(of: ["0", "1"])
        var svg = SVG.open(width: labelWidth + barWidth + 100, height: height, label: label ?? column.column)
        for (i, level) in column.levels.enumerated() {
            let y = Double(i) * rowHeight + 4
            let segment = level.segmentShare / top * barWidth, rest = level.restShare / top * barWidth
            let index = level.index
            let mark = index.isFinite ? (index >= high ? " ▲" : (index <= low ? " ▼" : "")) : ""
            let label = yesNo ? (level.label == "1" ? L("sí", "yes") : L("no", "no")) : level.label
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(short(label)))</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(format(segment))\" height=\"11\" fill=\"#0b6e4f\"/>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 15)\" width=\"\(format(rest))\" height=\"7\" fill=\"#b8c4cc\"/>\n"
            svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 17)\">\(NumberText.decimal(level.segmentShare * 100, places: 1)) % · \(index.isFinite ? String(Int(index.rounded())) : "—")\(mark)</text>\n"
        }
        svg += "</svg>\n"
        var title = label.map { "\(escape($0)) <code class=\"small\">\(escape(column.column))</code>" } ?? escape(column.column)
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
        var taken: [(x: Double, y: Double, width: Double)] = []
        for (level, seat) in placed.sorted(by: { $0.0.segmentCount > $1.0.segmentCount }) {
            let r = 4 + 30 * (Double(level.segmentCount) / largest).squareRoot()
            let index = level.index
            let fill = !index.isFinite ? "#b8c4cc" : (index >= high ? "#0b6e4f" : (index <= low ? "#c0392b" : "#7f8c8d"))
            svg += "<circle cx=\"\(format(x(seat.longitude)))\" cy=\"\(format(y(seat.latitude)))\" r=\"\(format(r))\" fill=\"\(fill)\" fill-opacity=\"0.55\" stroke=\"\(fill)\"><title>\(escape(level.label)): \(NumberText.integer(level.segmentCount)), \(L("índice", "index")) \(index.isFinite ? String(Int(index.rounded())) : "—")</title></circle>\n"
            // Labels beside each circle, drawn last so circles do not hide them; the first free place of
            // right, left, above, below, so that neighbours (Manizales, Villamaría) do not overlap.
            let text = "\(level.label) \(NumberText.integer(level.segmentCount))"
            let (cx, cy) = (x(seat.longitude), y(seat.latitude))
            let width = Double(text.count) * 6.2
            let places = [(cx + r + 3, cy + 4, "start"), (cx - r - 3, cy + 4, "end"), (cx, cy - r - 4, "middle"), (cx, cy + r + 12, "middle")]
            func box(_ p: (Double, Double, String)) -> (x: Double, y: Double, width: Double) {
                (p.2 == "start" ? p.0 : (p.2 == "end" ? p.0 - width : p.0 - width / 2), p.1, width)
            }
            let free = places.first { p in
                let b = box(p)
                return !taken.contains { abs($0.y - b.y) < 12 && b.x < $0.x + $0.width && $0.x < b.x + b.width }
            } ?? places[0]
            taken.append(box(free))
            labels += "<text x=\"\(format(free.0))\" y=\"\(format(free.1))\" text-anchor=\"\(free.2)\" font-size=\"11\">\(escape(text))</text>\n"
        }
        svg += labels
        svg += "</svg>\n"
        return "<h4>\(L("Municipios de Caldas: tamaño = afiliados del segmento; color = índice (verde ≥ 120, rojo ≤ 80)", "Municipalities of Caldas: size = segment members; colour = index (green ≥ 120, red ≤ 80)"))</h4>\n" + SVG.wide(svg, minimum: 760)
    }

    private static func short(_ text: String) -> String { SVG.short(text, 17) }

    private static func format(_ x: Double) -> String { SVG.number(x) }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
