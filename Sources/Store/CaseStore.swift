/// Where PQRSL cases are kept: the case as it is now, its append-only history, reminders, verification
/// calls and monthly samples. Each change is one transaction; a change based on a stale copy is refused
/// (``StoreError/caseChanged(radicado:)``). SQLite and PostgreSQL both provide it.
public protocol CaseStore: Sendable {
    /// Registers a case with the next radicado of its year (`CONFA-2026-000123`); returns the radicado.
    func openCase(_ record: PQRSCaseRecord, year: Int, event: PQRSEvent) throws -> String
    /// Saves a changed case and its history line; `expected` is the case as it was read.
    func updateCase(_ record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent, attempt: VerificationAttemptRecord?) throws
    /// Saves a month's verification sample with the cases it changed.
    func saveSample(_ sample: VerificationSampleRecord, changes: [(record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent)]) throws
    /// Imports cases with their history lines, all or none; the same data again is skipped.
    func importCases(_ records: [(record: PQRSCaseRecord, events: [PQRSEvent])]) throws -> (added: Int, unchanged: Int)
    /// Records a reminder of a deadline version: true the first time, false after.
    func recordReminder(radicado: String, deadlineVersion: Int, on day: String) throws -> Bool
    func reminders() throws -> [(radicado: String, version: Int, on: String)]
    func pqrsCase(_ radicado: String) throws -> PQRSCaseRecord?
    /// Every case, in radicado order.
    func pqrsCases() throws -> [PQRSCaseRecord]
    func history(of radicado: String) throws -> [PQRSEvent]
    /// Every case's history, in the order written.
    func histories() throws -> [PQRSEvent]
    func verificationAttempts(of radicado: String) throws -> [VerificationAttemptRecord]
    func sample(month: String) throws -> VerificationSampleRecord?
    /// Appends the outcome of e-mails about cases (each address of a notice is one row).
    func logNotices(_ entries: [CaseNoticeEntry], actor: String) throws
    /// Every e-mail about cases sent or tried, oldest first.
    func notices() throws -> [CaseNoticeEntry]
    /// Takes each (notice, address) to send it now: false when it was already accepted or refused for
    /// good, or another sender holds it since `staleBefore` or later (an older hold, left by a sender that
    /// stopped half-way, is taken over). ``logNotices(_:actor:)`` lets go of what it logs.
    func claimNotices(_ pairs: [(notice: String, address: String)], at: String, staleBefore: String) throws -> [Bool]
    /// Keeps a document with a case and its history line (the same file twice is kept once: false).
    func attach(_ attachment: CaseAttachmentRecord, content: [UInt8], event: PQRSEvent) throws -> Bool
    func attachments(of radicado: String) throws -> [CaseAttachmentRecord]
    /// The bytes of a case's document by its SHA-256.
    func attachmentContent(radicado: String, sha256: String) throws -> [UInt8]?
    /// Records an internal request and its history line; returns its number within the case (1, 2…).
    func addRequest(_ request: CaseRequestRecord, event: PQRSEvent) throws -> Int
    /// Marks request `id` of a case answered on `day`, with its history line; false if it was already.
    func answerRequest(radicado: String, id: Int, on day: String, event: PQRSEvent) throws -> Bool
    /// The internal requests of a case, or of every case (nil), in order.
    func requests(of radicado: String?) throws -> [CaseRequestRecord]
}

extension CaseStore {
    public func updateCase(_ record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent) throws {
        try updateCase(record, expected: expected, event: event, attempt: nil)
    }
}
