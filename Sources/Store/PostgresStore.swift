import Diagnostics
import Foundation
import PostgresNIO

/// The multi-user store: the same tables and behaviour as ``SQLiteStore`` on a PostgreSQL server
/// (`--store postgres://usuario:clave@127.0.0.1/sondeo`), through postgres-nio. Every method is one
/// transaction; the append-only audit log is kept by triggers, as in SQLite. The store's methods are
/// synchronous like the protocol's: each waits for its transaction on the client's own event loop.
public final class PostgresStore: WebStore, @unchecked Sendable {
    public let url: String
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger = Logger(label: "sondeo.postgres")

    /// Connects to `postgres://user:password@host:port/database` and brings the schema up to date.
    public init(url: String) throws(StoreError) {
        self.url = url
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""), let host = parts.host,
              let user = parts.user, !host.isEmpty else {
            throw .cannotOpen(path: Self.redacted(url), reason: "no es una dirección postgres://usuario:clave@servidor/base")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let configuration = PostgresClient.Configuration(host: host, port: parts.port ?? 5432, username: user, password: parts.password,
                                                         database: database.isEmpty ? user : database, tls: .disable)
        let client = PostgresClient(configuration: configuration)
        self.client = client
        runner = Task(executorPreference: Self.executor) { await client.run() }
        do {
            try blocking { [logger] in try await Self.migrate(client, logger: logger) }
        } catch {
            runner.cancel()
            throw .cannotOpen(path: Self.redacted(url), reason: (error as? StoreError).map { e in
                if case .database(_, let message) = e { return message } else { return e.message(.es) } } ?? Self.describe(error))
        }
    }

    deinit { runner.cancel() }

