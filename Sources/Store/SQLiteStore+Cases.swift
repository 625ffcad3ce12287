import Foundation
import GRDB

/// PQRSL cases in the same store as the survey: each change of a case, its history line, and what
/// comes with it (a verification call, a sample) are written in one transaction; a change is refused
/// when someone else changed the case in between (its state and deadline version are checked).
extension SQLiteStore: CaseStore {
    /// Registers a new case: gives it the next radicado of its year (`CONFA-2026-000123`) and writes its
    /// first history line. Returns the radicado.
    public func openCase(_ record: PQRSCaseRecord, year: Int, event: PQRSEvent) throws -> String {
        try write { db in
            let prefix = "CONFA-\(year)-"
            let last = try String.fetchOne(db, sql: "SELECT MAX(radicado) FROM pqrs_case WHERE radicado LIKE ?", arguments: [prefix + "%"])
            let number = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
            var stored = record
            stored.radicado = prefix + String(format: "%06d", number)
            try Self.insert(db, stored)
            var first = event
            first.radicado = stored.radicado
            try Self.append(db, first)
            return stored.radicado
        }
    }

    /// Saves a changed case and its history line; `expected` is the case as it was read.
    public func updateCase(_ record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent,
                           attempt: VerificationAttemptRecord?) throws {
        try write { db in
            try Self.update(db, record, expected: expected)
            if let attempt {
                try db.execute(sql: "INSERT INTO pqrs_verification_attempt (radicado, on_date, outcome, satisfied, notes, actor) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [attempt.radicado, attempt.onDate, attempt.outcome, attempt.satisfied, attempt.notes, attempt.actor])
            }
            try Self.append(db, event)
        }
    }

    /// Saves a month's verification sample with the cases it changed.
    public func saveSample(_ sample: VerificationSampleRecord, changes: [(record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent)]) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO pqrs_sample (month, seed, algorithm, population, population_sha256, selected, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sample.month, Int64(bitPattern: sample.seed), sample.algorithm, sample.population, sample.populationSHA256,
                                 sample.selected.joined(separator: "\n"), sample.drawnAt])
            for change in changes {
                try Self.update(db, change.record, expected: change.expected)
                try Self.append(db, change.event)
            }
        }
    }

    /// Imports cases with their first history line, all or none. A radicado already stored with the
    /// same data is skipped; with other data the import is refused (STORE-008).
    public func importCases(_ records: [(record: PQRSCaseRecord, events: [PQRSEvent])]) throws -> (added: Int, unchanged: Int) {
        try write { db in
            var added = 0, unchanged = 0
            for (record, events) in records {
                if let existing = try Row.fetchOne(db, sql: "SELECT * FROM pqrs_case WHERE radicado = ?", arguments: [record.radicado]).map(Self.caseRecord) {
                    var same = existing
                    same.openedAt = record.openedAt
                    guard same == record else { throw StoreError.duplicateCase(radicado: record.radicado) }
                    unchanged += 1
                    continue
                }
                try Self.insert(db, record)
                for event in events { try Self.append(db, event) }
                added += 1
            }
            return (added, unchanged)
        }
    }

    /// Records that the reminder of a deadline version was sent: true the first time, false after.
    public func recordReminder(radicado: String, deadlineVersion: Int, on day: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO pqrs_reminder (radicado, deadline_version, sent_on) VALUES (?, ?, ?)",
                           arguments: [radicado, deadlineVersion, day])
            return db.changesCount > 0
        }
    }

    /// Every reminder sent: (radicado, deadline version, day).
    public func reminders() throws -> [(radicado: String, version: Int, on: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pqrs_reminder ORDER BY sent_on, radicado").map { ($0["radicado"], $0["deadline_version"], $0["sent_on"]) }
        }
    }

    public func pqrsCase(_ radicado: String) throws -> PQRSCaseRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM pqrs_case WHERE radicado = ?", arguments: [radicado]).map(Self.caseRecord) }
    }

    /// Every case, in radicado order.
    public func pqrsCases() throws -> [PQRSCaseRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM pqrs_case ORDER BY radicado").map(Self.caseRecord) }
    }

    public func history(of radicado: String) throws -> [PQRSEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pqrs_event WHERE radicado = ? ORDER BY id", arguments: [radicado]).map {
                PQRSEvent(radicado: $0["radicado"], at: $0["at"], actor: $0["actor"], action: $0["action"], from: $0["from_state"], to: $0["to_state"], details: $0["details"])
            }
        }
    }

    public func verificationAttempts(of radicado: String) throws -> [VerificationAttemptRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pqrs_verification_attempt WHERE radicado = ? ORDER BY on_date", arguments: [radicado]).map {
                VerificationAttemptRecord(radicado: $0["radicado"], onDate: $0["on_date"], outcome: $0["outcome"], satisfied: $0["satisfied"],
                                          notes: $0["notes"], actor: $0["actor"])
            }
        }
    }

    public func sample(month: String) throws -> VerificationSampleRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM pqrs_sample WHERE month = ?", arguments: [month]).map {
                VerificationSampleRecord(month: $0["month"], seed: UInt64(bitPattern: $0["seed"] as Int64), algorithm: $0["algorithm"],
                                         population: $0["population"], populationSHA256: $0["population_sha256"],
                                         selected: ($0["selected"] as String).split(separator: "\n").map(String.init), drawnAt: $0["drawn_at"])
            }
        }
    }

    // MARK: - Rows

    private static let columns = ["radicado", "channel", "type", "service", "attribute", "ssf_type", "subsidy", "from_ssf", "text", "petitioner",
                                  "received", "deposited", "effective_receipt", "term_days", "term_source", "deadline", "original_deadline",
                                  "maximum_extension", "deadline_version", "calendar_version", "owner", "state", "suspended_on", "extended",
                                  "response_date", "response_channel", "ssf_certificate", "verification", "satisfied", "closed_on", "opened_at"]

    private static func values(_ r: PQRSCaseRecord) -> [(any DatabaseValueConvertible)?] {
        [r.radicado, r.channel, r.type, r.service, r.attribute, r.ssfType, r.subsidy, r.fromSSF, r.text, r.petitioner, r.received, r.deposited,
         r.effectiveReceipt, r.termDays, r.termSource, r.deadline, r.originalDeadline, r.maximumExtension, r.deadlineVersion, r.calendarVersion,
         r.owner, r.state, r.suspendedOn, r.extended, r.responseDate, r.responseChannel, r.ssfCertificate, r.verification, r.satisfied,
         r.closedOn, r.openedAt]
    }

    private static func insert(_ db: Database, _ record: PQRSCaseRecord) throws {
        try db.execute(sql: "INSERT INTO pqrs_case (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(values(record)))
    }

    private static func update(_ db: Database, _ record: PQRSCaseRecord, expected: PQRSCaseRecord) throws {
        let assignments = columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        let arguments: [(any DatabaseValueConvertible)?] = Array(values(record).dropFirst())
            + [expected.radicado, expected.state, expected.deadlineVersion, expected.verification]
        try db.execute(sql: "UPDATE pqrs_case SET \(assignments) WHERE radicado = ? AND state = ? AND deadline_version = ? AND verification = ?",
                       arguments: StatementArguments(arguments))
        guard db.changesCount == 1 else { throw StoreError.caseChanged(radicado: expected.radicado) }
    }

    private static func append(_ db: Database, _ e: PQRSEvent) throws {
        try db.execute(sql: "INSERT INTO pqrs_event (radicado, at, actor, action, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [e.radicado, e.at, e.actor, e.action, e.from, e.to, e.details])
    }

    private static func caseRecord(_ row: Row) -> PQRSCaseRecord {
        PQRSCaseRecord(radicado: row["radicado"], channel: row["channel"], type: row["type"], service: row["service"], attribute: row["attribute"],
                       ssfType: row["ssf_type"], subsidy: row["subsidy"], fromSSF: row["from_ssf"], text: row["text"], petitioner: row["petitioner"],
                       received: row["received"], deposited: row["deposited"], effectiveReceipt: row["effective_receipt"], termDays: row["term_days"],
                       termSource: row["term_source"], deadline: row["deadline"], originalDeadline: row["original_deadline"],
                       maximumExtension: row["maximum_extension"], deadlineVersion: row["deadline_version"], calendarVersion: row["calendar_version"],
                       owner: row["owner"], state: row["state"], suspendedOn: row["suspended_on"], extended: row["extended"],
                       responseDate: row["response_date"], responseChannel: row["response_channel"], ssfCertificate: row["ssf_certificate"],
                       verification: row["verification"], satisfied: row["satisfied"], closedOn: row["closed_on"], openedAt: row["opened_at"])
    }
}
