import Diagnostics
import Foundation

/// The survey store: questionnaire versions, the sample's cases, contact attempts, interviews and
/// their answers, the web form's links and accounts, the PQRSL cases, and an append-only audit log —
/// the rules written once, over a SQLite file (`SQLStore(sqlite:)`, the embedded default) or a
/// PostgreSQL server (`SQLStore(postgres:)`, for several users at once) behind the ``SQLTransaction``
/// seam. Every method is one transaction: it happens entirely or not at all.
public final class SQLStore: WebStore, CaseStore, Sendable {
    let database: any SQLDatabase
    /// The disposition of a call answered and not yet finished (``answerCall(_:attempt:)``).
    public static let openCall = "interrumpida"

    /// Opens (creating if needed) and migrates the SQLite store at `path`.
    public convenience init(sqlite path: String) throws(StoreError) {
        try self.init(database: try SQLiteDatabase(path: path))
    }

    /// Connects to `postgres://user:password@host:port/database` and brings its tables up to date.
    public convenience init(postgres url: String) throws(StoreError) {
        try self.init(database: try PostgresDatabase(url: url))
    }

    /// A SQLite file, or a PostgreSQL server when `location` is a `postgres://` address.
    public convenience init(_ location: String) throws(StoreError) {
        if Self.isPostgres(location) { try self.init(postgres: location) } else { try self.init(sqlite: location) }
    }

    init(database: any SQLDatabase) throws(StoreError) {
        self.database = database
        do {
            try Migrations.migrate(database)
        } catch let error as StoreError {
            if case .database(_, let message) = error { throw .cannotOpen(path: database.location, reason: .database(message)) }
            if case .unreachable = error { throw .cannotOpen(path: database.location, reason: .unreachable) }
            throw error
        } catch {
            throw .cannotOpen(path: database.location, reason: .database("\(error)"))
        }
    }

