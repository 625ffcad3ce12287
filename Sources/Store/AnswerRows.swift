import GRDB
import GRDBSQLite

/// SQLite's own binding and reading calls for the import and export paths: building GRDB's argument
/// arrays and rows for a hundred thousand interviews was a third of their time.
enum AnswerRows {
    /// SQLite copies the bound text before `sqlite3_bind_text` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The interviews of a questionnaire in the order they were stored, read column by column from
    /// SQLite (GRDB's `Row` looks columns up by lower-cased name: too slow for a hundred thousand rows).
    static func interviews(_ db: Database, questionnaire: String) throws -> [InterviewRecord] {
        let statement = try db.makeStatement(sql: """
            SELECT questionnaire, version, respondent, mode, interviewer, started_at, ended_at, disposition, source, answers
            FROM interview WHERE questionnaire = ? ORDER BY id
            """)
        try statement.setArguments([questionnaire])
        let raw = statement.sqliteStatement
        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(raw, column) != SQLITE_NULL, let pointer = sqlite3_column_text(raw, column) else { return nil }
            return String(cString: pointer)
        }
        var result: [InterviewRecord] = []
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
            }
            result.append(InterviewRecord(questionnaire: text(0) ?? "", version: text(1) ?? "", respondent: text(2) ?? "", mode: text(3) ?? "",
                                          interviewer: text(4), startedAt: text(5) ?? "", endedAt: text(6), disposition: text(7),
                                          source: text(8) ?? "", answers: AnswerJSON.decode(text(9) ?? "{}")))
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

