import Diagnostics
import Foundation
import PostgresNIO

/// A PostgreSQL server (`postgres://usuario:clave@127.0.0.1/sondeo`) for several users at once,
/// through postgres-nio. The store is synchronous like its protocols, so each statement waits for
/// its answer; the connections run on an event-loop thread of their own, never on a caller's, so a
/// caller that waits (a command, a web handler) cannot hold up the work it waits for. Up to eight
/// transactions run at once, each on a connection of its own.
final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    let url: String
    var dialect: SQLDialect { .postgres }
    var location: String { Self.redacted(url) }
    private let configuration: PostgresConnection.Configuration
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let logger = Logger(label: "sondeo.postgres")
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var opened = 0
    private let slots = DispatchSemaphore(value: 8)

    init(url: String) throws(StoreError) {
        self.url = url
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""), let host = parts.host,
              let user = parts.user, !host.isEmpty else {
            try? group.syncShutdownGracefully()
            throw .cannotOpen(path: Self.redacted(url), reason: .notPostgresAddress)
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        var configuration = PostgresConnection.Configuration(host: host, port: parts.port ?? 5432, username: user, password: parts.password,
                                                             database: database.isEmpty ? user : database, tls: .disable)
        // A server that is down is said at once, not after a minute.
        configuration.options.connectTimeout = .seconds(5)
        self.configuration = configuration
    }

    deinit {
        // Closed and shut down before they go: postgres-nio and NIO require it. A store is let go on a
        // caller's thread, never on its own event loop's.
        for connection in idle { connection.closeNow() }
        try? group.syncShutdownGracefully()
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// The store error of a server or connection error: the server's own words, or «unreachable».
    func storeError(_ error: any Error) -> StoreError {
        if let error = error as? PSQLError {
            // SQLSTATE class 28: invalid authorization (a wrong user or password).
            if error.serverInfo?[.sqlState]?.hasPrefix("28") == true { return .cannotOpen(path: location, reason: .credentials) }
            if let message = error.serverInfo?[.message] { return .database(path: location, message: message) }
            if [.connectionError, .serverClosedConnection, .clientClosedConnection].contains(error.code) { return .unreachable(path: location) }
            return .database(path: location, message: "\(error.code)")
        }
        if error is ChannelError || error is IOError || error is NIOConnectionError { return .unreachable(path: location) }
        return .database(path: location, message: "\(error)")
    }

    func write<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try transaction(body) }

    func read<T>(_ body: (any SQLTransaction) throws -> T) throws -> T { try transaction(body) }

    /// BEGIN, the body, COMMIT (ROLLBACK on any error). A pooled connection the server has dropped
    /// (it restarted) fails at BEGIN, before anything was done: the transaction then runs once more
    /// on a new connection, so the first request after a restart does not fail.
    private func transaction<T>(_ body: (any SQLTransaction) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        var retried = false
        while true {
            let (connection, reused) = try lease()
            let transaction = PostgresTransaction(connection: connection, logger: logger, location: location)
            do {
                try transaction.run("BEGIN")
            } catch {
                discard(connection)
                if reused && !retried { retried = true; continue }
                throw translate(error)
            }
            do {
                let result = try body(transaction)
                try transaction.run("COMMIT")
                give(connection)
                return result
            } catch {
                if (try? transaction.run("ROLLBACK")) != nil { give(connection) } else { discard(connection) }
                throw translate(error)
            }
        }
    }

    /// Errors of the server or the connection as ``StoreError/database(path:message:)``; those of the
    /// transaction's body as they are.
    private func translate(_ error: any Error) -> any Error {
        guard error is PSQLError || error is ChannelError || error is IOError || error is NIOConnectionError else { return error }
        return storeError(error)
    }

    /// An idle connection, or a new one.
    private func lease() throws -> (PostgresConnection, reused: Bool) {
        lock.lock()
        while let connection = idle.popLast() {
            if !connection.isClosed { lock.unlock(); return (connection, true) }
            opened -= 1
        }
        opened += 1
        let id = opened
        lock.unlock()
        do {
            let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
            return (connection, false)
        } catch {
            lock.lock(); opened -= 1; lock.unlock()
            throw storeError(error)
        }
    }

    private func give(_ connection: PostgresConnection) {
        lock.lock(); idle.append(connection); lock.unlock()
    }

    private func discard(_ connection: PostgresConnection) {
        connection.closeSoon()
        lock.lock(); opened -= 1; lock.unlock()
    }
}

