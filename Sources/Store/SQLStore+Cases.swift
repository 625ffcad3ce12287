import Foundation

/// PQRSL cases in the same store as the survey: each change of a case, its history line, and what
/// comes with it (a verification call, a sample) are written in one transaction; a change is refused
/// when someone else changed the case in between (its state, deadline version and verification are
/// checked).
extension SQLStore {
    public func openCase(_ record: PQRSCaseRecord, year: Int, event: PQRSEvent) throws -> String {
        try database.write { tx in
            // Two auxiliares filing at once must not draw the same number.
            try tx.serialize(4243)
            let prefix = "CONFA-\(year)-"
            let last = try tx.text("SELECT MAX(radicado) FROM pqrs_case WHERE radicado LIKE ?", [prefix + "%"])
            var stored = record
            stored.radicado = prefix + String(format: "%06d", (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1)
            try tx.insert(into: "pqrs_case", columns: Self.caseColumns, rows: [Self.values(stored)])
            var first = event
            first.radicado = stored.radicado
            try Self.append(tx, first)
            return stored.radicado
        }
    }

    public func updateCase(_ record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent, attempt: VerificationAttemptRecord?) throws {
        try database.write { tx in
            try Self.update(tx, record, expected: expected)
            if let a = attempt {
                try tx.execute("INSERT INTO pqrs_verification_attempt (radicado, on_date, outcome, satisfied, notes, actor, at_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [a.radicado, a.onDate, a.outcome, a.satisfied, a.notes, a.actor, a.time])
            }
            try Self.append(tx, event)
        }
    }

    public func saveSample(_ sample: VerificationSampleRecord, changes: [(record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent)]) throws {
        try database.write { tx in
            try tx.execute("""
                INSERT INTO pqrs_sample (month, seed, algorithm, population, population_sha256, selected, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [sample.month, Int64(bitPattern: sample.seed), sample.algorithm, sample.population, sample.populationSHA256,
                      sample.selected.joined(separator: "\n"), sample.drawnAt])
            for change in changes {
                try Self.update(tx, change.record, expected: change.expected)
                try Self.append(tx, change.event)
            }
        }
    }

    /// Imports cases with their history lines, all or none. A radicado already stored with the same data
    /// is skipped; with other data the import is refused (STORE-008).
    public func importCases(_ records: [(record: PQRSCaseRecord, events: [PQRSEvent])]) throws -> (added: Int, unchanged: Int) {
        try database.write { tx in
            var added = 0, unchanged = 0
            for (record, events) in records {
                if var existing = try Self.cases(tx, where: "WHERE radicado = ?", [record.radicado]).first {
                    existing.openedAt = record.openedAt
                    guard existing == record else { throw StoreError.duplicateCase(radicado: record.radicado) }
                    unchanged += 1
                    continue
                }
                try tx.insert(into: "pqrs_case", columns: Self.caseColumns, rows: [Self.values(record)])
                for event in events { try Self.append(tx, event) }
                added += 1
            }
            return (added, unchanged)
        }
    }

    public func recordReminder(radicado: String, deadlineVersion: Int, on day: String) throws -> Bool {
        try database.write { tx in
            try tx.execute("INSERT INTO pqrs_reminder (radicado, deadline_version, sent_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           [radicado, deadlineVersion, day]) > 0
        }
    }

    public func logNotices(_ entries: [CaseNoticeEntry], actor: String) throws {
        guard !entries.isEmpty else { return }
        try database.write { tx in
            for e in entries {
                try tx.execute("INSERT INTO pqrs_notice (radicado, notice, address, at, status, detail) VALUES (?, ?, ?, ?, ?, ?)",
                               [e.radicado, e.notice, e.address, e.at, e.status, e.detail])
                try tx.execute("DELETE FROM pqrs_notice_claim WHERE notice = ? AND address = ?", [e.notice, e.address])
            }
            let sent = entries.filter { $0.status == "enviado" }.count
            try Self.log(tx, actor: actor, action: "pqrs-notices", details: "\(sent) enviados, \(entries.count - sent) fallidos")
        }
    }

    public func claimNotices(_ pairs: [(notice: String, address: String)], at: String, staleBefore: String) throws -> [Bool] {
        guard !pairs.isEmpty else { return [] }
        return try database.write { tx in
            try pairs.map { pair in
                let done = try tx.first("SELECT 1 FROM pqrs_notice WHERE notice = ? AND address = ? AND status <> 'fallido'", [pair.notice, pair.address]) { _ in true }
                guard done == nil else { return false }
                return try tx.execute("""
                    INSERT INTO pqrs_notice_claim (notice, address, at) VALUES (?, ?, ?)
                    ON CONFLICT (notice, address) DO UPDATE SET at = excluded.at WHERE pqrs_notice_claim.at < ?
                    """, [pair.notice, pair.address, at, staleBefore]) > 0
            }
        }
    }

    public func notices() throws -> [CaseNoticeEntry] {
        try database.read { tx in
            try tx.rows("SELECT radicado, notice, address, at, status, detail FROM pqrs_notice ORDER BY id") {
                CaseNoticeEntry(radicado: $0.text(0)!, notice: $0.text(1)!, address: $0.text(2)!, at: $0.text(3)!, status: $0.text(4)!, detail: $0.text(5))
            }
        }
    }

    public func attach(_ a: CaseAttachmentRecord, content: [UInt8], event: PQRSEvent) throws -> Bool {
        try database.write { tx in
            let added = try tx.execute("""
                INSERT INTO pqrs_attachment (radicado, sha256, kind, name, size, content, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, [a.radicado, a.sha256, a.kind, a.name, a.size, Data(content).base64EncodedString(), a.at, a.actor]) > 0
            if added { try Self.append(tx, event) }
            return added
        }
    }

    public func attachments(of radicado: String) throws -> [CaseAttachmentRecord] {
        try database.read { tx in
            try tx.rows("SELECT radicado, kind, name, sha256, size, at, actor FROM pqrs_attachment WHERE radicado = ? ORDER BY at, name", [radicado]) {
                CaseAttachmentRecord(radicado: $0.text(0)!, kind: $0.text(1)!, name: $0.text(2)!, sha256: $0.text(3)!, size: Int($0.integer(4)!), at: $0.text(5)!, actor: $0.text(6)!)
            }
        }
    }

    public func attachmentContent(radicado: String, sha256: String) throws -> [UInt8]? {
        try database.read { tx in
            try tx.text("SELECT content FROM pqrs_attachment WHERE radicado = ? AND sha256 = ?", [radicado, sha256]).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
        }
    }

    public func addRequest(_ r: CaseRequestRecord, event: PQRSEvent) throws -> Int {
        try database.write { tx in
            let id = Int(try tx.integer("SELECT MAX(id) FROM pqrs_request WHERE radicado = ?", [r.radicado]) ?? 0) + 1
            try tx.execute("INSERT INTO pqrs_request (radicado, id, owner, what, asked_on, due_on, answered_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [r.radicado, id, r.owner, r.what, r.askedOn, r.dueOn, r.answeredOn])
            var e = event
            e.details = "solicitud \(id): " + event.details
            try Self.append(tx, e)
            return id
        }
    }

    public func answerRequest(radicado: String, id: Int, on day: String, event: PQRSEvent) throws -> Bool {
        try database.write { tx in
            let changed = try tx.execute("UPDATE pqrs_request SET answered_on = ? WHERE radicado = ? AND id = ? AND answered_on IS NULL", [day, radicado, id]) > 0
            if changed { try Self.append(tx, event) }
            return changed
        }
    }

    public func requests(of radicado: String?) throws -> [CaseRequestRecord] {
        try database.read { tx in
            try tx.rows("SELECT id, radicado, owner, what, asked_on, due_on, answered_on FROM pqrs_request\(radicado == nil ? "" : " WHERE radicado = ?") ORDER BY radicado, id",
                        radicado.map { [$0] } ?? []) {
                CaseRequestRecord(id: Int($0.integer(0)!), radicado: $0.text(1)!, owner: $0.text(2)!, what: $0.text(3)!, askedOn: $0.text(4)!, dueOn: $0.text(5)!,
                                  answeredOn: $0.text(6))
            }
        }
    }

    public func reminders() throws -> [(radicado: String, version: Int, on: String)] {
        try database.read { tx in
            try tx.rows("SELECT radicado, deadline_version, sent_on FROM pqrs_reminder ORDER BY sent_on, radicado") {
                (radicado: $0.text(0)!, version: $0.int(1)!, on: $0.text(2)!)
            }
        }
    }

    public func pqrsCase(_ radicado: String) throws -> PQRSCaseRecord? {
        try database.read { tx in try Self.cases(tx, where: "WHERE radicado = ?", [radicado]).first }
    }

    public func pqrsCases() throws -> [PQRSCaseRecord] {
        try database.read { tx in try Self.cases(tx, where: "", []) }
    }

    public func history(of radicado: String) throws -> [PQRSEvent] {
        try database.read { tx in try tx.rows("SELECT \(Self.eventColumns) FROM pqrs_event WHERE radicado = ? ORDER BY id", [radicado], Self.eventRow) }
    }

    public func histories() throws -> [PQRSEvent] {
        try database.read { tx in try tx.rows("SELECT \(Self.eventColumns) FROM pqrs_event ORDER BY id", [], Self.eventRow) }
    }

    static let eventColumns = "radicado, at, actor, action, from_state, to_state, details, on_date, deadline"

    static func eventRow(_ row: any SQLCursor) -> PQRSEvent {
        PQRSEvent(radicado: row.text(0)!, at: row.text(1)!, actor: row.text(2)!, action: row.text(3)!, from: row.text(4), to: row.text(5)!,
                  details: row.text(6)!, onDate: row.text(7), deadline: row.text(8))
    }

    public func verificationAttempts(of radicado: String) throws -> [VerificationAttemptRecord] {
        try database.read { tx in
            try tx.rows("SELECT radicado, on_date, outcome, satisfied, notes, actor, at_time FROM pqrs_verification_attempt WHERE radicado = ? ORDER BY on_date, at_time",
                        [radicado]) {
                VerificationAttemptRecord(radicado: $0.text(0)!, onDate: $0.text(1)!, outcome: $0.text(2)!, satisfied: $0.bool(3), notes: $0.text(4),
                                          actor: $0.text(5)!, time: $0.text(6))
            }
        }
    }

    public func sample(month: String) throws -> VerificationSampleRecord? {
        try database.read { tx in
            try tx.first("SELECT month, seed, algorithm, population, population_sha256, selected, drawn_at FROM pqrs_sample WHERE month = ?", [month]) {
                VerificationSampleRecord(month: $0.text(0)!, seed: UInt64(bitPattern: $0.integer(1)!), algorithm: $0.text(2)!, population: $0.int(3)!,
                                         populationSHA256: $0.text(4)!, selected: $0.text(5)!.split(separator: "\n").map(String.init), drawnAt: $0.text(6)!)
            }
        }
    }

    // MARK: - Rows

    static let caseColumns = ["radicado", "channel", "type", "service", "attribute", "ssf_type", "subsidy", "from_ssf", "text", "petitioner",
                              "received", "deposited", "effective_receipt", "term_days", "term_source", "deadline", "original_deadline",
                              "maximum_extension", "deadline_version", "calendar_version", "owner", "state", "suspended_on", "extended",
                              "response_date", "response_channel", "ssf_certificate", "verification", "satisfied", "closed_on", "opened_at", "verifier"]

    static func values(_ r: PQRSCaseRecord) -> [SQLValue] {
        let values: [any SQLBindable] = [
            r.radicado, r.channel, r.type, r.service, r.attribute, r.ssfType, r.subsidy, r.fromSSF, r.text, r.petitioner, r.received, r.deposited,
            r.effectiveReceipt, r.termDays, r.termSource, r.deadline, r.originalDeadline, r.maximumExtension, r.deadlineVersion, r.calendarVersion,
            r.owner, r.state, r.suspendedOn, r.extended, r.responseDate, r.responseChannel, r.ssfCertificate, r.verification, r.satisfied,
            r.closedOn, r.openedAt, r.verifier]
        return values.map(\.sqlValue)
    }

    static func update(_ tx: any SQLTransaction, _ record: PQRSCaseRecord, expected: PQRSCaseRecord) throws {
        let assignments = caseColumns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        let arguments = Array(values(record).dropFirst())
            + [.text(expected.radicado), .text(expected.state), .integer(Int64(expected.deadlineVersion)), .text(expected.verification)]
        let changed = try tx.execute("UPDATE pqrs_case SET \(assignments) WHERE radicado = ? AND state = ? AND deadline_version = ? AND verification = ?",
                                     arguments)
        guard changed == 1 else { throw StoreError.caseChanged(radicado: expected.radicado) }
    }

    static func append(_ tx: any SQLTransaction, _ e: PQRSEvent) throws {
        try tx.execute("INSERT INTO pqrs_event (radicado, at, actor, action, from_state, to_state, details, on_date, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [e.radicado, e.at, e.actor, e.action, e.from, e.to, e.details, e.onDate, e.deadline])
    }

    static func cases(_ tx: any SQLTransaction, where condition: String, _ arguments: [any SQLBindable]) throws -> [PQRSCaseRecord] {
        try tx.rows("SELECT \(caseColumns.joined(separator: ", ")) FROM pqrs_case \(condition) ORDER BY radicado", arguments) { row in
            PQRSCaseRecord(
                radicado: row.text(0)!, channel: row.text(1)!, type: row.text(2)!, service: row.text(3)!, attribute: row.text(4), ssfType: row.text(5),
                subsidy: row.bool(6)!, fromSSF: row.bool(7)!, text: row.text(8)!, petitioner: row.text(9), received: row.text(10)!, deposited: row.text(11),
                effectiveReceipt: row.text(12)!, termDays: row.int(13)!, termSource: row.text(14)!, deadline: row.text(15)!, originalDeadline: row.text(16)!,
                maximumExtension: row.text(17)!, deadlineVersion: row.int(18)!, calendarVersion: row.text(19)!, owner: row.text(20)!, state: row.text(21)!,
                suspendedOn: row.text(22), extended: row.bool(23)!, responseDate: row.text(24), responseChannel: row.text(25),
                ssfCertificate: row.text(26), verification: row.text(27)!, satisfied: row.bool(28), closedOn: row.text(29), openedAt: row.text(30)!,
                verifier: row.text(31))
        }
    }
}
