/// Interviews: imported in batches, started and answered one question at a time on the phone, a page
/// at a time on the web, closed with their disposition.
extension SQLStore {
    static let interviewColumns = ["questionnaire", "version", "respondent", "mode", "interviewer", "started_at", "ended_at", "disposition", "source", "answers"]

    public func save(actor: String, batches next: () throws -> [InterviewRow]?) throws -> (added: Int, unchanged: Int) {
        try database.write { tx in
            var first: InterviewRecord?
            var writer = InterviewWriter(tx)
            while let batch = try next() {
                for row in batch {
                    if first == nil { first = row.record }
                    try writer.add(row)
                }
            }
            try writer.flush()
            if writer.added > 0, let first {
                try Self.log(tx, actor: actor, action: "save_interviews", details: "\(first.questionnaire): \(writer.added) entrevistas (\(first.source))")
            }
            return (writer.added, writer.unchanged)
        }
    }

    public func interviewRows(of questionnaire: String) throws -> [InterviewRow] {
        try database.read { tx in
            try Self.requirePublished(tx, questionnaire)
            return try Self.interviewRows(tx, questionnaire: questionnaire, respondent: nil)
        }
    }

    public func interview(questionnaire: String, respondent: String) throws -> InterviewRecord? {
        try database.read { tx in try Self.interview(tx, questionnaire, respondent) }
    }

    public func startInterview(_ interview: InterviewRecord, actor: String) throws -> InterviewRecord {
        try database.write { tx in try Self.startInterview(tx, interview, actor: actor) }
    }

    public func saveAnswer(_ answer: StoredAnswer?, variable: String, questionnaire: String, respondent: String) throws {
        try database.write { tx in
            guard let (id, text) = try tx.first("""
                SELECT id, answers FROM interview WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL\(tx.dialect.forUpdate)
                """, [questionnaire, respondent], { ($0.integer(0)!, $0.text(1) ?? "{}") }) else {
                throw StoreError.noOpenInterview(questionnaire: questionnaire, respondent: respondent)
            }
            var answers = AnswerJSON.decode(text).filter { $0.variable != variable }
            if var answer {
                answer.variable = variable
                answers.append(answer)
            }
            try tx.execute("UPDATE interview SET answers = ? WHERE id = ?", [AnswerJSON.encode(answers), id])
        }
    }

    public func savePage(_ interview: InterviewRecord, answers: [StoredAnswer], closing: InterviewClosing?, actor: String) throws {
        try database.write { tx in
            let questionnaire = interview.questionnaire, respondent = interview.respondent
            let isNew = try Self.interview(tx, questionnaire, respondent) == nil
            _ = try Self.startInterview(tx, interview, actor: actor)
            // An interviewer's face-to-face form counts as a contact attempt, as a call does on the phone
            // (``answerCall(_:attempt:)``): opened `interrumpida`, given the interview's end when it closes.
            let caseID = interview.interviewer == nil ? nil : try Self.caseID(tx, questionnaire, respondent)
            if isNew, let caseID, let interviewer = interview.interviewer {
                try Self.insertAttempt(tx, caseID: caseID, ContactAttempt(unit: respondent, interviewer: interviewer, startedAt: interview.startedAt,
                                                                          endedAt: interview.startedAt, disposition: SQLStore.openCall))
                try tx.execute("UPDATE sample_case SET disposition = ? WHERE id = ?", [SQLStore.openCall, caseID])
            }
            let changed = try tx.execute("UPDATE interview SET answers = ? WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL",
                                         [AnswerJSON.encode(answers), questionnaire, respondent])
            guard changed == 1 else { throw StoreError.noOpenInterview(questionnaire: questionnaire, respondent: respondent) }
            if let closing {
                try Self.closeInterview(tx, questionnaire: questionnaire, respondent: respondent, disposition: closing.disposition,
                                        endedAt: closing.endedAt, actor: actor)
                if let caseID {
                    try tx.execute("""
                        UPDATE contact_attempt SET disposition = ?, ended_at = ? WHERE id = (SELECT MAX(id) FROM contact_attempt WHERE case_id = ? AND disposition = ?)
                        """, [closing.disposition, closing.endedAt, caseID, SQLStore.openCall])
                }
                try tx.execute("UPDATE sample_case SET claimed_by = NULL, claimed_until = NULL WHERE questionnaire = ? AND unit = ?",
                               [questionnaire, respondent])
            }
        }
    }

