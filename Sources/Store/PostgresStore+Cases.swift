import Foundation
import PostgresNIO

/// PQRSL cases on PostgreSQL: the same tables, checks and history as ``SQLiteStore``'s.
extension PostgresStore: CaseStore {
    static let caseMigration: (String, [String]) = ("pqrsl", [
        """
        CREATE TABLE pqrs_case (radicado TEXT PRIMARY KEY, channel TEXT NOT NULL, type TEXT NOT NULL, service TEXT NOT NULL, attribute TEXT,
            ssf_type TEXT, subsidy BOOLEAN NOT NULL, from_ssf BOOLEAN NOT NULL, text TEXT NOT NULL, petitioner TEXT, received TEXT NOT NULL,
            deposited TEXT, effective_receipt TEXT NOT NULL, term_days BIGINT NOT NULL, term_source TEXT NOT NULL, deadline TEXT NOT NULL,
            original_deadline TEXT NOT NULL, maximum_extension TEXT NOT NULL, deadline_version BIGINT NOT NULL, calendar_version TEXT NOT NULL,
            owner TEXT NOT NULL, state TEXT NOT NULL, suspended_on TEXT, extended BOOLEAN NOT NULL DEFAULT FALSE, response_date TEXT,
            response_channel TEXT, ssf_certificate TEXT, verification TEXT NOT NULL, satisfied BOOLEAN, closed_on TEXT, opened_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE pqrs_event (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, radicado TEXT NOT NULL REFERENCES pqrs_case(radicado),
            at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, details TEXT NOT NULL)
        """,
        "CREATE TRIGGER pqrs_event_append_only BEFORE UPDATE OR DELETE ON pqrs_event FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
        """
        CREATE TABLE pqrs_reminder (radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), deadline_version BIGINT NOT NULL, sent_on TEXT NOT NULL,
            PRIMARY KEY (radicado, deadline_version))
        """,
        """
        CREATE TABLE pqrs_verification_attempt (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, radicado TEXT NOT NULL REFERENCES pqrs_case(radicado),
            on_date TEXT NOT NULL, outcome TEXT NOT NULL, satisfied BOOLEAN, notes TEXT, actor TEXT NOT NULL, UNIQUE (radicado, on_date))
        """,
        """
        CREATE TABLE pqrs_sample (month TEXT PRIMARY KEY, seed BIGINT NOT NULL, algorithm TEXT NOT NULL, population BIGINT NOT NULL,
            population_sha256 TEXT NOT NULL, selected TEXT NOT NULL, drawn_at TEXT NOT NULL)
        """,
    ])

    static let caseColumns = ["radicado", "channel", "type", "service", "attribute", "ssf_type", "subsidy", "from_ssf", "text", "petitioner",
                              "received", "deposited", "effective_receipt", "term_days", "term_source", "deadline", "original_deadline",
                              "maximum_extension", "deadline_version", "calendar_version", "owner", "state", "suspended_on", "extended",
                              "response_date", "response_channel", "ssf_certificate", "verification", "satisfied", "closed_on", "opened_at"]

    static func bind(_ r: PQRSCaseRecord, into b: inout PostgresBindings, skipRadicado: Bool = false) {
        if !skipRadicado { b.append(r.radicado) }
        b.append(r.channel); b.append(r.type); b.append(r.service); b.append(r.attribute); b.append(r.ssfType)
        b.append(r.subsidy); b.append(r.fromSSF); b.append(r.text); b.append(r.petitioner); b.append(r.received)
        b.append(r.deposited); b.append(r.effectiveReceipt); b.append(r.termDays); b.append(r.termSource); b.append(r.deadline)
        b.append(r.originalDeadline); b.append(r.maximumExtension); b.append(r.deadlineVersion); b.append(r.calendarVersion)
        b.append(r.owner); b.append(r.state); b.append(r.suspendedOn); b.append(r.extended); b.append(r.responseDate)
        b.append(r.responseChannel); b.append(r.ssfCertificate); b.append(r.verification); b.append(r.satisfied)
        b.append(r.closedOn); b.append(r.openedAt)
    }

    static func insertCase(_ c: PostgresConnection, _ logger: Logger, _ r: PQRSCaseRecord) async throws {
        var binds = PostgresBindings()
        bind(r, into: &binds)
        let placeholders = (1...caseColumns.count).map { "$\($0)" }.joined(separator: ", ")
        try await c.query(PostgresQuery(unsafeSQL: "INSERT INTO pqrs_case (\(caseColumns.joined(separator: ", "))) VALUES (\(placeholders))", binds: binds), logger: logger)
    }