    /// The URL without its password, for messages.
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError { return error.serverInfo?[.message] ?? "\(error.code)" }
        if let error = error as? PostgresTransactionError, let inner = error.closureError ?? error.beginError { return describe(inner) }
        if "\(error)".contains("ConnectionPoolError") {
            return "no se pudo conectar con el servidor: revise la dirección, el usuario, la clave y que el servidor esté en marcha"
        }
        return "\(error)"
    }

    // MARK: - Running

    private final class Box<T>: @unchecked Sendable { var value: Result<T, any Error>? }

    /// Runs async work and waits for it (the protocol is synchronous; commands are not on an event loop).
    private func blocking<T>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        // On the store's own threads, not Swift's shared pool: a caller blocked here (a test, a server
        // handler) must not starve the work it waits for.
        Task(executorPreference: Self.executor) {
            do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        switch box.value! {
        case .success(let value): return value
        case .failure(let error as StoreError): throw error
        case .failure(let error as PostgresTransactionError) where error.closureError is StoreError: throw error.closureError!
        case .failure(let error): throw StoreError.database(path: Self.redacted(url), message: Self.describe(error))
        }
    }

    /// One transaction.
    @discardableResult
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let client = self.client, logger = self.logger
        return try blocking { try await client.withTransaction(logger: logger) { connection in try await body(connection, logger) } }
    }

    /// Runs the store's async work on GCD's threads.
    final class DispatchExecutor: TaskExecutor, @unchecked Sendable {
        let queue = DispatchQueue(label: "sondeo.postgres", attributes: .concurrent)

        func enqueue(_ job: consuming ExecutorJob) {
            let unowned = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { unowned.runSynchronously(on: executor) }
        }
    }

    static let executor = DispatchExecutor()

    // MARK: - Schema

    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { c in
            try await c.query("SELECT pg_advisory_xact_lock(4242)", logger: logger)
            try await c.query("CREATE TABLE IF NOT EXISTS sondeo_migration (name TEXT PRIMARY KEY)", logger: logger)
            var done: Set<String> = []
            for try await name in try await c.query("SELECT name FROM sondeo_migration", logger: logger).decode(String.self) { done.insert(name) }
            for (name, statements) in migrations + [caseMigration] where !done.contains(name) {
                for statement in statements { try await c.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await c.query("INSERT INTO sondeo_migration (name) VALUES (\(name))", logger: logger)
            }
        }
    }

    /// The SQLite schema's tables (v1, v2 claims, v4 answers in the interview row) for PostgreSQL.
    static let migrations: [(String, [String])] = [
        ("v1", [
            """
            CREATE TABLE questionnaire_version (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, questionnaire TEXT NOT NULL,
                version TEXT NOT NULL, sha256 TEXT NOT NULL, source TEXT NOT NULL, published_at TEXT NOT NULL, UNIQUE (questionnaire, version))
            """,
            """
            CREATE TABLE sample_case (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, questionnaire TEXT NOT NULL, unit TEXT NOT NULL,
                stratum TEXT, weight DOUBLE PRECISION, stratum_size DOUBLE PRECISION, reserve BOOLEAN NOT NULL DEFAULT FALSE, draw_order BIGINT,
                contact TEXT NOT NULL DEFAULT '{}', disposition TEXT, claimed_by TEXT, claimed_until TEXT, UNIQUE (questionnaire, unit))
            """,
            """
            CREATE TABLE contact_attempt (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES sample_case(id),
                interviewer TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL, disposition TEXT NOT NULL, notes TEXT)
            """,
            "CREATE INDEX contact_attempt_case ON contact_attempt(case_id)",
            """
            CREATE TABLE appointment (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id BIGINT NOT NULL REFERENCES sample_case(id),
                at TEXT NOT NULL, interviewer TEXT, kept_attempt_id BIGINT REFERENCES contact_attempt(id))
            """,
            """
            CREATE TABLE interview (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id BIGINT REFERENCES sample_case(id),
                questionnaire TEXT NOT NULL, version TEXT NOT NULL, respondent TEXT NOT NULL, mode TEXT NOT NULL, interviewer TEXT,
                started_at TEXT NOT NULL, ended_at TEXT, disposition TEXT, source TEXT NOT NULL, answers TEXT NOT NULL DEFAULT '{}',
                UNIQUE (questionnaire, respondent))
            """,
            """
            CREATE TABLE audit_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
                action TEXT NOT NULL, details TEXT NOT NULL)
            """,
            """
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'el registro de auditoría no se puede modificar ni borrar'; END $$
            """,
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
        ]),
        ("web", [
            "CREATE TABLE web_link (token TEXT PRIMARY KEY, questionnaire TEXT NOT NULL, unit TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (questionnaire, unit))",
            """
            CREATE TABLE web_user (code TEXT PRIMARY KEY, role TEXT NOT NULL, salt TEXT NOT NULL, hash TEXT NOT NULL, iterations INTEGER NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT)
            """,
            "CREATE TABLE web_session (token TEXT PRIMARY KEY, code TEXT NOT NULL REFERENCES web_user(code), expires_at TEXT NOT NULL)",
        ]),
    ]

    // MARK: - SurveyStore

    public func publish(_ version: PublishedVersion, actor: String) throws -> PublishOutcome {
        try transaction { c, logger in
            let existing = try await c.query("SELECT sha256 FROM questionnaire_version WHERE questionnaire = \(version.questionnaire) AND version = \(version.version)",
                                             logger: logger).decode(String.self).first { _ in true }
            if let existing {
                guard existing == version.sha256 else { throw StoreError.versionChanged(questionnaire: version.questionnaire, version: version.version) }
                return .alreadyPublished
            }
            try await c.query("""
                INSERT INTO questionnaire_version (questionnaire, version, sha256, source, published_at)
                VALUES (\(version.questionnaire), \(version.version), \(version.sha256), \(version.source), \(version.publishedAt))
                """, logger: logger)
            try await Self.log(c, logger, actor: actor, action: "publish", details: "\(version.questionnaire) \(version.version) \(version.sha256)")
            return .published
        }
    }

    public func versions(of questionnaire: String) throws -> [PublishedVersion] {
        try transaction { c, logger in
            var result: [PublishedVersion] = []
            for try await (q, v, sha, source, at) in try await c.query("""
                SELECT questionnaire, version, sha256, source, published_at FROM questionnaire_version WHERE questionnaire = \(questionnaire) ORDER BY id
                """, logger: logger).decode((String, String, String, String, String).self) {
                result.append(PublishedVersion(questionnaire: q, version: v, sha256: sha, source: source, publishedAt: at))
            }
            return result
        }
    }

    public func questionnaires() throws -> [String] {
        try transaction { c, logger in
            var result: [String] = []
            for try await q in try await c.query("SELECT DISTINCT questionnaire FROM questionnaire_version ORDER BY questionnaire", logger: logger).decode(String.self) {
                result.append(q)
            }
            return result
        }
    }

    public func loadSample(_ units: [SampleUnit], questionnaire: String, actor: String) throws -> (added: Int, unchanged: Int) {
        try transaction { c, logger in
            try await Self.requirePublished(c, logger, questionnaire)
            var added = 0, unchanged = 0
            for unit in units {
                let contact = ContactJSON.encode(unit.contact)
                let rows = try await c.query("""
                    SELECT stratum, weight, stratum_size, reserve, draw_order, contact FROM sample_case WHERE questionnaire = \(questionnaire) AND unit = \(unit.unit)
                    """, logger: logger).decode((String?, Double?, Double?, Bool, Int?, String).self)
                if let row = try await rows.first(where: { _ in true }) {
                    guard row.0 == unit.stratum, row.1 == unit.weight, row.2 == unit.stratumSize, row.3 == unit.reserve, row.4 == unit.order, row.5 == contact else {
                        throw StoreError.duplicateUnit(questionnaire: questionnaire, unit: unit.unit)
                    }
                    unchanged += 1
                    continue
                }
                try await c.query("""
                    INSERT INTO sample_case (questionnaire, unit, stratum, weight, stratum_size, reserve, draw_order, contact)
                    VALUES (\(questionnaire), \(unit.unit), \(unit.stratum), \(unit.weight), \(unit.stratumSize), \(unit.reserve), \(unit.order), \(contact))
                    """, logger: logger)
                added += 1
            }
            if added > 0 { try await Self.log(c, logger, actor: actor, action: "load_sample", details: "\(questionnaire): \(added) casos") }
            return (added, unchanged)
        }
    }

    public func cases(of questionnaire: String) throws -> [CaseState] {
        try transaction { c, logger in
            try await Self.requirePublished(c, logger, questionnaire)
            var result: [CaseState] = []
            let rows = try await c.query("""
                SELECT c.unit, c.stratum, c.reserve, c.disposition, c.draw_order, c.contact, c.claimed_by, c.claimed_until,
                       (SELECT COUNT(*) FROM contact_attempt a WHERE a.case_id = c.id),
                       (SELECT string_agg(interviewer, chr(31) ORDER BY a.id) FROM contact_attempt a WHERE a.case_id = c.id),
                       (SELECT string_agg(ended_at, chr(31) ORDER BY a.id) FROM contact_attempt a WHERE a.case_id = c.id),
                       (SELECT at FROM appointment p WHERE p.case_id = c.id AND p.kept_attempt_id IS NULL ORDER BY p.id DESC LIMIT 1),
                       EXISTS (SELECT 1 FROM interview i WHERE i.case_id = c.id AND i.ended_at IS NULL)
                FROM sample_case c WHERE c.questionnaire = \(questionnaire) ORDER BY c.id
                """, logger: logger)
            for try await row in rows {
                let (unit, stratum, reserve, disposition, order, contact, claimedBy, claimedUntil, attempts, interviewers, ends, appointment, unfinished) =
                    try row.decode((String, String?, Bool, String?, Int?, String, String?, String?, Int, String?, String?, String?, Bool).self)
                func list(_ text: String?) -> [String] { text.map { $0.split(separator: "\u{1F}").map(String.init) } ?? [] }
                result.append(CaseState(unit: unit, stratum: stratum, reserve: reserve, disposition: disposition, attempts: attempts,
                                        interviewers: list(interviewers), attemptEnds: list(ends), appointment: appointment,
                                        unfinished: unfinished, order: order, contact: ContactJSON.decode(contact),
                                        claimedBy: claimedBy, claimedUntil: claimedUntil))
            }
            return result
        }
    }

    public func record(_ attempt: ContactAttempt, questionnaire: String) throws {
        try transaction { c, logger in
            try await Self.requirePublished(c, logger, questionnaire)
            guard let caseID = try await Self.caseID(c, logger, questionnaire, attempt.unit) else {
                throw StoreError.notInSample(questionnaire: questionnaire, unit: attempt.unit)
            }
            try await Self.insertAttempt(c, logger, caseID: caseID, attempt)
            try await c.query("UPDATE sample_case SET disposition = \(attempt.disposition) WHERE id = \(caseID)", logger: logger)
            try await Self.log(c, logger, actor: attempt.interviewer, action: "attempt", details: "\(questionnaire) \(attempt.unit) \(attempt.disposition)")
        }
    }

    public func save(actor: String, batches next: () throws -> [InterviewRow]?) throws -> (added: Int, unchanged: Int) {
        // The batches are gathered before the transaction (its body runs on the store's executor); an
        // error while gathering leaves the store untouched, as the protocol promises.
        var interviews: [InterviewRow] = []
        while let batch = try next() { interviews += batch }
        return try transaction { [interviews] c, logger in
            var added = 0, unchanged = 0
            var published = Set<String>()
            for prepared in interviews {
                let interview = prepared.record
                if published.insert(interview.questionnaire).inserted { try await Self.requirePublished(c, logger, interview.questionnaire) }
                if let existing = try await Self.interview(c, logger, interview.questionnaire, interview.respondent) {
                    guard existing.answers.sorted(by: { $0.variable < $1.variable }) == prepared.storedAnswers else {
                        throw StoreError.duplicateRespondent(questionnaire: interview.questionnaire, respondent: interview.respondent)
                    }
                    unchanged += 1
                    continue
                }
                let caseID = try await Self.caseID(c, logger, interview.questionnaire, interview.respondent)
                try await c.query("""
                    INSERT INTO interview (case_id, questionnaire, version, respondent, mode, interviewer, started_at, ended_at, disposition, source, answers)
                    VALUES (\(caseID), \(interview.questionnaire), \(interview.version), \(interview.respondent), \(interview.mode), \(interview.interviewer),
                            \(interview.startedAt), \(interview.endedAt), \(interview.disposition), \(interview.source), \(String(decoding: prepared.answers, as: UTF8.self)))
                    """, logger: logger)
                if let caseID, let disposition = interview.disposition {
                    try await c.query("UPDATE sample_case SET disposition = \(disposition) WHERE id = \(caseID)", logger: logger)
                }
                added += 1
            }
            if added > 0, let first = interviews.first?.record {
                try await Self.log(c, logger, actor: actor, action: "save_interviews", details: "\(first.questionnaire): \(added) entrevistas (\(first.source))")
            }
            return (added, unchanged)
        }
    }

    public func interviewRows(of questionnaire: String) throws -> [InterviewRow] {
        try transaction { c, logger in
            try await Self.requirePublished(c, logger, questionnaire)
            return try await Self.interviews(c, logger, questionnaire)
        }
    }

    public func sampleUnits(of questionnaire: String) throws -> [String: SampleUnit] {
        try transaction { c, logger in
            var result: [String: SampleUnit] = [:]
            for try await (unit, stratum, weight, size, reserve, order, contact) in try await c.query("""
                SELECT unit, stratum, weight, stratum_size, reserve, draw_order, contact FROM sample_case WHERE questionnaire = \(questionnaire)
                """, logger: logger).decode((String, String?, Double?, Double?, Bool, Int?, String).self) {
                result[unit] = SampleUnit(unit: unit, stratum: stratum, weight: weight, stratumSize: size, reserve: reserve, order: order, contact: ContactJSON.decode(contact))
            }
            return result
        }
    }

    public func attempts(questionnaire: String, unit: String) throws -> [ContactAttempt] {
        try transaction { c, logger in
            var result: [ContactAttempt] = []
            for try await (interviewer, started, ended, disposition, notes) in try await c.query("""
                SELECT a.interviewer, a.started_at, a.ended_at, a.disposition, a.notes FROM contact_attempt a JOIN sample_case c ON c.id = a.case_id
                WHERE c.questionnaire = \(questionnaire) AND c.unit = \(unit) ORDER BY a.id
                """, logger: logger).decode((String, String, String, String, String?).self) {
                result.append(ContactAttempt(unit: unit, interviewer: interviewer, startedAt: started, endedAt: ended, disposition: disposition, notes: notes))
            }
            return result
        }
    }

    public func interview(questionnaire: String, respondent: String) throws -> InterviewRecord? {
        try transaction { c, logger in try await Self.interview(c, logger, questionnaire, respondent) }
    }

    public func startInterview(_ interview: InterviewRecord, actor: String) throws -> InterviewRecord {
        try transaction { c, logger in try await Self.startInterview(c, logger, interview, actor: actor) }
    }

    static func startInterview(_ c: PostgresConnection, _ logger: Logger, _ interview: InterviewRecord, actor: String) async throws -> InterviewRecord {
        try await requirePublished(c, logger, interview.questionnaire)
        if let existing = try await self.interview(c, logger, interview.questionnaire, interview.respondent) { return existing }
        let caseID = try await self.caseID(c, logger, interview.questionnaire, interview.respondent)
        try await c.query("""
            INSERT INTO interview (case_id, questionnaire, version, respondent, mode, interviewer, started_at, source)
            VALUES (\(caseID), \(interview.questionnaire), \(interview.version), \(interview.respondent), \(interview.mode), \(interview.interviewer),
                    \(interview.startedAt), \(interview.source))
            ON CONFLICT (questionnaire, respondent) DO NOTHING
            """, logger: logger)
        try await log(c, logger, actor: actor, action: "start_interview", details: "\(interview.questionnaire) \(interview.respondent)")
        return try await self.interview(c, logger, interview.questionnaire, interview.respondent)!
    }

    public func saveAnswer(_ answer: StoredAnswer?, variable: String, questionnaire: String, respondent: String) throws {
        try transaction { c, logger in
            let rows = try await c.query("""
                SELECT answers FROM interview WHERE questionnaire = \(questionnaire) AND respondent = \(respondent) AND ended_at IS NULL FOR UPDATE
                """, logger: logger).decode(String.self)
            guard let text = try await rows.first(where: { _ in true }) else {
                throw StoreError.noOpenInterview(questionnaire: questionnaire, respondent: respondent)
            }
            var answers = AnswerJSON.decode(text).filter { $0.variable != variable }
            if var answer {
                answer.variable = variable
                answers.append(answer)
            }
            try await c.query("UPDATE interview SET answers = \(AnswerJSON.encode(answers)) WHERE questionnaire = \(questionnaire) AND respondent = \(respondent)",
                              logger: logger)
        }
    }

    public func finishInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, attempt: ContactAttempt) throws {
        try transaction { c, logger in
            try await c.query("""
                UPDATE interview SET disposition = \(disposition), ended_at = \(endedAt) WHERE questionnaire = \(questionnaire) AND respondent = \(respondent)
                """, logger: logger)
            if let caseID = try await Self.caseID(c, logger, questionnaire, respondent) {
                try await Self.insertAttempt(c, logger, caseID: caseID, attempt)
                try await c.query("UPDATE sample_case SET disposition = \(disposition) WHERE id = \(caseID)", logger: logger)
            }
            try await Self.log(c, logger, actor: attempt.interviewer, action: "finish_interview", details: "\(questionnaire) \(respondent) \(disposition)")
        }
    }

    public func addAppointment(questionnaire: String, unit: String, at: String, interviewer: String) throws {
        try transaction { c, logger in
            guard let caseID = try await Self.caseID(c, logger, questionnaire, unit) else {
                throw StoreError.notInSample(questionnaire: questionnaire, unit: unit)
            }
            try await c.query("INSERT INTO appointment (case_id, at, interviewer) VALUES (\(caseID), \(at), \(interviewer))", logger: logger)
            try await Self.log(c, logger, actor: interviewer, action: "appointment", details: "\(questionnaire) \(unit) \(at)")
        }
    }

    public func close(questionnaire: String, unit: String, disposition: String, actor: String) throws {
        try transaction { c, logger in
            try await c.query("UPDATE sample_case SET disposition = \(disposition) WHERE questionnaire = \(questionnaire) AND unit = \(unit)", logger: logger)
            try await Self.log(c, logger, actor: actor, action: "close_case", details: "\(questionnaire) \(unit) \(disposition)")
        }
    }

    public func closeInterview(questionnaire: String, respondent: String, disposition: String, endedAt: String, actor: String) throws {
        try transaction { c, logger in
            try await Self.closeInterview(c, logger, questionnaire: questionnaire, respondent: respondent, disposition: disposition, endedAt: endedAt, actor: actor)
        }
    }

    static func closeInterview(_ c: PostgresConnection, _ logger: Logger, questionnaire: String, respondent: String, disposition: String,
                               endedAt: String, actor: String) async throws {
        try await c.query("""
            UPDATE interview SET disposition = \(disposition), ended_at = \(endedAt)
            WHERE questionnaire = \(questionnaire) AND respondent = \(respondent) AND ended_at IS NULL
            """, logger: logger)
        try await c.query("UPDATE sample_case SET disposition = \(disposition) WHERE questionnaire = \(questionnaire) AND unit = \(respondent)", logger: logger)
        try await log(c, logger, actor: actor, action: "close_interview", details: "\(questionnaire) \(respondent) \(disposition)")
    }

    public func claim(questionnaire: String, unit: String, interviewer: String, now: String, until: String) throws -> Bool {
        try transaction { c, logger in
            let rows = try await c.query("""
                UPDATE sample_case SET claimed_by = \(interviewer), claimed_until = \(until)
                WHERE questionnaire = \(questionnaire) AND unit = \(unit) AND (claimed_until IS NULL OR claimed_until < \(now) OR claimed_by = \(interviewer))
                RETURNING id
                """, logger: logger).decode(Int.self)
            return try await rows.first(where: { _ in true }) != nil
        }
    }

    public func release(questionnaire: String, unit: String, interviewer: String) throws {
        try transaction { c, logger in
            try await c.query("""
                UPDATE sample_case SET claimed_by = NULL, claimed_until = NULL
                WHERE questionnaire = \(questionnaire) AND unit = \(unit) AND claimed_by = \(interviewer)
                """, logger: logger)
        }
    }

    public func audit() throws -> [(at: String, actor: String, action: String, details: String)] {
        try transaction { c, logger in
            var result: [(String, String, String, String)] = []
            for try await row in try await c.query("SELECT at, actor, action, details FROM audit_log ORDER BY id", logger: logger).decode((String, String, String, String).self) {
                result.append(row)
            }
            return result.map { (at: $0.0, actor: $0.1, action: $0.2, details: $0.3) }
        }
    }

    // MARK: - WebStore

    public func webLinks(questionnaire: String, includeReserve: Bool, now: String, token: @escaping @Sendable () -> String) throws -> [(unit: String, token: String)] {
        try transaction { c, logger in
            try await Self.requirePublished(c, logger, questionnaire)
            var units: [String] = []
            for try await unit in try await c.query("""
                SELECT unit FROM sample_case WHERE questionnaire = \(questionnaire) AND (reserve = FALSE OR \(includeReserve)) ORDER BY draw_order, unit
                """, logger: logger).decode(String.self) { units.append(unit) }
            var result: [(String, String)] = []
            for unit in units {
                if let existing = try await c.query("SELECT token FROM web_link WHERE questionnaire = \(questionnaire) AND unit = \(unit)", logger: logger)
                    .decode(String.self).first(where: { _ in true }) {
                    result.append((unit, existing))
                    continue
                }
                let new = token()
                try await c.query("INSERT INTO web_link (token, questionnaire, unit, created_at) VALUES (\(new), \(questionnaire), \(unit), \(now))", logger: logger)
                result.append((unit, new))
            }
            return result.map { (unit: $0.0, token: $0.1) }
        }
    }

    public func webLink(token: String) throws -> (questionnaire: String, unit: String)? {
        try transaction { c, logger in
            try await c.query("SELECT questionnaire, unit FROM web_link WHERE token = \(token)", logger: logger)
                .decode((String, String).self).first { _ in true }.map { (questionnaire: $0.0, unit: $0.1) }
        }
    }

    public func saveWebUser(_ user: WebUser, actor: String) throws {
        try transaction { c, logger in
            try await c.query("""
                INSERT INTO web_user (code, role, salt, hash, iterations) VALUES (\(user.code), \(user.role), \(user.salt), \(user.hash), \(user.iterations))
                ON CONFLICT (code) DO UPDATE SET role = excluded.role, salt = excluded.salt, hash = excluded.hash,
                    iterations = excluded.iterations, failures = 0, locked_until = NULL
                """, logger: logger)
            try await Self.log(c, logger, actor: actor, action: "web_user", details: "\(user.code) \(user.role)")
        }
    }

    public func webUser(_ code: String) throws -> WebUser? {
        try transaction { c, logger in
            try await c.query("SELECT code, role, salt, hash, iterations, failures, locked_until FROM web_user WHERE code = \(code)", logger: logger)
                .decode((String, String, String, String, Int, Int, String?).self).first { _ in true }
                .map { WebUser(code: $0.0, role: $0.1, salt: $0.2, hash: $0.3, iterations: $0.4, failures: $0.5, lockedUntil: $0.6) }
        }
    }

    public func loginFailed(_ code: String, limit: Int, lockUntil: String) throws {
        try transaction { c, logger in
            try await c.query("""
                UPDATE web_user SET failures = failures + 1,
                    locked_until = CASE WHEN failures + 1 >= \(limit) THEN \(lockUntil) ELSE locked_until END WHERE code = \(code)
                """, logger: logger)
        }
    }

    public func openSession(_ token: String, code: String, expires: String) throws {
        try transaction { c, logger in
            try await c.query("UPDATE web_user SET failures = 0, locked_until = NULL WHERE code = \(code)", logger: logger)
            try await c.query("INSERT INTO web_session (token, code, expires_at) VALUES (\(token), \(code), \(expires))", logger: logger)
            try await Self.log(c, logger, actor: code, action: "web_login", details: code)
        }
    }

    public func session(_ token: String, now: String) throws -> WebUser? {
        try transaction { c, logger in
            try await c.query("""
                SELECT u.code, u.role, u.salt, u.hash, u.iterations FROM web_session s JOIN web_user u ON u.code = s.code
                WHERE s.token = \(token) AND s.expires_at > \(now)
                """, logger: logger).decode((String, String, String, String, Int).self).first { _ in true }
                .map { WebUser(code: $0.0, role: $0.1, salt: $0.2, hash: $0.3, iterations: $0.4) }
        }
    }

    public func closeSession(_ token: String) throws {
        try transaction { c, logger in try await c.query("DELETE FROM web_session WHERE token = \(token)", logger: logger) }
    }

    public func savePage(_ interview: InterviewRecord, answers: [StoredAnswer], closing: InterviewClosing?, actor: String) throws {
        try transaction { c, logger in
            _ = try await Self.startInterview(c, logger, interview, actor: actor)
            let questionnaire = interview.questionnaire, respondent = interview.respondent
            let changed = try await c.query("""
                UPDATE interview SET answers = \(AnswerJSON.encode(answers))
                WHERE questionnaire = \(questionnaire) AND respondent = \(respondent) AND ended_at IS NULL RETURNING id
                """, logger: logger).decode(Int.self).first { _ in true }
            guard changed != nil else { throw StoreError.noOpenInterview(questionnaire: questionnaire, respondent: respondent) }
            if let closing {
                try await Self.closeInterview(c, logger, questionnaire: questionnaire, respondent: respondent, disposition: closing.disposition,
                                              endedAt: closing.endedAt, actor: actor)
                try await c.query("UPDATE sample_case SET claimed_by = NULL, claimed_until = NULL WHERE questionnaire = \(questionnaire) AND unit = \(respondent)",
                                  logger: logger)
            }
        }
    }

    // MARK: - Helpers

    static func log(_ c: PostgresConnection, _ logger: Logger, actor: String, action: String, details: String) async throws {
        try await c.query("INSERT INTO audit_log (at, actor, action, details) VALUES (\(Clock.system.timestamp), \(actor), \(action), \(details))", logger: logger)
    }

    static func caseID(_ c: PostgresConnection, _ logger: Logger, _ questionnaire: String, _ unit: String) async throws -> Int? {
        try await c.query("SELECT id FROM sample_case WHERE questionnaire = \(questionnaire) AND unit = \(unit)", logger: logger)
            .decode(Int.self).first { _ in true }
    }

    /// Inserts an attempt; a pending appointment of the case is kept by it.
    static func insertAttempt(_ c: PostgresConnection, _ logger: Logger, caseID: Int, _ attempt: ContactAttempt) async throws {
        let id = try await c.query("""
            INSERT INTO contact_attempt (case_id, interviewer, started_at, ended_at, disposition, notes)
            VALUES (\(caseID), \(attempt.interviewer), \(attempt.startedAt), \(attempt.endedAt), \(attempt.disposition), \(attempt.notes)) RETURNING id
            """, logger: logger).decode(Int.self).first { _ in true }
        try await c.query("UPDATE appointment SET kept_attempt_id = \(id) WHERE case_id = \(caseID) AND kept_attempt_id IS NULL", logger: logger)
    }

    static func interview(_ c: PostgresConnection, _ logger: Logger, _ questionnaire: String, _ respondent: String) async throws -> InterviewRecord? {
        try await interviews(c, logger, questionnaire, respondent: respondent).first?.interview
    }

    /// The interviews of a questionnaire in the order they were stored (or the one of `respondent`).
    static func interviews(_ c: PostgresConnection, _ logger: Logger, _ questionnaire: String, respondent: String? = nil) async throws -> [InterviewRow] {
        var result: [InterviewRow] = []
        for try await (q, v, r, mode, interviewer, started, ended, disposition, source, answers) in try await c.query("""
            SELECT questionnaire, version, respondent, mode, interviewer, started_at, ended_at, disposition, source, answers
            FROM interview WHERE questionnaire = \(questionnaire) AND (\(respondent)::TEXT IS NULL OR respondent = \(respondent)) ORDER BY id
            """, logger: logger).decode((String, String, String, String, String?, String, String?, String?, String, String).self) {
            result.append(InterviewRow(record: InterviewRecord(questionnaire: q, version: v, respondent: r, mode: mode, interviewer: interviewer, startedAt: started,
                                                               endedAt: ended, disposition: disposition, source: source, answers: []),
                                       answers: Array(answers.utf8)))
        }
        return result
    }

    static func requirePublished(_ c: PostgresConnection, _ logger: Logger, _ questionnaire: String) async throws {
        let published = try await c.query("SELECT EXISTS (SELECT 1 FROM questionnaire_version WHERE questionnaire = \(questionnaire))", logger: logger)
            .decode(Bool.self).first { _ in true } ?? false
        guard !published else { return }
        var known: [String] = []
        for try await q in try await c.query("SELECT DISTINCT questionnaire FROM questionnaire_version", logger: logger).decode(String.self) { known.append(q) }
        throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: known))
    }
}
