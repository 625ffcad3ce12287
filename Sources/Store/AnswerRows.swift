import GRDB
import GRDBSQLite
import Table

/// SQLite's own binding and reading calls for the import and export paths: building GRDB's argument
/// arrays and rows for a hundred thousand interviews was a third of their time.
enum AnswerRows {
    /// The interviews of a questionnaire in the order they were stored, read column by column from
    /// SQLite (GRDB's `Row` looks columns up by lower-cased name: too slow for a hundred thousand rows);
    /// the answers stay as the stored bytes.
    static func interviews(_ db: Database, questionnaire: String) throws -> [InterviewRow] {
        let statement = try db.makeStatement(sql: """
            SELECT questionnaire, version, respondent, mode, interviewer, started_at, ended_at, disposition, source, answers
            FROM interview WHERE questionnaire = ? ORDER BY id
            """)
        try statement.setArguments([questionnaire])
        let raw = statement.sqliteStatement
        // A text equal to the same column's in the previous row (the questionnaire, version, source of
        // an import) shares that row's String instead of allocating its own.
        var previous = [String?](repeating: nil, count: 9)
        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(raw, column) != SQLITE_NULL, let pointer = sqlite3_column_text(raw, column) else { return nil }
            let bytes = UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column)))
            if let last = previous[Int(column)], last.utf8.count == bytes.count, last.utf8.elementsEqual(bytes) { return last }
            let value = String(decoding: bytes, as: UTF8.self)
            previous[Int(column)] = value
            return value
        }
        var result: [InterviewRow] = []
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
            }
            var answers: [UInt8] = Array("{}".utf8)
            if let pointer = sqlite3_column_text(raw, 9) {
                answers = Array(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, 9))))
            }
            let record = InterviewRecord(questionnaire: text(0) ?? "", version: text(1) ?? "", respondent: text(2) ?? "", mode: text(3) ?? "",
                                         interviewer: text(4), startedAt: text(5) ?? "", endedAt: text(6), disposition: text(7),
                                         source: text(8) ?? "", answers: [])
            result.append(InterviewRow(record: record, answers: answers))
        }
        return result
    }
}

/// Binds one row's texts to a statement without SQLite copying each of them: they are copied once
/// into a buffer of ours and bound as SQLITE_STATIC, which SQLite reads in place. The buffer is not
/// touched between binding and running, and the bindings are cleared once the statement has run.
/// (Binding with SQLITE_TRANSIENT made SQLite allocate and copy every text: a fifth of an import.)
struct RowBinder {
    private static let isStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)
    private let buffer = GrowableBuffer<UInt8>(capacity: 4096)
    private var texts: [(index: Int32, offset: Int, count: Int)] = []
    private var integers: [(index: Int32, value: Int64?)] = []

    /// A text (nil for NULL) for parameter `index` (1-based).
    mutating func text(_ text: String?, at index: Int32) {
        guard let text else { integers.append((index, nil)); return }
        let offset = buffer.count
        buffer.append(text)
        texts.append((index, offset, buffer.count - offset))
    }

    mutating func text(utf8 bytes: [UInt8], at index: Int32) {
        let offset = buffer.count
        bytes.withUnsafeBufferPointer { buffer.append($0) }
        texts.append((index, offset, bytes.count))
    }

    mutating func integer(_ value: Int64?, at index: Int32) { integers.append((index, value)) }

    /// Binds what was given since the last run and runs the statement (which returns no rows).
    mutating func run(_ statement: Statement) throws {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        let start = UnsafePointer(buffer.base)
        for (index, offset, count) in texts {
            // Never a null pointer, which SQLite would take for NULL.
            (start + offset).withMemoryRebound(to: CChar.self, capacity: max(count, 1)) { _ = sqlite3_bind_text(raw, index, $0, Int32(count), Self.isStatic) }
        }
        for (index, value) in integers {
            if let value { sqlite3_bind_int64(raw, index, value) } else { sqlite3_bind_null(raw, index) }
        }
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
            buffer.removeAll()
            texts.removeAll(keepingCapacity: true)
            integers.removeAll(keepingCapacity: true)
        }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))))
        }
    }
}
