import GRDB

/// Writes the interviews of one ``SQLiteStore/save(actor:batches:)`` inside its transaction. New
/// interviews go in up to ``groupSize`` to an INSERT statement (one statement per interview spent a
/// third of SQLite's work opening, checking and closing it); an interview whose respondent is already
/// stored is compared with it instead: the same answers are no change, other answers are refused.
struct InterviewWriter {
    static let groupSize = 64
    static let columns = "case_id, questionnaire, version, respondent, mode, interviewer, started_at, ended_at, disposition, source, answers"
    static let columnCount = columns.split(separator: ",").count

    private let db: Database
    private let requirePublished: (String) throws -> Void
    private var binder = RowBinder()
    /// Interviews waiting for their INSERT, with their case.
    private var pending: [(row: InterviewRow, caseID: Int64?)] = []
    /// The questionnaire of the last interview, its sample's cases by unit and the respondents stored
    /// (read once); those of other questionnaires of the same save wait in `others`.
    private var questionnaire: String?
    private var cases: [String: Int64] = [:]
    private var respondents: Set<String> = []
    private var others: [String: (cases: [String: Int64], respondents: Set<String>)] = [:]
    private(set) var added = 0
    private(set) var unchanged = 0

    init(_ db: Database, requirePublished: @escaping (String) throws -> Void) {
        self.db = db
        self.requirePublished = requirePublished
        pending.reserveCapacity(Self.groupSize)
    }

    mutating func add(_ row: InterviewRow) throws {
        let interview = row.record
        if interview.questionnaire != questionnaire { try begin(interview.questionnaire) }
        guard respondents.insert(interview.respondent).inserted else {
            // Stored already (or earlier in this save, hence the flush first).
            try flush()
            let stored = try String.fetchOne(db, sql: "SELECT answers FROM interview WHERE questionnaire = ? AND respondent = ?",
                                             arguments: [interview.questionnaire, interview.respondent])
            guard stored.map(AnswerJSON.decode) == row.storedAnswers else {
                throw StoreError.duplicateRespondent(questionnaire: interview.questionnaire, respondent: interview.respondent)
            }
            unchanged += 1
            return
        }
        pending.append((row, cases.isEmpty ? nil : cases[interview.respondent]))
        if pending.count == Self.groupSize { try flush() }
    }

    /// Interviews of another questionnaire follow: its cases and respondents, read the first time.
    private mutating func begin(_ next: String) throws {
        if let questionnaire { others[questionnaire] = (cases, respondents) }
        questionnaire = next
        if let known = others.removeValue(forKey: next) {
            (cases, respondents) = known
            return
        }
        try requirePublished(next)
        cases = Dictionary(try Row.fetchAll(db, sql: "SELECT unit, id FROM sample_case WHERE questionnaire = ?", arguments: [next])
            .map { ($0["unit"] as String, $0["id"] as Int64) }, uniquingKeysWith: { first, _ in first })
        respondents = Set(try String.fetchAll(db, sql: "SELECT respondent FROM interview WHERE questionnaire = ?", arguments: [next]))
    }

    /// `INSERT … VALUES (…), (…)` for `rows` interviews; the full group's text is made once.
    private static func insertSQL(rows: Int) -> String {
        rows == groupSize ? fullGroupSQL : makeInsertSQL(rows: rows)
    }

    private static let fullGroupSQL = makeInsertSQL(rows: groupSize)

    private static func makeInsertSQL(rows: Int) -> String {
        let placeholders = "(" + Array(repeating: "?", count: columnCount).joined(separator: ", ") + ")"
        return "INSERT INTO interview (\(columns)) VALUES " + Array(repeating: placeholders, count: rows).joined(separator: ", ")
    }

    /// Inserts the pending interviews and sets their cases' dispositions.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let insert = try db.cachedStatement(sql: Self.insertSQL(rows: pending.count))
        for position in pending.indices {
            let first = Int32(position * Self.columnCount)
            let interview = pending[position].row.record, caseID = pending[position].caseID
            binder.integer(caseID, at: first + 1)
            binder.text(interview.questionnaire, at: first + 2)
            binder.text(interview.version, at: first + 3)
            binder.text(interview.respondent, at: first + 4)
            binder.text(interview.mode, at: first + 5)
            binder.text(interview.interviewer, at: first + 6)
            binder.text(interview.startedAt, at: first + 7)
            binder.text(interview.endedAt, at: first + 8)
            binder.text(interview.disposition, at: first + 9)
            binder.text(interview.source, at: first + 10)
            binder.text(utf8: pending[position].row.answers, at: first + 11)
        }
        try binder.run(insert)
        let updateCase = try db.cachedStatement(sql: "UPDATE sample_case SET disposition = ? WHERE id = ?")
        for (row, caseID) in pending {
            guard let caseID, let disposition = row.record.disposition else { continue }
            binder.text(disposition, at: 1)
            binder.integer(caseID, at: 2)
            try binder.run(updateCase)
        }
        added += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
