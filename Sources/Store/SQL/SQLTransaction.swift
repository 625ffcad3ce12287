/// The two SQL servers the store runs on. Statements are written once with `?` placeholders; what
/// differs between them is said here and nowhere else.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// A table definition written with the tokens `{id}` (an integer key the database assigns),
    /// `{real}`, `{int}`, `{bool}` and `{false}`, in this dialect's words.
    func ddl(_ text: String) -> String {
        let words: [(String, String)] = self == .sqlite
            ? [("{id}", "INTEGER PRIMARY KEY"), ("{real}", "REAL"), ("{int}", "INTEGER"), ("{bool}", "INTEGER"), ("{false}", "0")]
            : [("{id}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"), ("{real}", "DOUBLE PRECISION"), ("{int}", "BIGINT"),
               ("{bool}", "BOOLEAN"), ("{false}", "FALSE")]
        return words.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// Appended to a SELECT whose rows the transaction will change (PostgreSQL locks them; a SQLite
    /// write transaction holds the whole database already).
    var forUpdate: String { self == .postgres ? " FOR UPDATE" : "" }
}

/// The statements of one transaction, on SQLite (GRDB) or PostgreSQL (postgres-nio): the seam under
/// the store's rules (``SQLStore``). Statements use `?` placeholders.
public protocol SQLTransaction {
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows; the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// Runs a query and calls `row` for each row of the result, in order.
    func each(_ sql: String, _ arguments: [SQLValue], _ row: (any SQLCursor) throws -> Void) throws
    /// Inserts rows into `table`, several to a statement (an import writes a hundred thousand).
    func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws
}

extension SQLTransaction {
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    /// The rows of a query, each read by `map`.
    func rows<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (any SQLCursor) throws -> T) throws -> [T] {
        var result: [T] = []
        try each(sql, arguments.map(\.sqlValue)) { result.append(try map($0)) }
        return result
    }

    /// The first row of a query, read by `map`, or nil.
    func first<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (any SQLCursor) throws -> T) throws -> T? {
        var result: T?
        try each(sql, arguments.map(\.sqlValue)) { cursor in if result == nil { result = try map(cursor) } }
        return result
    }

    /// The first column of the first row as text (nil when there is no row or it is NULL).
    func text(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> String? {
        try first(sql, arguments) { $0.text(0) } ?? nil
    }

    /// The first column of every row as text.
    func texts(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [String] {
        try rows(sql, arguments) { $0.text(0) ?? "" }
    }

    /// The first column of the first row as an integer.
    func integer(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int64? {
        try first(sql, arguments) { $0.integer(0) } ?? nil
    }

    /// Makes concurrent transactions that take the same key wait for each other (PostgreSQL's
    /// transaction-level advisory lock); SQLite writes one transaction at a time anyway.
    func serialize(_ key: Int) throws {
        if dialect == .postgres { try execute("SELECT pg_advisory_xact_lock(?)", [key]) }
    }
}

/// A database the store can run transactions on.
public protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Where it is, as messages show it (a PostgreSQL address without its password).
    var location: String { get }
    /// A transaction that may write: all of it or nothing. Errors of the database itself come out as
    /// ``StoreError/database(path:message:)``; errors thrown by `body` come out as they are.
    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T
    /// A transaction that only reads.
    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T
}