    /// Whether a store location is a PostgreSQL server rather than a SQLite file.
    public static func isPostgres(_ location: String) -> Bool { location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") }

    /// A location as messages show it: a PostgreSQL address without its password.
    public static func shown(_ location: String) -> String { isPostgres(location) ? PostgresDatabase.redacted(location) : location }

    // MARK: - Versions and the sample

    public func publish(_ version: PublishedVersion, actor: String) throws -> PublishOutcome {
        try database.write { tx in
            if let existing = try tx.text("SELECT sha256 FROM questionnaire_version WHERE questionnaire = ? AND version = ?",
                                          [version.questionnaire, version.version]) {
                guard existing == version.sha256 else { throw StoreError.versionChanged(questionnaire: version.questionnaire, version: version.version) }
                return .alreadyPublished
            }
            try tx.execute("INSERT INTO questionnaire_version (questionnaire, version, sha256, source, published_at) VALUES (?, ?, ?, ?, ?)",
                           [version.questionnaire, version.version, version.sha256, version.source, version.publishedAt])
            try Self.log(tx, actor: actor, action: "publish", details: "\(version.questionnaire) \(version.version) \(version.sha256)")
            return .published
        }
    }

    public func versions(of questionnaire: String) throws -> [PublishedVersion] {
        try database.read { tx in
            try tx.rows("SELECT questionnaire, version, sha256, source, published_at FROM questionnaire_version WHERE questionnaire = ? ORDER BY id",
                        [questionnaire]) {
                PublishedVersion(questionnaire: $0.text(0)!, version: $0.text(1)!, sha256: $0.text(2)!, source: $0.text(3)!, publishedAt: $0.text(4)!)
            }
        }
    }

    public func questionnaires() throws -> [String] {
        try database.read { tx in try tx.texts("SELECT DISTINCT questionnaire FROM questionnaire_version ORDER BY questionnaire") }
    }

    static let sampleColumns = "unit, stratum, weight, stratum_size, reserve, draw_order, contact"

    static func sampleUnit(_ row: any SQLCursor) -> SampleUnit {
        SampleUnit(unit: row.text(0)!, stratum: row.text(1), weight: row.real(2), stratumSize: row.real(3), reserve: row.bool(4) ?? false,
                   order: row.int(5), contact: ContactJSON.decode(row.text(6) ?? "{}"))
    }

    public func loadSample(_ units: [SampleUnit], questionnaire: String, actor: String) throws -> (added: Int, unchanged: Int) {
        try database.write { tx in
            try Self.requirePublished(tx, questionnaire)
            var stored: [String: SampleUnit] = [:]
            try tx.each("SELECT \(Self.sampleColumns) FROM sample_case WHERE questionnaire = ?", [.text(questionnaire)]) { row in
                let unit = Self.sampleUnit(row)
                stored[unit.unit] = unit
            }
            var added: [[SQLValue]] = [], unchanged = 0
            for unit in units {
                if let existing = stored[unit.unit] {
                    var same = unit
                    same.contact = ContactJSON.decode(ContactJSON.encode(unit.contact))
                    guard existing == same else { throw StoreError.duplicateUnit(questionnaire: questionnaire, unit: unit.unit) }
                    unchanged += 1
                    continue
                }
                stored[unit.unit] = unit
                added.append([.text(questionnaire), .text(unit.unit), unit.stratum.sqlValue, unit.weight.sqlValue, unit.stratumSize.sqlValue,
                              .bool(unit.reserve), unit.order.sqlValue, .text(ContactJSON.encode(unit.contact))])
            }
            try tx.insert(into: "sample_case", columns: ["questionnaire"] + Self.sampleColumns.components(separatedBy: ", "), rows: added)
            if !added.isEmpty { try Self.log(tx, actor: actor, action: "load_sample", details: "\(questionnaire): \(added.count) casos") }
            return (added.count, unchanged)
        }
    }

    public func cases(of questionnaire: String) throws -> [CaseState] {
        try database.read { tx in
            try Self.requirePublished(tx, questionnaire)
            var states: [CaseState] = []
            var position: [Int64: Int] = [:]
            try tx.each("""
                SELECT id, unit, stratum, reserve, disposition, draw_order, contact, claimed_by, claimed_until, assigned_to
                FROM sample_case WHERE questionnaire = ? ORDER BY id
                """, [.text(questionnaire)]) { row in
                position[row.integer(0)!] = states.count
                states.append(CaseState(unit: row.text(1)!, stratum: row.text(2), reserve: row.bool(3) ?? false, disposition: row.text(4), attempts: 0,
                                        interviewers: [], order: row.int(5), contact: ContactJSON.decode(row.text(6) ?? "{}"),
                                        claimedBy: row.text(7), claimedUntil: row.text(8), assignedTo: row.text(9)))
            }
            let ofQuestionnaire = "case_id IN (SELECT id FROM sample_case WHERE questionnaire = ?)"
            try tx.each("SELECT case_id, interviewer, ended_at FROM contact_attempt WHERE \(ofQuestionnaire) ORDER BY id", [.text(questionnaire)]) { row in
                guard let i = position[row.integer(0)!] else { return }
                states[i].attempts += 1
                states[i].interviewers.append(row.text(1)!)
                states[i].attemptEnds.append(row.text(2)!)
            }
            // The pending appointment of a case: the last one no attempt kept.
            try tx.each("SELECT case_id, at FROM appointment WHERE kept_attempt_id IS NULL AND \(ofQuestionnaire) ORDER BY id", [.text(questionnaire)]) { row in
                if let i = position[row.integer(0)!] { states[i].appointment = row.text(1) }
            }
            try tx.each("SELECT case_id FROM interview WHERE ended_at IS NULL AND case_id IS NOT NULL AND questionnaire = ?", [.text(questionnaire)]) { row in
                if let i = position[row.integer(0)!] { states[i].unfinished = true }
            }
            return states
        }
    }

    public func sampleUnits(of questionnaire: String) throws -> [String: SampleUnit] {
        try database.read { tx in
            var result: [String: SampleUnit] = [:]
            try tx.each("SELECT \(Self.sampleColumns) FROM sample_case WHERE questionnaire = ?", [.text(questionnaire)]) { row in
                let unit = Self.sampleUnit(row)
                result[unit.unit] = unit
            }
            return result
        }
    }

    public func sampleUnit(of questionnaire: String, unit: String) throws -> SampleUnit? {
        try database.read { tx in
            var found: SampleUnit?
            try tx.each("SELECT \(Self.sampleColumns) FROM sample_case WHERE questionnaire = ? AND unit = ?", [.text(questionnaire), .text(unit)]) { row in
                found = Self.sampleUnit(row)
            }
            return found
        }
    }

    // MARK: - Attempts, appointments, claims

    public func record(_ attempt: ContactAttempt, questionnaire: String) throws {
        try database.write { tx in
            try Self.requirePublished(tx, questionnaire)
            guard let caseID = try Self.caseID(tx, questionnaire, attempt.unit) else {
                throw StoreError.notInSample(questionnaire: questionnaire, unit: attempt.unit)
            }
            try Self.insertAttempt(tx, caseID: caseID, attempt)
            try tx.execute("UPDATE sample_case SET disposition = ? WHERE id = ?", [attempt.disposition, caseID])
            try Self.log(tx, actor: attempt.interviewer, action: "attempt", details: "\(questionnaire) \(attempt.unit) \(attempt.disposition)")
        }
    }

    public func attempts(questionnaire: String, unit: String) throws -> [ContactAttempt] {
        try database.read { tx in
            try tx.rows("""
                SELECT a.interviewer, a.started_at, a.ended_at, a.disposition, a.notes FROM contact_attempt a JOIN sample_case c ON c.id = a.case_id
                WHERE c.questionnaire = ? AND c.unit = ? ORDER BY a.id
                """, [questionnaire, unit]) {
                ContactAttempt(unit: unit, interviewer: $0.text(0)!, startedAt: $0.text(1)!, endedAt: $0.text(2)!, disposition: $0.text(3)!, notes: $0.text(4))
            }
        }
    }

    public func addAppointment(questionnaire: String, unit: String, at: String, interviewer: String) throws {
        try database.write { tx in
            guard let caseID = try Self.caseID(tx, questionnaire, unit) else { throw StoreError.notInSample(questionnaire: questionnaire, unit: unit) }
            try tx.execute("INSERT INTO appointment (case_id, at, interviewer) VALUES (?, ?, ?)", [caseID, at, interviewer])
            try Self.log(tx, actor: interviewer, action: "appointment", details: "\(questionnaire) \(unit) \(at)")
        }
    }

    public func close(questionnaire: String, unit: String, disposition: String, actor: String) throws {
        try database.write { tx in
            try tx.execute("UPDATE sample_case SET disposition = ? WHERE questionnaire = ? AND unit = ?", [disposition, questionnaire, unit])
            try Self.log(tx, actor: actor, action: "close_case", details: "\(questionnaire) \(unit) \(disposition)")
        }
    }

    public func claim(questionnaire: String, unit: String, interviewer: String, now: String, until: String) throws -> Bool {
        try database.write { tx in
            try tx.execute("""
                UPDATE sample_case SET claimed_by = ?, claimed_until = ?
                WHERE questionnaire = ? AND unit = ? AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)
                """, [interviewer, until, questionnaire, unit, now, interviewer]) == 1
        }
    }

    public func release(questionnaire: String, unit: String, interviewer: String) throws {
        try database.write { tx in
            try tx.execute("UPDATE sample_case SET claimed_by = NULL, claimed_until = NULL WHERE questionnaire = ? AND unit = ? AND claimed_by = ?",
                           [questionnaire, unit, interviewer])
        }
    }

    public func audit() throws -> [(at: String, actor: String, action: String, details: String)] {
        try database.read { tx in
            try tx.rows("SELECT at, actor, action, details FROM audit_log ORDER BY id") { (at: $0.text(0)!, actor: $0.text(1)!, action: $0.text(2)!, details: $0.text(3)!) }
        }
    }

    public func appendAudit(actor: String, action: String, details: String) throws {
        try database.write { tx in try Self.log(tx, actor: actor, action: action, details: details) }
    }

    // MARK: - Helpers

    static func caseID(_ tx: any SQLTransaction, _ questionnaire: String, _ unit: String) throws -> Int64? {
        try tx.integer("SELECT id FROM sample_case WHERE questionnaire = ? AND unit = ?", [questionnaire, unit])
    }

    /// Inserts an attempt; a pending appointment of the case is kept by it.
    static func insertAttempt(_ tx: any SQLTransaction, caseID: Int64, _ attempt: ContactAttempt) throws {
        let id = try tx.integer("""
            INSERT INTO contact_attempt (case_id, interviewer, started_at, ended_at, disposition, notes) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """, [caseID, attempt.interviewer, attempt.startedAt, attempt.endedAt, attempt.disposition, attempt.notes])
        try tx.execute("UPDATE appointment SET kept_attempt_id = ? WHERE case_id = ? AND kept_attempt_id IS NULL", [id, caseID])
    }

    static func requirePublished(_ tx: any SQLTransaction, _ questionnaire: String) throws {
        guard try tx.integer("SELECT COUNT(*) FROM questionnaire_version WHERE questionnaire = ?", [questionnaire]) == 0 else { return }
        let known = try tx.texts("SELECT DISTINCT questionnaire FROM questionnaire_version")
        throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: known))
    }

    static func log(_ tx: any SQLTransaction, actor: String, action: String, details: String) throws {
        try tx.execute("INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)", [Clock.system.timestamp, actor, action, details])
    }
}
