import Diagnostics

extension Table {
    /// `data head`: these rows (the first of `matching` rows that pass the filter, of `total`), as an
    /// aligned table with a footer, Markdown, CSV or JSON.
    public func head(matching: Int, total: Int, filtered: Bool, format: OutputFormat) -> String {
        switch format {
        case .csv: return String(decoding: CSVWriter.standard.bytes(of: self), as: UTF8.self)
        case .json: return JSONValue.object([("total", .integer(total)), ("matching", .integer(matching)), ("rows", jsonRows)]).rendered()
        case .markdown: return textTable.markdown()
        case .table, .xlsx:
            let shown = NumberText.integer(rowCount), all = NumberText.integer(total)
            let footer = filtered
                ? L("\(shown) de \(NumberText.integer(matching)) filas que cumplen el filtro (de \(all) en total).",
                    "\(shown) of \(NumberText.integer(matching)) rows matching the filter (of \(all) in all).")
                : L("\(shown) de \(all) filas.", "\(shown) of \(all) rows.")
            return textTable.rendered() + "\n\n" + footer
        }
    }
}
