import GRDB
import GRDBSQLite

/// Writes answer rows through SQLite's own binding calls: an import stores about a dozen answers per
/// interview, and building GRDB's argument arrays for each was a third of its time.
enum AnswerRows {
    /// SQLite copies the bound text before `sqlite3_bind_text` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Inserts the answers of one interview with the prepared
    /// `INSERT INTO answer (interview_id, variable, status, number, text) VALUES (?, ?, ?, ?, ?)`.
    static func insert(_ answers: [StoredAnswer], interview: Int64, with statement: Statement) throws {
        let raw = statement.sqliteStatement
        for answer in answers {
            sqlite3_reset(raw)
            sqlite3_bind_int64(raw, 1, interview)
            sqlite3_bind_text(raw, 2, answer.variable, -1, transient)
            sqlite3_bind_text(raw, 3, answer.status, -1, transient)
            if let number = answer.number { sqlite3_bind_double(raw, 4, number) } else { sqlite3_bind_null(raw, 4) }
            if let text = answer.text { sqlite3_bind_text(raw, 5, text, -1, transient) } else { sqlite3_bind_null(raw, 5) }
            let code = sqlite3_step(raw)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
            }
        }
        sqlite3_reset(raw)
    }

    /// The answers of every interview of a questionnaire, by interview id, read column by column from
    /// SQLite (GRDB's `Row` looks columns up by lower-cased name: too slow for a million rows).
    static func all(_ db: Database, questionnaire: String) throws -> [Int64: [StoredAnswer]] {
        let statement = try db.makeStatement(sql: """
            SELECT a.interview_id, a.variable, a.status, a.number, a.text FROM answer a JOIN interview i ON i.id = a.interview_id
            WHERE i.questionnaire = ? ORDER BY a.interview_id, a.variable
            """)
        try statement.setArguments([questionnaire])
        let raw = statement.sqliteStatement
        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(raw, column) != SQLITE_NULL, let pointer = sqlite3_column_text(raw, column) else { return nil }
            return String(cString: pointer)
        }
        var result: [Int64: [StoredAnswer]] = [:]
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
            }
            let number: Double? = sqlite3_column_type(raw, 3) == SQLITE_NULL ? nil : sqlite3_column_double(raw, 3)
            result[sqlite3_column_int64(raw, 0), default: []].append(
                StoredAnswer(variable: text(1) ?? "", status: text(2) ?? "answered", number: number, text: text(4)))
        }
        return result
    }

    /// Binds texts, numbers and nulls to a prepared statement by position, through SQLite's own calls.
    static func bind(_ values: [Any?], to statement: Statement) {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case let text as String: sqlite3_bind_text(raw, index, text, -1, transient)
            case let number as Double: sqlite3_bind_double(raw, index, number)
            case let integer as Int64: sqlite3_bind_int64(raw, index, integer)
            case let integer as Int: sqlite3_bind_int64(raw, index, Int64(integer))
            default: sqlite3_bind_null(raw, index)
            }
        }
    }

    /// Runs a bound statement that returns at most one integer (an id), or nil.
    static func integer(_ statement: Statement) throws -> Int64? {
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        switch sqlite3_step(raw) {
        case SQLITE_ROW: return sqlite3_column_int64(raw, 0)
        case SQLITE_DONE: return nil
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
        }
    }

    /// Runs a bound statement that returns nothing.
    static func run(_ statement: Statement) throws {
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
        }
    }
}

