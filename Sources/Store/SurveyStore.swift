/// The storage the collection commands use. SQLite (``SQLiteStore``) is the embedded default; a
/// PostgreSQL store for several users comes later behind this same protocol. Every method is one
/// transaction: it happens entirely or not at all, and it appends to the audit log.
public protocol SurveyStore: Sendable {
    /// Saves a questionnaire version. The same text again is a no-op; another text under a published
    /// version number is refused (``StoreError/versionChanged(questionnaire:version:)``).
    func publish(_ version: PublishedVersion, actor: String) throws -> PublishOutcome
    /// The published versions of a questionnaire, oldest first.
    func versions(of questionnaire: String) throws -> [PublishedVersion]
    /// Ids of every published questionnaire.
    func questionnaires() throws -> [String]
    /// Adds sample units as cases of a questionnaire; units already there with the same data are
    /// skipped (loading the same file twice adds nothing). Returns how many were added.
    func loadSample(_ units: [SampleUnit], questionnaire: String, actor: String) throws -> (added: Int, unchanged: Int)
    /// The cases of a questionnaire with their current state.
    func cases(of questionnaire: String) throws -> [CaseState]
    /// Records a contact attempt and makes its disposition the case's current one.
    func record(_ attempt: ContactAttempt, questionnaire: String) throws
    /// Saves interviews in one transaction: all or none. An interview whose respondent is already
    /// stored with the same answers is skipped (importing a file twice adds nothing); with other answers
    /// it is refused (``StoreError/duplicateRespondent(questionnaire:respondent:)``) and nothing is saved.
    /// `next` hands the interviews over a batch at a time and nil at the end, so that an import checks
    /// the next rows while these are written; an error it throws undoes the whole save.
    func save(actor: String, batches next: () throws -> [InterviewRow]?) throws -> (added: Int, unchanged: Int)
    /// The interviews of a questionnaire as stored, in the order they were stored (an export decodes
    /// their answers straight into sheets).
    func interviewRows(of questionnaire: String) throws -> [InterviewRow]
    /// The sample cases with their design columns, by unit.
    func sampleUnits(of questionnaire: String) throws -> [String: SampleUnit]
    /// One sampled unit, or nil when it is not in the sample.
    func sampleUnit(of questionnaire: String, unit: String) throws -> SampleUnit?
    /// The contact attempts of a case, oldest first.
    func attempts(questionnaire: String, unit: String) throws -> [ContactAttempt]
    /// The interview of a respondent, finished or not.
    func interview(questionnaire: String, respondent: String) throws -> InterviewRecord?
    /// Starts an interview (no answers, no end) or returns the unfinished one of the respondent.
    func startInterview(_ interview: InterviewRecord, actor: String) throws -> InterviewRecord
    /// Saves one answer of an unfinished interview at once (nil removes it, when going back).
    func saveAnswer(_ answer: StoredAnswer?, variable: String, questionnaire: String, respondent: String) throws
    /// A call the affiliate answered: the interview started (or the half-done one reopened) and the call
    /// recorded at once as an attempt ``SQLStore/openCall`` (`interrumpida`), in one transaction. However
    /// the session then ends without finishing — «q», Ctrl-C, the terminal closed, the program killed —
    /// the store holds the same thing: one attempt, the answers given, the interview to resume.
    func answerCall(_ interview: InterviewRecord, attempt: ContactAttempt) throws -> InterviewRecord
    /// Takes back a call recorded by ``answerCall(_:attempt:)`` (the encuestador keyed «contestó» by
    /// mistake): its attempt goes, the interview too when nothing was answered in it, and the case gets
    /// back the disposition of its previous attempt.
    func undoCall(questionnaire: String, unit: String, startedAt: String, actor: String) throws
    /// Ends an interview with its disposition and records the contact attempt that produced it (the
    /// attempt ``answerCall(_:attempt:)`` opened at the same start, when there is one).
    func finishInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, attempt: ContactAttempt) throws
    /// Books an appointment for a case; the next attempt on the case keeps it.
    func addAppointment(questionnaire: String, unit: String, at: String, interviewer: String) throws
    /// Assigns cases to an interviewer (nil: to nobody, anyone may take them); units not in the sample
    /// are refused (``StoreError/notInSample(questionnaire:unit:)``) and nothing changes. Returns how many changed.
    func assign(questionnaire: String, units: [String], to interviewer: String?, actor: String) throws -> Int
    /// Replaces the completes wanted per stratum (an empty table: no quotas).
    func setQuotas(questionnaire: String, _ targets: [String: Int], actor: String) throws
    /// The completes wanted per stratum; empty when no quota was set.
    func quotas(questionnaire: String) throws -> [String: Int]
    /// Gives a case its final disposition without a new attempt (e.g. `max_intentos` when the calling
    /// rule has used up its attempts).
    func close(questionnaire: String, unit: String, disposition: String, actor: String) throws
    /// Ends an interview left half-way without a new attempt (partial or break-off), with its case.
    func closeInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, actor: String) throws
    /// Claims a case for an interviewer until a time (ISO 8601): true when it was free, expired or
    /// already theirs; false when another interviewer holds it. One statement, so two processes
    /// asking at once cannot both win.
    func claim(questionnaire: String, unit: String, interviewer: String, now: String, until: String) throws -> Bool
    /// Frees the interviewer's claim on a case.
    func release(questionnaire: String, unit: String, interviewer: String) throws
    /// The audit log, oldest first: (when, who, what, details).
    func audit() throws -> [(at: String, actor: String, action: String, details: String)]
    /// Writes one line to the append-only audit log (a decision recorded with its evidence: a strategy's approval).
    func appendAudit(actor: String, action: String, details: String) throws
}

extension SurveyStore {
    /// The interviews of a questionnaire with their answers, in the order they were stored.
    public func interviews(of questionnaire: String) throws -> [InterviewRecord] {
        try interviewRows(of: questionnaire).map(\.interview)
    }

    /// ``save(actor:batches:)`` with every interview at once.
    public func save(_ interviews: [InterviewRecord], actor: String) throws -> (added: Int, unchanged: Int) {
        var given = false
        return try save(actor: actor) {
            defer { given = true }
            return given ? nil : interviews.map(InterviewRow.init)
        }
    }
}
