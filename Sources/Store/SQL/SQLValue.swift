import Foundation
/// A value bound to a statement or read from a row, the same on SQLite and PostgreSQL: the store's
/// rules are written once against these and the ``SQLTransaction`` seam.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)
    /// Text given as its UTF-8 bytes (an interview's answers as encoded), bound without making a String.
    case utf8([UInt8])
}

/// What can be bound as a statement argument: `tx.execute("… WHERE unit = ?", [unit, weight])`.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .bool(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One row of a result, read in place by column position (0-based), while the statement runs: the
/// export reads a hundred thousand interviews without building a dictionary per row.
public protocol SQLCursor {
    func isNull(_ column: Int) -> Bool
    func text(_ column: Int) -> String?
    func integer(_ column: Int) -> Int64?
    func real(_ column: Int) -> Double?
    /// A boolean: PostgreSQL's BOOLEAN, or SQLite's 0/1.
    func bool(_ column: Int) -> Bool?
    /// The bytes of a text column (nil for NULL), valid inside `body` only.
    func withUTF8<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R?
    /// The result's columns: each name, and the kind of value the database declares for it (nil when it
    /// declares none, as SQLite for an expression).
    var columns: [(name: String, kind: SQLColumnKind?)] { get }
    /// A date or a time as an instant (PostgreSQL's `date`, `timestamp`, `timestamptz`); nil otherwise.
    func instant(_ column: Int) -> Date?
}

/// What a database says a result column holds, as a table column's type.
public enum SQLColumnKind: Sendable {
    case integer, decimal, boolean, date, dateTime, text
}

extension SQLCursor {
    public func int(_ column: Int) -> Int? { integer(column).map { Int($0) } }
}
