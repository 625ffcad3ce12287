import Diagnostics
import Foundation
import Table

/// A table read from a database instead of a file (procedure step 36: «extraer de las bases de datos
/// toda la información referente a ese segmento»): a PostgreSQL server (`postgres://usuario@servidor/base`;
/// the password in `PGPASSWORD` rather than in the address, and never printed) or a SQLite file, with a
/// query or a table name. Column types are the database's own (integers, decimals, booleans, dates,
/// date-times, text); NULL is missing. Nothing is written: PostgreSQL runs the query in a read-only
/// transaction and the SQLite file is opened read-only.
public enum DatabaseTable {
    /// Whether `source` names a database rather than a data file.
    public static func isDatabase(_ source: String) -> Bool {
        let lower = source.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") || ["sqlite", "sqlite3", "db"].contains((lower as NSString).pathExtension)
    }

    /// The address as messages show it (no password).
    public static func shown(_ source: String) -> String { PostgresDatabase.redacted(source) }

    /// The SQL `query` (or `SELECT * FROM` a table name) on `source`, as a table. `environment` gives
    /// `PGPASSWORD` for an address without one.
    public static func read(_ source: String, query: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Table {
        let sql = Self.sql(query)
        let result: Table?
        if source.lowercased().hasPrefix("postgres") {
            do {
                let database = try PostgresDatabase(url: withPassword(source, environment))
                result = try database.read { tx in
                    try tx.execute("SET TRANSACTION READ ONLY")
                    return try collect(tx, sql)
                }
            } catch let StoreError.cannotOpen(_, reason) {
                throw StoreError.cannotRead(source: shown(source), reason: reason)
            } catch StoreError.unreachable {
                throw StoreError.cannotRead(source: shown(source), reason: .unreachable)
            } catch let StoreError.database(_, message) {
                throw StoreError.cannotRead(source: shown(source), reason: .database(message))
            }
        } else {
            guard FileManager.default.fileExists(atPath: source) else { throw StoreError.cannotRead(source: source, reason: .missingFile) }
            result = try SQLiteDatabase.readOnly(path: source) { tx in try collect(tx, sql) }
        }
        guard let result else { throw StoreError.emptyQuery(source: shown(source), query: query) }
        return result
    }

    /// A bare table name (`afiliados`, `public.afiliados`) is read whole; anything else is the query.
    static func sql(_ query: String) -> String {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.range(of: #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$"#, options: .regularExpression) != nil else { return text }
        return "SELECT * FROM " + text.split(separator: ".").map { "\"\($0)\"" }.joined(separator: ".")
    }

    static func withPassword(_ url: String, _ environment: [String: String]) -> String {
        guard var parts = URLComponents(string: url), parts.password == nil, let password = environment["PGPASSWORD"], !password.isEmpty else { return url }
        parts.password = password
        return parts.string ?? url
    }

    /// The rows as columns of the kinds the database declares; a column it declares nothing for (an
    /// expression in SQLite) is numeric when every value is a number, text otherwise. Nil: no rows.
    static func collect(_ tx: any SQLTransaction, _ sql: String) throws -> Table? {
        var heads: [(name: String, kind: SQLColumnKind?)] = []
        var numbers: [[Double]] = [], texts: [[String?]] = [], allNumbers: [Bool] = [], allWhole: [Bool] = []
        var rows = 0
        try tx.each(sql, []) { row in
            if rows == 0 {
                heads = row.columns
                numbers = Array(repeating: [], count: heads.count)
                texts = Array(repeating: [], count: heads.count)
                allNumbers = Array(repeating: true, count: heads.count)
                allWhole = Array(repeating: true, count: heads.count)
            }
            rows += 1
            for (i, head) in heads.enumerated() {
                switch head.kind {
                case .integer?, .decimal?:
                    numbers[i].append(row.real(i) ?? .nan)
                case .boolean?:
                    numbers[i].append(row.bool(i).map { $0 ? 1 : 0 } ?? .nan)
                case .date?:
                    let day = row.instant(i).map { Double(Int(($0.timeIntervalSince1970 / 86400).rounded(.down))) }
                        ?? row.text(i).flatMap(CivilDate.init(parsing:)).map { Double($0.daysSinceEpoch) }
                    numbers[i].append(day ?? .nan)
                case .dateTime?:
                    numbers[i].append(row.instant(i).map(\.timeIntervalSince1970) ?? .nan)
                    texts[i].append(row.instant(i) == nil ? row.text(i) : nil)
                case .text?:
                    texts[i].append(row.text(i))
                case nil:
                    let text = row.text(i)
                    texts[i].append(text)
                    if let text, let value = Double(text) {
                        numbers[i].append(value)
                        if value != value.rounded() { allWhole[i] = false }
                    } else if text == nil {
                        numbers[i].append(.nan)
                    } else {
                        allNumbers[i] = false
                    }
                }
            }
        }
        guard rows > 0 else { return nil }
        let columns = heads.enumerated().map { i, head -> Column in
            switch head.kind {
            case .integer?: return Column(name: head.name, type: .integer, storage: .numeric(numbers[i]))
            case .decimal?: return Column(name: head.name, type: .decimal, storage: .numeric(numbers[i]))
            case .boolean?: return Column(name: head.name, type: .boolean, storage: .numeric(numbers[i]), booleanLabels: ["false", "true"])
            case .date?: return Column(name: head.name, type: .date, storage: .numeric(numbers[i]))
            case .dateTime?:
                // SQLite keeps date-times as text: those are kept as the text they are.
                guard texts[i].allSatisfy({ $0 == nil }) else { return Column.labels(head.name, texts[i]) }
                return Column(name: head.name, type: .dateTime, storage: .numeric(numbers[i]), dateTimeStyle: DateTimeStyle(separator: " ", zone: "Z"))
            case .text?: return Column.labels(head.name, texts[i])
            case nil:
                guard allNumbers[i], numbers[i].count == rows else { return Column.labels(head.name, texts[i]) }
                return Column(name: head.name, type: allWhole[i] ? .integer : .decimal, storage: .numeric(numbers[i]))
            }
        }
        return Table(columns: columns, rowCount: rows)
    }
}
