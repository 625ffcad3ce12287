import Diagnostics
import Foundation
import Table

/// Rows of a table as a person reads them in the terminal (decimal comma in Spanish, ISO dates,
/// numbers right-aligned, long text cut).
enum TableDisplay {
    static let maximumCellWidth = 40

    static func textTable(_ table: Table) -> TextTable {
        let format = ValueFormat(decimalMark: Localization.language == .es ? "," : ".", dateLayout: .iso)
        var text = TextTable(headers: table.columnNames,
                             alignments: table.columns.map { $0.type == .integer || $0.type == .decimal ? .right : .left })
        for row in 0..<table.rowCount {
            text.append(table.columns.map { column in
                shortened(column.text(at: row, format: format) ?? "", to: maximumCellWidth)
            })
        }
        return text
    }

    /// The text on one line (line breaks shown as spaces), cut to `width` characters with an
    /// ellipsis when cut.
    static func shortened(_ value: String, to width: Int) -> String {
        let line = value.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        return line.count > width ? String(line.prefix(width - 1)) + "…" : line
    }
}

/// Rows as JSON objects: numbers as numbers, dates as ISO text, labels as text, missing as null.
enum TableJSON {
    static func rows(_ table: Table) -> JSONValue {
        .array((0..<table.rowCount).map { row in
            .object(table.columns.map { column in
                guard !column.isMissing(row) else { return (column.name, .null) }
                switch column.type {
                case .integer, .decimal: return (column.name, .number(column.numbers![row]))
                default: return (column.name, column.text(at: row).map(JSONValue.string) ?? .null)
                }
            })
        })
    }
}
