/// Text made safe for HTML: every label, answer and comment a page shows goes through here, so that
/// `<script>` typed by a respondent is shown, never run.
public enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities (safe in element content and quoted attributes).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A table in a box of its own that scrolls sideways on a narrow screen, so the page never does;
    /// the cells are escaped here. `numeric` columns are right-aligned.
    /// `raw`: columns whose cells are markup already (built with ``escape(_:)``), inserted as they are.
    public static func table(headers: [String], rows: [[String]], numeric: Set<Int> = [], raw: Set<Int> = []) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            "<\(tag)\(numeric.contains(column) ? " class=\"n\"" : "")>\(tag == "td" && raw.contains(column) ? text : escape(text))</\(tag)>"
        }
        var html = "<div class=\"tabla\"><table><thead><tr>"
        html += headers.enumerated().map { cell("th", $1, $0) }.joined() + "</tr></thead><tbody>\n"
        for row in rows { html += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n" }
        return html + "</tbody></table></div>\n"
    }
}

/// SVG charts that scale to the screen: drawn in their own units (`viewBox`) and shown at most that
/// wide, narrower on a phone.
public enum SVG {
    /// The opening tag of a chart `width` × `height` units, with its text alternative. The stylesheet
    /// lets it shrink with the screen, keeping its proportions.
    public static func open(width: Double, height: Double, label: String) -> String {
        let w = Int(width.rounded(.up)), h = Int(height.rounded(.up))
        return "<svg class=\"grafica\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
            + "<title>\(HTML.escape(label))</title>\n"
    }

    /// Horizontal bars, one per item: its label at the left, a bar proportional to its value, and its
    /// figure (`text`) at the right; the same layout on a phone (the chart shrinks as a whole).
    public static func bars(_ items: [(label: String, value: Double, text: String)], title: String, colour: String = "#0b6e4f") -> String {
        // About 420 units wide: on a 390 px phone the text shrinks to about 11 px, still legible.
        let rowHeight = 26.0, labelWidth = 150.0, barWidth = 200.0
        let top = max(items.map(\.value).max() ?? 1, .leastNonzeroMagnitude)
        var svg = open(width: labelWidth + barWidth + 70, height: Double(items.count) * rowHeight + 6, label: title)
        for (i, item) in items.enumerated() {
            let y = Double(i) * rowHeight + 3
            svg += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 16))\" text-anchor=\"end\">\(HTML.escape(short(item.label, 22)))</text>"
            svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 4))\" width=\"\(number(max(0, item.value) / top * barWidth))\" height=\"15\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(number(labelWidth + max(0, item.value) / top * barWidth + 6))\" y=\"\(number(y + 16))\">\(HTML.escape(item.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A chart too detailed to shrink (a scatter, a map): kept at least `minimum` px wide and scrolled
    /// sideways inside its own box on a phone, so its text stays legible.
    public static func wide(_ svg: String, minimum: Int = 560) -> String { "<div class=\"ancho\" style=\"--ancho:\(minimum)px\">\(svg)</div>\n" }

    /// A coordinate with one decimal.
    public static func number(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A label cut to `length` characters with «…».
    public static func short(_ text: String, _ length: Int) -> String { text.count > length ? String(text.prefix(length - 1)) + "…" : text }
}
