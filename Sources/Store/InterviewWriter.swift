/// Writes the interviews of one ``SQLStore/save(actor:batches:)`` inside its transaction. New
/// interviews wait in a group and go in together (``SQLTransaction/insert(into:columns:rows:)``); an
/// interview whose respondent is already stored is compared with it instead: the same answers are no
/// change, other answers are refused.
struct InterviewWriter {
    static let groupSize = 1024
    static let columns = ["case_id"] + SQLStore.interviewColumns

    private let tx: any SQLTransaction
    /// Interviews waiting for their INSERT, as rows of values.
    private var pending: [[SQLValue]] = []
    /// Cases whose disposition the pending interviews set.
    private var dispositions: [(caseID: Int64, disposition: String)] = []
    /// The questionnaire of the last interview, its sample's cases by unit and the respondents stored
    /// (read once); those of other questionnaires of the same save wait in `others`.
    private var questionnaire: String?
    private var cases: [String: Int64] = [:]
    private var respondents: Set<String> = []
    private var others: [String: (cases: [String: Int64], respondents: Set<String>)] = [:]
    private(set) var added = 0
    private(set) var unchanged = 0

    init(_ tx: any SQLTransaction) {
        self.tx = tx
        pending.reserveCapacity(Self.groupSize)
    }

    mutating func add(_ row: InterviewRow) throws {
        let interview = row.record
        if interview.questionnaire != questionnaire { try begin(interview.questionnaire) }
        guard respondents.insert(interview.respondent).inserted else {
            // Stored already (or earlier in this save, hence the flush first).
            try flush()
            let stored = try tx.text("SELECT answers FROM interview WHERE questionnaire = ? AND respondent = ?", [interview.questionnaire, interview.respondent])
            guard stored.map(AnswerJSON.decode) == row.storedAnswers else {
                throw StoreError.duplicateRespondent(questionnaire: interview.questionnaire, respondent: interview.respondent)
            }
            unchanged += 1
            return
        }
        let caseID = cases.isEmpty ? nil : cases[interview.respondent]
        pending.append([caseID.sqlValue, .text(interview.questionnaire), .text(interview.version), .text(interview.respondent), .text(interview.mode),
                        interview.interviewer.sqlValue, .text(interview.startedAt), interview.endedAt.sqlValue, interview.disposition.sqlValue,
                        .text(interview.source), .utf8(row.answers)])
        if let caseID, let disposition = interview.disposition { dispositions.append((caseID, disposition)) }
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
        try SQLStore.requirePublished(tx, next)
        cases = [:]
        try tx.each("SELECT unit, id FROM sample_case WHERE questionnaire = ?", [.text(next)]) { row in
            let unit = row.text(0)!
            if cases[unit] == nil { cases[unit] = row.integer(1)! }
        }
        respondents = Set(try tx.texts("SELECT respondent FROM interview WHERE questionnaire = ?", [next]))
    }

    /// Inserts the pending interviews and sets their cases' dispositions.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try tx.insert(into: "interview", columns: Self.columns, rows: pending)
        for (caseID, disposition) in dispositions { try tx.execute("UPDATE sample_case SET disposition = ? WHERE id = ?", [disposition, caseID]) }
        added += pending.count
        pending.removeAll(keepingCapacity: true)
        dispositions.removeAll(keepingCapacity: true)
    }
}