    public func answerCall(_ interview: InterviewRecord, attempt: ContactAttempt) throws -> InterviewRecord {
        try database.write { tx in
            let started = try Self.startInterview(tx, interview, actor: attempt.interviewer)
            guard let caseID = try Self.caseID(tx, interview.questionnaire, attempt.unit) else {
                throw StoreError.notInSample(questionnaire: interview.questionnaire, unit: attempt.unit)
            }
            try Self.insertAttempt(tx, caseID: caseID, attempt)
            try tx.execute("UPDATE sample_case SET disposition = ? WHERE id = ?", [attempt.disposition, caseID])
            try Self.log(tx, actor: attempt.interviewer, action: "attempt", details: "\(interview.questionnaire) \(attempt.unit) \(attempt.disposition)")
            return started
        }
    }

    public func undoCall(questionnaire: String, unit: String, startedAt: String, actor: String) throws {
        try database.write { tx in
            guard let caseID = try Self.caseID(tx, questionnaire, unit) else { throw StoreError.notInSample(questionnaire: questionnaire, unit: unit) }
            let attempts = try tx.rows("SELECT id FROM contact_attempt WHERE case_id = ? AND started_at = ? AND disposition = ?",
                                       [caseID, startedAt, SQLStore.openCall]) { $0.integer(0)! }
            for id in attempts {
                try tx.execute("UPDATE appointment SET kept_attempt_id = NULL WHERE kept_attempt_id = ?", [id])
                try tx.execute("DELETE FROM contact_attempt WHERE id = ?", [id])
            }
            // The interview goes only when nothing was answered in it (`_orden` and the like are the system's).
            if let open = try Self.interview(tx, questionnaire, unit), open.endedAt == nil, open.answers.allSatisfy({ $0.variable.hasPrefix("_") }) {
                try tx.execute("DELETE FROM interview WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL", [questionnaire, unit])
            }
            try tx.execute("""
                UPDATE sample_case SET disposition = (SELECT disposition FROM contact_attempt WHERE case_id = ? ORDER BY id DESC LIMIT 1) WHERE id = ?
                """, [caseID, caseID])
            try Self.log(tx, actor: actor, action: "undo_call", details: "\(questionnaire) \(unit) \(startedAt)")
        }
    }

