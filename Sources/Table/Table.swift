/// A data set held by column: what `sondeo` reads from a CSV file and what every analysis reads.
///
/// ```swift
/// let (table, report) = try CSVReader.read(path: "afiliados.csv")
/// let edad = table["edad"]?.numbers   // [48, 45, 43, …]
/// ```
public struct Table: Sendable {
    public private(set) var columns: [Column]
    public let rowCount: Int

    public init(columns: [Column], rowCount: Int) {
        precondition(columns.allSatisfy { $0.count == rowCount }, "every column must have rowCount rows")
        self.columns = columns
        self.rowCount = rowCount
    }

    public var columnNames: [String] { columns.map(\.name) }

    public subscript(name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The rows whose mask entry is true.
    public func filtered(_ mask: [Bool]) -> Table {
        precondition(mask.count == rowCount)
        let rows = mask.indices.filter { mask[$0] }
        return selecting(rows)
    }

    /// The given rows, in the given order.
    public func selecting(_ rows: [Int]) -> Table {
        Table(columns: columns.map { $0.selecting(rows) }, rowCount: rows.count)
    }

    /// Only the named columns, in the order given.
    public func projecting(_ names: [String]) -> Table {
        Table(columns: names.compactMap { self[$0] }, rowCount: rowCount)
    }
}
