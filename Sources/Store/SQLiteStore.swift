import Diagnostics
import Foundation
import GRDB

/// The embedded store: one SQLite file (`sondeo.sqlite` by default) in WAL mode, so that an
/// encuestador's interview and an import can write at the same time (each waits its turn for up to
/// 30 s) and readers never block. Every method runs in one transaction.
public final class SQLiteStore: SurveyStore, Sendable {
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) and migrates the store at `path`.
    public init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        // A new store gets 64 KiB pages (SQLite's largest): writing an import of 100,000 interviews to the
        // WAL and checkpointing it then takes 16 times fewer system calls than with 4 KiB pages, a third
        // of the import's time on a virtual disk. The page size is fixed when the file is first written
        // (before WAL mode is set up), so this changes nothing for a store that already exists.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 65536") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.cannotOpen(path: path, reason: "lo escribió una versión más nueva de Sondeo")
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    public func publish(_ version: PublishedVersion, actor: String) throws -> PublishOutcome {
        try write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT sha256 FROM questionnaire_version WHERE questionnaire = ? AND version = ?",
                                                  arguments: [version.questionnaire, version.version]) {
                guard existing == version.sha256 else { throw StoreError.versionChanged(questionnaire: version.questionnaire, version: version.version) }
                return .alreadyPublished
            }
            try db.execute(sql: "INSERT INTO questionnaire_version (questionnaire, version, sha256, source, published_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [version.questionnaire, version.version, version.sha256, version.source, version.publishedAt])
            try Self.log(db, actor: actor, action: "publish", details: "\(version.questionnaire) \(version.version) \(version.sha256)")
            return .published
        }
    }

    public func versions(of questionnaire: String) throws -> [PublishedVersion] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM questionnaire_version WHERE questionnaire = ? ORDER BY id", arguments: [questionnaire]).map {
                PublishedVersion(questionnaire: $0["questionnaire"], version: $0["version"], sha256: $0["sha256"], source: $0["source"],
                                 publishedAt: $0["published_at"])
            }
        }
    }

    public func questionnaires() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT questionnaire FROM questionnaire_version ORDER BY questionnaire") }
    }

    public func loadSample(_ units: [SampleUnit], questionnaire: String, actor: String) throws -> (added: Int, unchanged: Int) {
        try write { db in
            try requirePublished(db, questionnaire)
            var added = 0, unchanged = 0
            for unit in units {
                let contact = ContactJSON.encode(unit.contact)
                if let row = try Row.fetchOne(db, sql: "SELECT stratum, weight, stratum_size, reserve, draw_order, contact FROM sample_case WHERE questionnaire = ? AND unit = ?",
                                              arguments: [questionnaire, unit.unit]) {
                    let same = row["stratum"] as String? == unit.stratum && row["weight"] as Double? == unit.weight
                        && row["stratum_size"] as Double? == unit.stratumSize && row["reserve"] as Bool == unit.reserve
                        && row["draw_order"] as Int? == unit.order && row["contact"] as String == contact
                    guard same else { throw StoreError.duplicateUnit(questionnaire: questionnaire, unit: unit.unit) }
                    unchanged += 1
                    continue
                }
                try db.execute(sql: """
                    INSERT INTO sample_case (questionnaire, unit, stratum, weight, stratum_size, reserve, draw_order, contact)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [questionnaire, unit.unit, unit.stratum, unit.weight, unit.stratumSize, unit.reserve, unit.order, contact])
                added += 1
            }
            if added > 0 { try Self.log(db, actor: actor, action: "load_sample", details: "\(questionnaire): \(added) casos") }
            return (added, unchanged)
        }
    }

    public func cases(of questionnaire: String) throws -> [CaseState] {
        try read { db in
            try requirePublished(db, questionnaire)
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.unit, c.stratum, c.reserve, c.disposition, c.draw_order, c.contact, c.claimed_by, c.claimed_until,
                       (SELECT COUNT(*) FROM contact_attempt a WHERE a.case_id = c.id) AS attempts,
                       (SELECT group_concat(interviewer, char(31)) FROM (SELECT interviewer FROM contact_attempt a WHERE a.case_id = c.id ORDER BY a.id)) AS interviewers,
                       (SELECT group_concat(ended_at, char(31)) FROM (SELECT ended_at FROM contact_attempt a WHERE a.case_id = c.id ORDER BY a.id)) AS ends,
                       (SELECT at FROM appointment p WHERE p.case_id = c.id AND p.kept_attempt_id IS NULL ORDER BY p.id DESC LIMIT 1) AS appointment,
                       EXISTS (SELECT 1 FROM interview i WHERE i.case_id = c.id AND i.ended_at IS NULL) AS unfinished
                FROM sample_case c WHERE c.questionnaire = ? ORDER BY c.id
                """, arguments: [questionnaire])
            return rows.map { row in
                func list(_ column: String) -> [String] { (row[column] as String?).map { $0.split(separator: "\u{1F}").map(String.init) } ?? [] }
                let contact = ContactJSON.decode(row["contact"])
                return CaseState(unit: row["unit"], stratum: row["stratum"], reserve: row["reserve"], disposition: row["disposition"],
                                 attempts: row["attempts"], interviewers: list("interviewers"), attemptEnds: list("ends"),
                                 appointment: row["appointment"], unfinished: row["unfinished"], order: row["draw_order"], contact: contact,
                                 claimedBy: row["claimed_by"], claimedUntil: row["claimed_until"])
            }
        }
    }

    public func record(_ attempt: ContactAttempt, questionnaire: String) throws {
        try write { db in
            try requirePublished(db, questionnaire)
            guard let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM sample_case WHERE questionnaire = ? AND unit = ?",
                                                  arguments: [questionnaire, attempt.unit]) else {
                throw StoreError.notInSample(questionnaire: questionnaire, unit: attempt.unit)
            }
            try Self.insertAttempt(db, caseID: caseID, attempt)
            try db.execute(sql: "UPDATE sample_case SET disposition = ? WHERE id = ?", arguments: [attempt.disposition, caseID])
            try Self.log(db, actor: attempt.interviewer, action: "attempt", details: "\(questionnaire) \(attempt.unit) \(attempt.disposition)")
        }
    }

    public func save(actor: String, batches next: () throws -> [InterviewRow]?) throws -> (added: Int, unchanged: Int) {
        try write { db in
            var first: InterviewRecord?
            // A page cache that holds a large import (the default 2 MB spills pages to the WAL mid-way);
            // the cache only takes the memory it uses.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            var writer = InterviewWriter(db, requirePublished: { try self.requirePublished(db, $0) })
            while let batch = try next() {
                for row in batch {
                    if first == nil { first = row.record }
                    try writer.add(row)
                }
            }
            try writer.flush()
            let added = writer.added, unchanged = writer.unchanged
            if added > 0, let first {
                try Self.log(db, actor: actor, action: "save_interviews", details: "\(first.questionnaire): \(added) entrevistas (\(first.source))")
            }
            return (added, unchanged)
        }
    }

    public func interviewRows(of questionnaire: String) throws -> [InterviewRow] {
        try read { db in
            try requirePublished(db, questionnaire)
            return try AnswerRows.interviews(db, questionnaire: questionnaire)
        }
    }

    public func sampleUnits(of questionnaire: String) throws -> [String: SampleUnit] {
        try read { db in
            var result: [String: SampleUnit] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM sample_case WHERE questionnaire = ?", arguments: [questionnaire]) {
                let contact = ContactJSON.decode(row["contact"])
                let unit = SampleUnit(unit: row["unit"], stratum: row["stratum"], weight: row["weight"], stratumSize: row["stratum_size"],
                                      reserve: row["reserve"], order: row["draw_order"], contact: contact)
                result[unit.unit] = unit
            }
            return result
        }
    }

    private static func interview(_ db: Database, questionnaire: String, respondent: String) throws -> InterviewRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM interview WHERE questionnaire = ? AND respondent = ?", arguments: [questionnaire, respondent]) else {
            return nil
        }
        return interview(row, answers: AnswerJSON.decode(row["answers"]))
    }

    private static func interview(_ row: Row, answers: [StoredAnswer]) -> InterviewRecord {
        InterviewRecord(questionnaire: row["questionnaire"], version: row["version"], respondent: row["respondent"], mode: row["mode"],
                        interviewer: row["interviewer"], startedAt: row["started_at"], endedAt: row["ended_at"], disposition: row["disposition"],
                        source: row["source"], answers: answers)
    }

    public func attempts(questionnaire: String, unit: String) throws -> [ContactAttempt] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.* FROM contact_attempt a JOIN sample_case c ON c.id = a.case_id WHERE c.questionnaire = ? AND c.unit = ? ORDER BY a.id
                """, arguments: [questionnaire, unit]).map {
                ContactAttempt(unit: unit, interviewer: $0["interviewer"], startedAt: $0["started_at"], endedAt: $0["ended_at"],
                               disposition: $0["disposition"], notes: $0["notes"])
            }
        }
    }

    public func interview(questionnaire: String, respondent: String) throws -> InterviewRecord? {
        try read { db in try Self.interview(db, questionnaire: questionnaire, respondent: respondent) }
    }

    public func startInterview(_ interview: InterviewRecord, actor: String) throws -> InterviewRecord {
        try write { db in try startInterview(db, interview, actor: actor) }
    }

    private func startInterview(_ db: Database, _ interview: InterviewRecord, actor: String) throws -> InterviewRecord {
        try requirePublished(db, interview.questionnaire)
        if let existing = try Self.interview(db, questionnaire: interview.questionnaire, respondent: interview.respondent) { return existing }
        let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM sample_case WHERE questionnaire = ? AND unit = ?",
                                        arguments: [interview.questionnaire, interview.respondent])
        try db.execute(sql: """
            INSERT INTO interview (case_id, questionnaire, version, respondent, mode, interviewer, started_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, interview.questionnaire, interview.version, interview.respondent, interview.mode, interview.interviewer,
                             interview.startedAt, interview.source])
        try Self.log(db, actor: actor, action: "start_interview", details: "\(interview.questionnaire) \(interview.respondent)")
        var started = interview
        started.answers = []
        started.endedAt = nil
        started.disposition = nil
        return started
    }

    public func saveAnswer(_ answer: StoredAnswer?, variable: String, questionnaire: String, respondent: String) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, answers FROM interview WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL",
                                             arguments: [questionnaire, respondent]) else {
                throw StoreError.noOpenInterview(questionnaire: questionnaire, respondent: respondent)
            }
            var answers = AnswerJSON.decode(row["answers"]).filter { $0.variable != variable }
            if var answer {
                answer.variable = variable
                answers.append(answer)
            }
            try db.execute(sql: "UPDATE interview SET answers = ? WHERE id = ?", arguments: [AnswerJSON.encode(answers), row["id"] as Int64])
        }
    }

    public func savePage(_ interview: InterviewRecord, answers: [StoredAnswer], closing: InterviewClosing?, actor: String) throws {
        try write { db in
            _ = try startInterview(db, interview, actor: actor)
            try db.execute(sql: "UPDATE interview SET answers = ? WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL",
                           arguments: [AnswerJSON.encode(answers), interview.questionnaire, interview.respondent])
            guard db.changesCount == 1 else {
                throw StoreError.noOpenInterview(questionnaire: interview.questionnaire, respondent: interview.respondent)
            }
            if let closing {
                try closeInterview(db, questionnaire: interview.questionnaire, respondent: interview.respondent, disposition: closing.disposition,
                                   endedAt: closing.endedAt, actor: actor)
                try db.execute(sql: "UPDATE sample_case SET claimed_by = NULL, claimed_until = NULL WHERE questionnaire = ? AND unit = ?",
                               arguments: [interview.questionnaire, interview.respondent])
            }
        }
    }

    public func finishInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, attempt: ContactAttempt) throws {
        try write { db in
            try db.execute(sql: "UPDATE interview SET disposition = ?, ended_at = ? WHERE questionnaire = ? AND respondent = ?",
                           arguments: [disposition, endedAt, questionnaire, respondent])
            if let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM sample_case WHERE questionnaire = ? AND unit = ?", arguments: [questionnaire, respondent]) {
                try Self.insertAttempt(db, caseID: caseID, attempt)
                try db.execute(sql: "UPDATE sample_case SET disposition = ? WHERE id = ?", arguments: [disposition, caseID])
            }
            try Self.log(db, actor: attempt.interviewer, action: "finish_interview", details: "\(questionnaire) \(respondent) \(disposition)")
        }
    }

    public func addAppointment(questionnaire: String, unit: String, at: String, interviewer: String) throws {
        try write { db in
            guard let caseID = try Int64.fetchOne(db, sql: "SELECT id FROM sample_case WHERE questionnaire = ? AND unit = ?", arguments: [questionnaire, unit]) else {
                throw StoreError.notInSample(questionnaire: questionnaire, unit: unit)
            }
            try db.execute(sql: "INSERT INTO appointment (case_id, at, interviewer) VALUES (?, ?, ?)", arguments: [caseID, at, interviewer])
            try Self.log(db, actor: interviewer, action: "appointment", details: "\(questionnaire) \(unit) \(at)")
        }
    }

    public func close(questionnaire: String, unit: String, disposition: String, actor: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE sample_case SET disposition = ? WHERE questionnaire = ? AND unit = ?", arguments: [disposition, questionnaire, unit])
            try Self.log(db, actor: actor, action: "close_case", details: "\(questionnaire) \(unit) \(disposition)")
        }
    }

    public func closeInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, actor: String) throws {
        try write { db in
            try closeInterview(db, questionnaire: questionnaire, respondent: respondent, disposition: disposition, endedAt: endedAt, actor: actor)
        }
    }

    private func closeInterview(_ db: Database, questionnaire: String, respondent: String, disposition: String, endedAt: String, actor: String) throws {
        try db.execute(sql: "UPDATE interview SET disposition = ?, ended_at = ? WHERE questionnaire = ? AND respondent = ? AND ended_at IS NULL",
                       arguments: [disposition, endedAt, questionnaire, respondent])
        try db.execute(sql: "UPDATE sample_case SET disposition = ? WHERE questionnaire = ? AND unit = ?", arguments: [disposition, questionnaire, respondent])
        try Self.log(db, actor: actor, action: "close_interview", details: "\(questionnaire) \(respondent) \(disposition)")
    }

    public func claim(questionnaire: String, unit: String, interviewer: String, now: String, until: String) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                UPDATE sample_case SET claimed_by = ?, claimed_until = ?
                WHERE questionnaire = ? AND unit = ? AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)
                """, arguments: [interviewer, until, questionnaire, unit, now, interviewer])
            return db.changesCount == 1
        }
    }

    public func release(questionnaire: String, unit: String, interviewer: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE sample_case SET claimed_by = NULL, claimed_until = NULL WHERE questionnaire = ? AND unit = ? AND claimed_by = ?",
                           arguments: [questionnaire, unit, interviewer])
        }
    }

    /// Inserts an attempt; a pending appointment of the case is kept by it.
    private static func insertAttempt(_ db: Database, caseID: Int64, _ attempt: ContactAttempt) throws {
        try db.execute(sql: "INSERT INTO contact_attempt (case_id, interviewer, started_at, ended_at, disposition, notes) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [caseID, attempt.interviewer, attempt.startedAt, attempt.endedAt, attempt.disposition, attempt.notes])
        try db.execute(sql: "UPDATE appointment SET kept_attempt_id = ? WHERE case_id = ? AND kept_attempt_id IS NULL",
                       arguments: [db.lastInsertedRowID, caseID])
    }

    public func audit() throws -> [(at: String, actor: String, action: String, details: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, details FROM audit_log ORDER BY id").map { ($0["at"], $0["actor"], $0["action"], $0["details"]) }
        }
    }

    // MARK: - Helpers

    func requirePublished(_ db: Database, _ questionnaire: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM questionnaire_version WHERE questionnaire = ?)", arguments: [questionnaire]) == true else {
            let known = try String.fetchAll(db, sql: "SELECT DISTINCT questionnaire FROM questionnaire_version")
            throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: known))
        }
    }

    static func log(_ db: Database, actor: String, action: String, details: String) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)", arguments: [Clock.system.timestamp, actor, action, details])
    }


    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw translate(error) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw translate(error) }
    }

    private func translate(_ error: any Error) -> any Error {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError { return StoreError.database(path: path, message: error.message ?? error.description) }
        return error
    }
}