    public func finishInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, attempt: ContactAttempt) throws {
        try database.write { tx in
            try tx.execute("UPDATE interview SET disposition = ?, ended_at = ? WHERE questionnaire = ? AND respondent = ?",
                           [disposition, endedAt, questionnaire, respondent])
            if let caseID = try Self.caseID(tx, questionnaire, respondent) {
                // The call counted when it was answered (``answerCall(_:attempt:)``): it now takes the interview's end.
                let updated = try tx.execute("""
                    UPDATE contact_attempt SET ended_at = ?, disposition = ?, notes = ? WHERE case_id = ? AND started_at = ? AND disposition = ?
                    """, [attempt.endedAt, attempt.disposition, attempt.notes, caseID, attempt.startedAt, SQLStore.openCall])
                if updated == 0 { try Self.insertAttempt(tx, caseID: caseID, attempt) }
                try tx.execute("UPDATE sample_case SET disposition = ? WHERE id = ?", [disposition, caseID])
            }
            try Self.log(tx, actor: attempt.interviewer, action: "finish_interview", details: "\(questionnaire) \(respondent) \(disposition)")
        }
    }

    public func closeInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, actor: String) throws {
        try database.write { tx in
            try Self.closeInterview(tx, questionnaire: questionnaire, respondent: respondent, disposition: disposition, endedAt: endedAt, actor: actor)
        }
    }

    // MARK: - Inside a transaction

    static func closeInterview(_ tx: any SQLTransaction, questionnaire: String, respondent: String, disposition: String, endedAt: String,
                               actor: String) throws {
        try tx.execute("UPDATE interview SET disposition = ?, ended_at = ? WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL",
                       [disposition, endedAt, questionnaire, respondent])
        try tx.execute("UPDATE sample_case SET disposition = ? WHERE questionnaire = ? AND unit = ?", [disposition, questionnaire, respondent])
        try log(tx, actor: actor, action: "close_interview", details: "\(questionnaire) \(respondent) \(disposition)")
    }

    /// Starts an interview (no answers, no end) or returns the one the respondent has. Two channels
    /// starting it at once make one: the second insert does nothing and reads the first's.
    static func startInterview(_ tx: any SQLTransaction, _ interview: InterviewRecord, actor: String) throws -> InterviewRecord {
        try requirePublished(tx, interview.questionnaire)
        if let existing = try self.interview(tx, interview.questionnaire, interview.respondent) { return existing }
        let caseID = try caseID(tx, interview.questionnaire, interview.respondent)
        try tx.execute("""
            INSERT INTO interview (case_id, questionnaire, version, respondent, mode, interviewer, started_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (questionnaire, respondent) DO NOTHING
            """, [caseID, interview.questionnaire, interview.version, interview.respondent, interview.mode, interview.interviewer,
                  interview.startedAt, interview.source])
        try log(tx, actor: actor, action: "start_interview", details: "\(interview.questionnaire) \(interview.respondent)")
        return try self.interview(tx, interview.questionnaire, interview.respondent)!
    }

    static func interview(_ tx: any SQLTransaction, _ questionnaire: String, _ respondent: String) throws -> InterviewRecord? {
        try interviewRows(tx, questionnaire: questionnaire, respondent: respondent).first?.interview
    }

    /// The interviews of a questionnaire (or the one of `respondent`) in the order they were stored, the
    /// answers kept as the stored bytes. A text equal to the same column's in the previous row (the
    /// questionnaire, version, source of an import) shares that row's String instead of a new one.
    static func interviewRows(_ tx: any SQLTransaction, questionnaire: String, respondent: String?) throws -> [InterviewRow] {
        let columns = "questionnaire, version, respondent, mode, interviewer, started_at, ended_at, disposition, source, answers"
        let sql = respondent == nil
            ? "SELECT \(columns) FROM interview WHERE questionnaire = ? ORDER BY id"
            : "SELECT \(columns) FROM interview WHERE questionnaire = ? AND respondent = ?"
        var previous = [String?](repeating: nil, count: 9)
        var result: [InterviewRow] = []
        try tx.each(sql, [.text(questionnaire)] + (respondent.map { [.text($0)] } ?? [])) { row in
            func text(_ column: Int) -> String? {
                row.withUTF8(column) { bytes -> String in
                    if let last = previous[column], last.utf8.count == bytes.count, last.utf8.elementsEqual(bytes) { return last }
                    let value = String(decoding: bytes, as: UTF8.self)
                    previous[column] = value
                    return value
                }
            }
            let answers = row.withUTF8(9) { Array($0) } ?? Array("{}".utf8)
            let record = InterviewRecord(questionnaire: text(0) ?? "", version: text(1) ?? "", respondent: text(2) ?? "", mode: text(3) ?? "",
                                         interviewer: text(4), startedAt: text(5) ?? "", endedAt: text(6), disposition: text(7),
                                         source: text(8) ?? "", answers: [])
            result.append(InterviewRow(record: record, answers: answers))
        }
        return result
    }
}