    static func updateCase(_ c: PostgresConnection, _ logger: Logger, _ r: PQRSCaseRecord, expected: PQRSCaseRecord) async throws {
        var binds = PostgresBindings()
        bind(r, into: &binds, skipRadicado: true)
        let n = caseColumns.count - 1
        binds.append(expected.radicado); binds.append(expected.state); binds.append(expected.deadlineVersion); binds.append(expected.verification)
        let assignments = caseColumns.dropFirst().enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        let sql = "UPDATE pqrs_case SET \(assignments) WHERE radicado = $\(n + 1) AND state = $\(n + 2) AND deadline_version = $\(n + 3) AND verification = $\(n + 4) RETURNING radicado"
        let changed = try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(String.self).first { _ in true }
        guard changed != nil else { throw StoreError.caseChanged(radicado: expected.radicado) }
    }

    static func append(_ c: PostgresConnection, _ logger: Logger, _ e: PQRSEvent) async throws {
        try await c.query("""
            INSERT INTO pqrs_event (radicado, at, actor, action, from_state, to_state, details)
            VALUES (\(e.radicado), \(e.at), \(e.actor), \(e.action), \(e.from), \(e.to), \(e.details))
            """, logger: logger)
    }

    static func cases(_ c: PostgresConnection, _ logger: Logger, where condition: String, _ value: String?) async throws -> [PQRSCaseRecord] {
        var binds = PostgresBindings()
        if let value { binds.append(value) }
        let rows = try await c.query(PostgresQuery(unsafeSQL: "SELECT \(caseColumns.joined(separator: ", ")) FROM pqrs_case \(condition) ORDER BY radicado", binds: binds),
                                     logger: logger)
        var result: [PQRSCaseRecord] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            func text(_ i: Int) throws -> String { try cells[i].decode(String.self) }
            func optional(_ i: Int) throws -> String? { try cells[i].decode(String?.self) }
            func flag(_ i: Int) throws -> Bool { try cells[i].decode(Bool.self) }
            func integer(_ i: Int) throws -> Int { try cells[i].decode(Int.self) }
            result.append(PQRSCaseRecord(
                radicado: try text(0), channel: try text(1), type: try text(2), service: try text(3), attribute: try optional(4), ssfType: try optional(5),
                subsidy: try flag(6), fromSSF: try flag(7), text: try text(8), petitioner: try optional(9), received: try text(10), deposited: try optional(11),
                effectiveReceipt: try text(12), termDays: try integer(13), termSource: try text(14), deadline: try text(15), originalDeadline: try text(16),
                maximumExtension: try text(17), deadlineVersion: try integer(18), calendarVersion: try text(19), owner: try text(20), state: try text(21),
                suspendedOn: try optional(22), extended: try flag(23), responseDate: try optional(24), responseChannel: try optional(25),
                ssfCertificate: try optional(26), verification: try text(27), satisfied: try cells[28].decode(Bool?.self), closedOn: try optional(29),
                openedAt: try text(30)))
        }
        return result
    }

    public func openCase(_ record: PQRSCaseRecord, year: Int, event: PQRSEvent) throws -> String {
        try transaction { c, logger in
            try await c.query("SELECT pg_advisory_xact_lock(4243)", logger: logger)
            let prefix = "CONFA-\(year)-"
            let last = try await c.query("SELECT MAX(radicado) FROM pqrs_case WHERE radicado LIKE \(prefix + "%")", logger: logger)
                .decode(String?.self).first { _ in true } ?? nil
            var stored = record
            stored.radicado = prefix + String(format: "%06d", (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1)
            try await Self.insertCase(c, logger, stored)
            var first = event
            first.radicado = stored.radicado
            try await Self.append(c, logger, first)
            return stored.radicado
        }
    }

    public func updateCase(_ record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent, attempt: VerificationAttemptRecord?) throws {
        try transaction { c, logger in
            try await Self.updateCase(c, logger, record, expected: expected)
            if let a = attempt {
                try await c.query("""
                    INSERT INTO pqrs_verification_attempt (radicado, on_date, outcome, satisfied, notes, actor)
                    VALUES (\(a.radicado), \(a.onDate), \(a.outcome), \(a.satisfied), \(a.notes), \(a.actor))
                    """, logger: logger)
            }
            try await Self.append(c, logger, event)
        }
    }

    public func saveSample(_ sample: VerificationSampleRecord, changes: [(record: PQRSCaseRecord, expected: PQRSCaseRecord, event: PQRSEvent)]) throws {
        try transaction { c, logger in
            try await c.query("""
                INSERT INTO pqrs_sample (month, seed, algorithm, population, population_sha256, selected, drawn_at)
                VALUES (\(sample.month), \(Int64(bitPattern: sample.seed)), \(sample.algorithm), \(sample.population), \(sample.populationSHA256),
                        \(sample.selected.joined(separator: "\n")), \(sample.drawnAt))
                """, logger: logger)
            for change in changes {
                try await Self.updateCase(c, logger, change.record, expected: change.expected)
                try await Self.append(c, logger, change.event)
            }
        }
    }

    public func importCases(_ records: [(record: PQRSCaseRecord, events: [PQRSEvent])]) throws -> (added: Int, unchanged: Int) {
        try transaction { c, logger in
            var added = 0, unchanged = 0
            for (record, events) in records {
                if var existing = try await Self.cases(c, logger, where: "WHERE radicado = $1", record.radicado).first {
                    existing.openedAt = record.openedAt
                    guard existing == record else { throw StoreError.duplicateCase(radicado: record.radicado) }
                    unchanged += 1
                    continue
                }
                try await Self.insertCase(c, logger, record)
                for event in events { try await Self.append(c, logger, event) }
                added += 1
            }
            return (added, unchanged)
        }
    }

    public func recordReminder(radicado: String, deadlineVersion: Int, on day: String) throws -> Bool {
        try transaction { c, logger in
            try await c.query("""
                INSERT INTO pqrs_reminder (radicado, deadline_version, sent_on) VALUES (\(radicado), \(deadlineVersion), \(day))
                ON CONFLICT DO NOTHING RETURNING radicado
                """, logger: logger).decode(String.self).first { _ in true } != nil
        }
    }

    public func reminders() throws -> [(radicado: String, version: Int, on: String)] {
        try transaction { c, logger in
            var result: [(radicado: String, version: Int, on: String)] = []
            for try await (r, v, d) in try await c.query("SELECT radicado, deadline_version, sent_on FROM pqrs_reminder ORDER BY sent_on, radicado",
                                                         logger: logger).decode((String, Int, String).self) {
                result.append((radicado: r, version: v, on: d))
            }
            return result
        }
    }

    public func pqrsCase(_ radicado: String) throws -> PQRSCaseRecord? {
        try transaction { c, logger in try await Self.cases(c, logger, where: "WHERE radicado = $1", radicado).first }
    }

    public func pqrsCases() throws -> [PQRSCaseRecord] {
        try transaction { c, logger in try await Self.cases(c, logger, where: "", nil) }
    }

    public func history(of radicado: String) throws -> [PQRSEvent] {
        try transaction { c, logger in
            var result: [PQRSEvent] = []
            for try await (r, at, actor, action, from, to, details) in try await c.query("""
                SELECT radicado, at, actor, action, from_state, to_state, details FROM pqrs_event WHERE radicado = \(radicado) ORDER BY id
                """, logger: logger).decode((String, String, String, String, String?, String, String).self) {
                result.append(PQRSEvent(radicado: r, at: at, actor: actor, action: action, from: from, to: to, details: details))
            }
            return result
        }
    }

    public func verificationAttempts(of radicado: String) throws -> [VerificationAttemptRecord] {
        try transaction { c, logger in
            var result: [VerificationAttemptRecord] = []
            for try await (r, day, outcome, satisfied, notes, actor) in try await c.query("""
                SELECT radicado, on_date, outcome, satisfied, notes, actor FROM pqrs_verification_attempt WHERE radicado = \(radicado) ORDER BY on_date
                """, logger: logger).decode((String, String, String, Bool?, String?, String).self) {
                result.append(VerificationAttemptRecord(radicado: r, onDate: day, outcome: outcome, satisfied: satisfied, notes: notes, actor: actor))
            }
            return result
        }
    }

    public func sample(month: String) throws -> VerificationSampleRecord? {
        try transaction { c, logger in
            try await c.query("""
                SELECT month, seed, algorithm, population, population_sha256, selected, drawn_at FROM pqrs_sample WHERE month = \(month)
                """, logger: logger).decode((String, Int64, String, Int, String, String, String).self).first { _ in true }.map {
                VerificationSampleRecord(month: $0.0, seed: UInt64(bitPattern: $0.1), algorithm: $0.2, population: $0.3, populationSHA256: $0.4,
                                         selected: $0.5.split(separator: "\n").map(String.init), drawnAt: $0.6)
            }
        }
    }
}
