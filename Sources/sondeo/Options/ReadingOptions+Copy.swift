import Foundation
import Store
import Table

/// Reading a frame whose chosen rows are written out whole (`sample draw`): when the file's records can
/// be copied as they are into the output (``CSVRecordCopy``), only the columns the work needs are read.
extension ReadingOptions {
    /// Only `columns` (and `header` the file's column names) when `path` is a CSV file whose records
    /// copy into a CSV written by `writer`; the whole table (and no header) otherwise — a workbook, an
    /// SPSS file, a database, another dialect, or no `writer` (the output is not a standard CSV).
    /// `withFirst` adds the file's first column (the identifier when none is named).
    func readForCopy(_ path: String, columns: Set<String>?, withFirst: Bool, into writer: CSVWriter?) throws -> (table: Table, report: CSVReport, header: [String]?) {
        guard let writer, let columns, query == nil, !DatabaseTable.isDatabase(path), DataFile.format(of: path) == .csv else {
            let (table, report) = try readTable(path)
            return (table, report, nil)
        }
        let header = try DataFile.header(path: path, options: try csvOptions())
        // A name the file does not have (a misspelt --strata or --where column) is reported on the whole
        // table, as without the copy, so that the closest name is suggested among all the columns.
        guard columns.isSubset(of: header) else {
            let (table, report) = try readTable(path)
            return (table, report, nil)
        }
        let (table, report) = try readTable(path, columns: columns.union(withFirst ? header.prefix(1) : []), recordOffsets: true)
        guard CSVRecordCopy.possible(from: report, options: try csvOptions(), into: writer) else {
            let (table, report) = try readTable(path)
            return (table, report, nil)
        }
        return (table, report, header)
    }
}
