import Diagnostics
import Foundation

/// A result a command prints in any of its formats: aligned text or Markdown for a person, JSON for
/// scripts (DESIGN.md's shapes), and its table — what CSV and an Excel workbook hold. ``render(_:)``
/// picks one for the screen; ``write(to:)`` writes the file its name promises.
public protocol Report {
    var json: JSONValue { get }
    /// The result as a table: one row per estimate (or coefficient, or cell).
    var resultTable: Table { get }
    func text(markdown: Bool) -> String
}

extension Report {
    public var csv: String { String(decoding: CSVWriter.standard.bytes(of: resultTable), as: UTF8.self) }

    /// The result for the screen (an Excel workbook is never printed: it goes to a file).
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json.rendered()
        case .csv: return csv
        case .markdown: return text(markdown: true)
        case .table, .xlsx: return text(markdown: false)
        }
    }

    /// Writes the result as its name says: `.json`, `.csv`, `.xlsx` (the table, typed), `.md` or `.txt`.
    public func write(to path: String) throws(CSVError) {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": try TextFile.write(json.rendered() + "\n", to: path)
        case "csv": try TextFile.write(csv, to: path)
        case "xlsx": try XLSXWriter.write([XLSXWriter.Sheet(name: L("resultado", "result"), table: resultTable)], to: path, access: .shared)
        case "md", "markdown": try TextFile.write(text(markdown: true) + "\n", to: path)
        default: try TextFile.write(text(markdown: false) + "\n", to: path)
        }
    }
}

extension Table {
    /// A table of texts from rows of cells, the first naming the columns (an empty cell is missing).
    public init(textRows rows: [[String]]) {
        let header = rows.first ?? []
        self.init(header.indices.map { i in Column.optionalTexts(header[i], rows.dropFirst().map { i < $0.count && !$0[i].isEmpty ? $0[i] : nil }) })
        if rows.count == 1 { self = Table(columns: columns, rowCount: 0) }
    }

    /// A table of the given columns (all of one length).
    public init(_ columns: [Column]) {
        self.init(columns: columns, rowCount: columns.first?.count ?? 0)
    }
}
