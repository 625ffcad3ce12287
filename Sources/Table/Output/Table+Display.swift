import Diagnostics
import Foundation

/// Rows of a table as a person reads them in the terminal (decimal comma in Spanish, ISO dates,
/// numbers right-aligned, long text cut), or as JSON objects.
extension Table {
    public var textTable: TextTable {
        let table = self
        let format = ValueFormat(decimalMark: Language.current == .es ? "," : ".", dateLayout: .iso)
        var text = TextTable(headers: table.columnNames,
                             alignments: table.columns.map { $0.type == .integer || $0.type == .decimal ? .right : .left })
        for row in 0..<table.rowCount {
            text.append(table.columns.map { column in
                TextTable.shortened(column.text(at: row, format: format) ?? "", to: 40)
            })
        }
        return text
    }

    /// Rows as JSON objects: numbers as numbers, dates as ISO text, labels as text, missing as null.
    public var jsonRows: JSONValue {
        let table = self
        return .array((0..<table.rowCount).map { row in
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
