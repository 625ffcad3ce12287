import Diagnostics
import Foundation
import Table
import GRDB
import GRDBSQLite

/// The embedded database: one SQLite file (`sondeo.sqlite` by default) in WAL mode, so that an
/// encuestador's interview and an import can write at the same time (each waits its turn for up to
/// 30 s) and readers never block. Statements run through SQLite's own calls: building GRDB's argument
/// arrays and rows for a hundred thousand interviews was a third of an import's time.
final class SQLiteDatabase: SQLDatabase, Sendable {
    let location: String
    var dialect: SQLDialect { .sqlite }
    private let pool: DatabasePool

    init(path: String) throws(StoreError) {
        location = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        // A new store gets 64 KiB pages (SQLite's largest): writing an import of 100,000 interviews to the
        // WAL and checkpointing it then takes 16 times fewer system calls than with 4 KiB pages, a third
        // of the import's time on a virtual disk. The page size is fixed when the file is first written
        // (before WAL mode is set up), so this changes nothing for a store that already exists.
        // With those pages SQLite's automatic checkpoint (every 1,000 pages) would let the WAL of a long-running
        // server grow to 64 MiB: it checkpoints every 256 pages (16 MiB) instead, and truncates the WAL back
        // to 16 MiB after a checkpoint.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 65536")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 256")
            try db.execute(sql: "PRAGMA journal_size_limit = 16777216")
        }
        // A new store is created readable by its owner only (it holds contacts, answers, link tokens and
        // password hashes; Ley 1581 de 2012); SQLite gives its -wal and -shm files the same permissions.
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if descriptor >= 0 { close(descriptor) }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: .database(Self.reason(error)))
        } catch {
            throw .cannotOpen(path: path, reason: .database("\(error)"))
        }
    }

    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        do { return try pool.write { db in try body(SQLiteTransaction(db: db)) } } catch { throw translate(error) }
    }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        do { return try pool.read { db in try body(SQLiteTransaction(db: db)) } } catch { throw translate(error) }
    }

    private func translate(_ error: any Error) -> any Error {
        if let error = error as? DatabaseError { return StoreError.database(path: location, message: Self.reason(error)) }
        return error
    }

    /// SQLite's complaint in the person's language: a full disk, a read-only file, a file that is not
    /// a database (SQLite's own texts are English, «database or disk is full»).
    static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: return SystemMessage.text(ENOSPC)
        case .SQLITE_READONLY: return SystemMessage.text(EROFS)
        case .SQLITE_PERM, .SQLITE_AUTH: return SystemMessage.text(EACCES)
        case .SQLITE_IOERR: return SystemMessage.text(EIO)
        case .SQLITE_CANTOPEN: return L("no se pudo abrir el archivo de la base", "the store's file could not be opened")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return L("otro proceso la tiene ocupada; intente de nuevo", "another process is using it; try again")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return L("el archivo no es una base de Sondeo o está dañado", "the file is not a Sondeo store or is damaged")
        default: return error.message ?? error.description
        }
    }
}

/// One SQLite transaction: statements are prepared once (GRDB's cache), arguments bound with
/// `sqlite3_bind_*` and rows read with `sqlite3_column_*`.
struct SQLiteTransaction: SQLTransaction {
    let db: Database
    var dialect: SQLDialect { .sqlite }
    private let binder = StatementBinder()

    init(db: Database) { self.db = db }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        try binder.run(statement, arguments) { _ in }
        return Int(sqlite3_changes(sqlite3_db_handle(statement)))
    }

    func each(_ sql: String, _ arguments: [SQLValue], _ row: (any SQLCursor) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        let cursor = SQLiteCursor(statement: statement)
        try binder.run(statement, arguments) { _ in try row(cursor) }
    }

    /// 64 rows to an INSERT: one statement per row spent a third of SQLite's work opening, checking and
    /// closing it; more rows per statement gain nothing measurable.
    func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws {
        var start = 0
        while start < rows.count {
            let group = rows[start..<min(rows.count, start + 64)]
            let statement = try db.cachedStatement(sql: SQLInsert.statement(table, columns, rows: group.count)).sqliteStatement
            try binder.run(statement, Array(group.joined())) { _ in }
            start += group.count
        }
    }
}

/// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?)` for a number of rows.
enum SQLInsert {
    static func statement(_ table: String, _ columns: [String], rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}

/// Binds arguments to a SQLite statement without SQLite copying each text: they are copied once into
/// a buffer of ours and bound as SQLITE_STATIC, which SQLite reads in place. The buffer is not touched
/// between binding and the end of the run, and the bindings are cleared once the statement has run.
/// (Binding with SQLITE_TRANSIENT made SQLite allocate and copy every text: a fifth of an import.)
final class StatementBinder {
    private static let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)
    private let buffer = GrowableBuffer<UInt8>(capacity: 4096)
    private var busy = false

    /// Binds `arguments` (in order) and steps the statement to its end, calling `row` for each row.
    func run(_ raw: OpaquePointer, _ arguments: [SQLValue], row: (OpaquePointer) throws -> Void) throws {
        // A statement run while another is being read (a query inside a row's handler) gets its own buffer.
        if busy { return try StatementBinder().run(raw, arguments, row: row) }
        busy = true
        sqlite3_reset(raw)
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
            buffer.removeAll()
            busy = false
        }
        var texts: [(index: Int32, offset: Int, count: Int)] = []
        for (position, value) in arguments.enumerated() {
            let index = Int32(position + 1)
            switch value {
            case .null: sqlite3_bind_null(raw, index)
            case .integer(let x): sqlite3_bind_int64(raw, index, x)
            case .real(let x): sqlite3_bind_double(raw, index, x)
            case .bool(let x): sqlite3_bind_int64(raw, index, x ? 1 : 0)
            case .text(let text):
                let offset = buffer.count
                buffer.append(text)
                texts.append((index, offset, buffer.count - offset))
            case .utf8(let bytes):
                let offset = buffer.count
                bytes.withUnsafeBufferPointer { buffer.append($0) }
                texts.append((index, offset, bytes.count))
            }
        }
        // The buffer may have moved while it grew: texts are bound once it is complete.
        let start = UnsafePointer(buffer.base)
        for (index, offset, count) in texts {
            // Never a null pointer, which SQLite would take for NULL.
            (start + offset).withMemoryRebound(to: CChar.self, capacity: max(count, 1)) { _ = sqlite3_bind_text(raw, index, $0, Int32(count), Self.isStatic) }
        }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
            }
            try row(raw)
        }
    }
}

/// The current row of a SQLite statement.
extension SQLiteDatabase {
    /// Reads another program's SQLite file without changing it (no WAL switch, no pragmas): a data source.
    static func readOnly<T>(path: String, _ body: (any SQLTransaction) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in try body(SQLiteTransaction(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError.cannotRead(source: path, reason: .database(error.message ?? "\(error.resultCode)"))
        }
    }
}

struct SQLiteCursor: SQLCursor {
    let statement: OpaquePointer

    func isNull(_ column: Int) -> Bool { sqlite3_column_type(statement, Int32(column)) == SQLITE_NULL }

    func text(_ column: Int) -> String? { withUTF8(column) { String(decoding: $0, as: UTF8.self) } }

    func integer(_ column: Int) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(statement, Int32(column)) }

    func real(_ column: Int) -> Double? { isNull(column) ? nil : sqlite3_column_double(statement, Int32(column)) }

    func bool(_ column: Int) -> Bool? { integer(column).map { $0 != 0 } }

    func instant(_ column: Int) -> Date? { nil }

    /// SQLite's declared types by its affinity rules (sqlite.org/datatype3.html §3.1), with BOOLEAN, DATE
    /// and DATETIME/TIMESTAMP read as what they say.
    var columns: [(name: String, kind: SQLColumnKind?)] {
        (0..<Int(sqlite3_column_count(statement))).map { i in
            let name = sqlite3_column_name(statement, Int32(i)).map { String(cString: $0) } ?? "columna_\(i + 1)"
            guard let declared = sqlite3_column_decltype(statement, Int32(i)).map({ String(cString: $0).uppercased() }) else { return (name, nil) }
            let kind: SQLColumnKind
            if declared.contains("BOOL") { kind = .boolean }
            else if declared.contains("DATETIME") || declared.contains("TIMESTAMP") { kind = .dateTime }
            else if declared.contains("DATE") { kind = .date }
            else if declared.contains("INT") { kind = .integer }
            else if declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT") { kind = .text }
            else if declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB") || declared.contains("NUM") || declared.contains("DEC") { kind = .decimal }
            else { return (name, nil) }
            return (name, kind)
        }
    }

    func withUTF8<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard !isNull(column) else { return nil }
        // sqlite3_column_text before sqlite3_column_bytes: the count is then that of the UTF-8 text.
        guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, Int32(column)))))
    }
}
