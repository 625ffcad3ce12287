import Diagnostics

/// A data set held by column: what `sondeo` reads from a CSV file and what every analysis reads.
///
/// ```swift
/// let (table, report) = try CSVReader.read(path: "afiliados.csv")
/// let edad = table["edad"]?.numbers   // [48, 45, 43, …]
/// ```
public struct Table: Sendable {
    public private(set) var columns: [Column]
    public let rowCount: Int
    /// For a table read from a file: the line where each row starts, so that a message about a row can
    /// name it even when quoted fields span several lines.
    public let sourceLines: [Int32]?
    /// For a table read from a CSV file with ``CSVReadOptions/recordOffsets``: the byte where each row's
    /// record starts in the file, so that its bytes can be copied as they are (``CSVRecordCopy``).
    public let sourceOffsets: [Int64]?

    public init(columns: [Column], rowCount: Int, sourceLines: [Int32]? = nil, sourceOffsets: [Int64]? = nil) {
        precondition(columns.allSatisfy { $0.count == rowCount }, "every column must have rowCount rows")
        precondition(sourceLines == nil || sourceLines!.count == rowCount, "one source line per row")
        precondition(sourceOffsets == nil || sourceOffsets!.count == rowCount, "one source offset per row")
        self.columns = columns
        self.rowCount = rowCount
        self.sourceLines = sourceLines
        self.sourceOffsets = sourceOffsets
    }

    /// The file line of a row (1-based; the header is line 1), or the row's position after the
    /// header when the table was not read from a file.
    public func line(ofRow row: Int) -> Int {
        sourceLines.map { Int($0[row]) } ?? row + 2
    }

    /// The table with `column` in place of the column of the same name, or added at the end.
    public func setting(_ column: Column) -> Table {
        var copy = columns
        if let index = copy.firstIndex(where: { $0.name == column.name }) { copy[index] = column } else { copy.append(column) }
        return Table(columns: copy, rowCount: rowCount, sourceLines: sourceLines, sourceOffsets: sourceOffsets)
    }

    /// The table with columns added at the end.
    public func appending(_ extra: [Column]) -> Table {
        Table(columns: columns + extra, rowCount: rowCount, sourceLines: sourceLines, sourceOffsets: sourceOffsets)
    }

    public var columnNames: [String] { columns.map(\.name) }

    public subscript(name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The named column, or an error that names the file and suggests the nearest name.
    public func column(_ name: String, source: String) throws(CSVError) -> Column {
        if let column = self[name] { return column }
        throw CSVError(.unknownColumn(name, suggestion: Suggestion.closest(to: name, among: columnNames)),
                       at: SourceLocation(source: source, line: 1))
    }

    /// The rows whose mask entry is true.
    public func filtered(_ mask: [Bool]) -> Table {
        precondition(mask.count == rowCount)
        let rows = mask.indices.filter { mask[$0] }
        return selecting(rows)
    }

    /// The given rows, in the given order.
    public func selecting(_ rows: [Int]) -> Table {
        Table(columns: columns.map { $0.selecting(rows) }, rowCount: rows.count,
              sourceLines: sourceLines.map { lines in rows.map { lines[$0] } }, sourceOffsets: sourceOffsets.map { offsets in rows.map { offsets[$0] } })
    }

    /// Only the named columns, in the order given.
    public func projecting(_ names: [String]) -> Table {
        Table(columns: names.compactMap { self[$0] }, rowCount: rowCount, sourceLines: sourceLines, sourceOffsets: sourceOffsets)
    }
}
