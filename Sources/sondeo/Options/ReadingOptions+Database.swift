import ArgumentParser
import Diagnostics
import Foundation
import Store
import Synchronization
import Table

/// `--query`: the table of a database query (step 36) wherever a data file is read.
extension ReadingOptions {
    /// A table from a database (`postgres://…` or a SQLite file) with `--query`; nil for a data file.
    /// The report's SHA-256 (for a fingerprint) is that of the address without its password, a line
    /// break and the query.
    func databaseTable(_ path: String, digest: Bool = false) throws -> (table: Table, report: CSVReport)? {
        guard DatabaseTable.isDatabase(path) else {
            if query != nil { throw ValidationError(L("--query es para leer de una base de datos (postgres://… o un archivo .sqlite/.db), no de «\(path)»", "--query reads from a database (postgres://… or a .sqlite/.db file), not from «\(path)»")) }
            return nil
        }
        let shown = DatabaseTable.shown(path)
        guard let query, !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(L("«\(shown)» es una base de datos: diga qué leer con --query \"SELECT …\" o el nombre de una tabla",
                                    "«\(shown)» is a database: say what to read with --query \"SELECT …\" or a table's name"))
        }
        // A command that reads the header first (analyze, report) and then the table runs the query once.
        let key = path + "\n" + query
        let table = try lastQuery.withLock { last in
            if let last, last.key == key { return last.table }
            let table = try DatabaseTable.read(path, query: query)
            last = (key, table)
            return table
        }
        let sha = digest ? SHA256.hex(of: Array((shown + "\n" + query).utf8)) : nil
        return (table, CSVReport.query(query, source: shown, rows: table.rowCount, columns: table.columns.count, sha256: sha))
    }

    /// The column names of a data file or of a database query's result.
    func header(_ path: String) throws -> [String] {
        if let read = try databaseTable(path) { return read.table.columnNames }
        return try DataFile.header(path: path, options: try csvOptions())
    }

    /// `data inspect`'s summary of every column, of a data file or of a database query's result.
    func summarize(_ path: String) throws -> (summaries: [ColumnSummary], report: CSVReport) {
        if let read = try databaseTable(path) { return (read.table.columns.map(ColumnSummary.init), read.report) }
        return try DataFile.summarize(path: path, options: try csvOptions(showingProgressFor: path))
    }
}

/// The last database query read in this run, with its table.
private let lastQuery = Mutex<(key: String, table: Table)?>(nil)