extension PostgresConnection {
    /// Closes the connection without waiting; it is kept until it is closed.
    func closeSoon() {
        let future: EventLoopFuture<Void> = close()
        future.whenComplete { _ in _ = self }
    }

    /// Closes the connection and waits for it.
    func closeNow() {
        let future: EventLoopFuture<Void> = close()
        _ = try? future.wait()
    }
}

/// One PostgreSQL transaction on a leased connection. `?` placeholders become `$1`, `$2`, ….
struct PostgresTransaction: SQLTransaction {
    let connection: PostgresConnection
    let logger: Logger
    let location: String
    var dialect: SQLDialect { .postgres }

    func run(_ sql: String) throws {
        _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
    }

    private func query(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value {
            case .null: binds.appendNull()
            case .integer(let x): binds.append(x)
            case .real(let x): binds.append(x)
            case .bool(let x): binds.append(x)
            case .text(let x): binds.append(x)
            case .utf8(let bytes): binds.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds), logger: logger).wait()
    }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try query(sql, arguments).metadata.rows ?? 0
    }

    func each(_ sql: String, _ arguments: [SQLValue], _ row: (any SQLCursor) throws -> Void) throws {
        for result in try query(sql, arguments).rows { try row(PostgresCursor(row: result.makeRandomAccess())) }
    }

    /// Up to 1,000 rows to an INSERT (PostgreSQL takes 65,535 parameters): a round trip per row made an
    /// import thirty times slower than on SQLite.
    func insert(into table: String, columns: [String], rows: [[SQLValue]]) throws {
        let perStatement = max(1, min(1000, 65_535 / max(1, columns.count)))
        var start = 0
        while start < rows.count {
            let group = rows[start..<min(rows.count, start + perStatement)]
            _ = try query(SQLInsert.statement(table, columns, rows: group.count), Array(group.joined()))
            start += group.count
        }
    }

    /// `?` → `$n`, outside quoted literals and identifiers.
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for c in sql {
            if let q = quote {
                if c == q { quote = nil }
                result.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                result.append(c)
            } else if c == "?" {
                n += 1
                result += "$\(n)"
            } else {
                result.append(c)
            }
        }
        return result
    }
}

/// The current row of a PostgreSQL result.
struct PostgresCursor: SQLCursor {
    let row: PostgresRandomAccessRow

    func isNull(_ column: Int) -> Bool { row[column].bytes == nil }

    func text(_ column: Int) -> String? {
        let cell = row[column]
        guard let bytes = cell.bytes else { return nil }
        switch cell.dataType {
        case .text, .varchar, .bpchar, .name: return String(buffer: bytes)
        default: return try? cell.decode(String.self)
        }
    }

    func integer(_ column: Int) -> Int64? {
        let cell = row[column]
        guard cell.bytes != nil else { return nil }
        if cell.dataType == .bool { return (try? cell.decode(Bool.self)).map { $0 ? 1 : 0 } }
        return try? cell.decode(Int64.self)
    }

    func real(_ column: Int) -> Double? {
        let cell = row[column]
        guard cell.bytes != nil else { return nil }
        if let x = try? cell.decode(Double.self) { return x }
        if let x = try? cell.decode(Int64.self) { return Double(x) }
        // NUMERIC (an amount, a salary in SMMLV): its exact decimal, as the nearest double.
        return (try? cell.decode(Decimal.self)).map { NSDecimalNumber(decimal: $0).doubleValue }
    }

    func instant(_ column: Int) -> Date? {
        let cell = row[column]
        guard cell.bytes != nil, [.date, .timestamp, .timestamptz].contains(cell.dataType) else { return nil }
        return try? cell.decode(Date.self)
    }

    var columns: [(name: String, kind: SQLColumnKind?)] {
        (0..<row.count).map { i in
            let cell = row[i]
            let kind: SQLColumnKind
            switch cell.dataType {
            case .int2, .int4, .int8, .oid: kind = .integer
            case .float4, .float8, .numeric, .money: kind = .decimal
            case .bool: kind = .boolean
            case .date: kind = .date
            case .timestamp, .timestamptz: kind = .dateTime
            default: kind = .text
            }
            return (cell.columnName, kind)
        }
    }

    func bool(_ column: Int) -> Bool? {
        let cell = row[column]
        guard cell.bytes != nil else { return nil }
        if cell.dataType == .bool { return try? cell.decode(Bool.self) }
        return integer(column).map { $0 != 0 }
    }

    func withUTF8<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard let bytes = row[column].bytes else { return nil }
        return try bytes.withUnsafeReadableBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
    }
}
