/// The tables of the store and how they came to be, once for SQLite and PostgreSQL. A migration is
/// never edited once released: a change is a new migration, so that a store written by an older
/// Sondeo opens in a newer one. Which migrations a store has run is kept in `sondeo_migration`; a
/// name this Sondeo does not know means a newer Sondeo wrote the store, which is then not touched.
enum Migrations {
    enum Step: Sendable {
        /// A statement for both databases, in ``SQLDialect/ddl(_:)``'s tokens.
        case both(String)
        case sqlite(String)
        case postgres(String)
        /// Work on the data (moving answers into the interview row).
        case data(@Sendable (any SQLTransaction) throws -> Void)
    }

    static let all: [(name: String, steps: [Step])] = [
        ("v1", [
            .both("""
                CREATE TABLE questionnaire_version (id {id}, questionnaire TEXT NOT NULL, version TEXT NOT NULL, sha256 TEXT NOT NULL,
                    source TEXT NOT NULL, published_at TEXT NOT NULL, UNIQUE (questionnaire, version))
                """),
            // A case: one sampled unit for one questionnaire, with its current disposition.
            .both("""
                CREATE TABLE sample_case (id {id}, questionnaire TEXT NOT NULL, unit TEXT NOT NULL, stratum TEXT, weight {real},
                    stratum_size {real}, reserve {bool} NOT NULL DEFAULT {false}, draw_order {int}, contact TEXT NOT NULL DEFAULT '{}',
                    disposition TEXT, UNIQUE (questionnaire, unit))
                """),
            .both("""
                CREATE TABLE contact_attempt (id {id}, case_id {int} NOT NULL REFERENCES sample_case(id), interviewer TEXT NOT NULL,
                    started_at TEXT NOT NULL, ended_at TEXT NOT NULL, disposition TEXT NOT NULL, notes TEXT)
                """),
            .both("CREATE INDEX contact_attempt_case ON contact_attempt(case_id)"),
            .both("""
                CREATE TABLE appointment (id {id}, case_id {int} NOT NULL REFERENCES sample_case(id), at TEXT NOT NULL, interviewer TEXT,
                    kept_attempt_id {int} REFERENCES contact_attempt(id))
                """),
            .both("""
                CREATE TABLE interview (id {id}, case_id {int} REFERENCES sample_case(id), questionnaire TEXT NOT NULL, version TEXT NOT NULL,
                    respondent TEXT NOT NULL, mode TEXT NOT NULL, interviewer TEXT, started_at TEXT NOT NULL, ended_at TEXT, disposition TEXT,
                    source TEXT NOT NULL, UNIQUE (questionnaire, respondent),
                    FOREIGN KEY (questionnaire, version) REFERENCES questionnaire_version(questionnaire, version))
                """),
            // One answer per row (until v4): a number or a text (status 'answered'), or a special code by name.
            .both("""
                CREATE TABLE answer (interview_id {int} NOT NULL REFERENCES interview(id), variable TEXT NOT NULL, status TEXT NOT NULL,
                    number {real}, text TEXT, PRIMARY KEY (interview_id, variable))
                """),
            // Append-only: triggers refuse to change or remove what was logged.
            .both("CREATE TABLE audit_log (id {id}, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, details TEXT NOT NULL)"),
            .sqlite("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'el registro de auditoría no se puede modificar'); END"),
            .sqlite("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'el registro de auditoría no se puede borrar'); END"),
            .postgres("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'el registro de auditoría no se puede modificar ni borrar'; END $$
                """),
            .postgres("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
        ]),
        // Who is working a case right now, so that two encuestadores never call the same affiliate.
        ("v2: case claims", [
            .both("ALTER TABLE sample_case ADD COLUMN claimed_by TEXT"),
            .both("ALTER TABLE sample_case ADD COLUMN claimed_until TEXT"),
        ]),
        // Peticiones, quejas, reclamos, sugerencias y felicitaciones (procedure steps 1–33): the case as it is
        // now, its history (append-only), the reminders sent (one per deadline version), the verification
        // calls and the monthly verification samples.
        ("v3: PQRSL cases", [
            .both("""
                CREATE TABLE pqrs_case (radicado TEXT PRIMARY KEY, channel TEXT NOT NULL, type TEXT NOT NULL, service TEXT NOT NULL,
                    attribute TEXT, ssf_type TEXT, subsidy {bool} NOT NULL, from_ssf {bool} NOT NULL, text TEXT NOT NULL, petitioner TEXT,
                    received TEXT NOT NULL, deposited TEXT, effective_receipt TEXT NOT NULL, term_days {int} NOT NULL, term_source TEXT NOT NULL,
                    deadline TEXT NOT NULL, original_deadline TEXT NOT NULL, maximum_extension TEXT NOT NULL, deadline_version {int} NOT NULL,
                    calendar_version TEXT NOT NULL, owner TEXT NOT NULL, state TEXT NOT NULL, suspended_on TEXT,
                    extended {bool} NOT NULL DEFAULT {false}, response_date TEXT, response_channel TEXT, ssf_certificate TEXT,
                    verification TEXT NOT NULL, satisfied {bool}, closed_on TEXT, opened_at TEXT NOT NULL)
                """),
            .both("CREATE INDEX pqrs_case_received ON pqrs_case(received)"),
            .both("""
                CREATE TABLE pqrs_event (id {id}, radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), at TEXT NOT NULL, actor TEXT NOT NULL,
                    action TEXT NOT NULL, from_state TEXT, to_state TEXT NOT NULL, details TEXT NOT NULL)
                """),
            .both("CREATE INDEX pqrs_event_case ON pqrs_event(radicado)"),
            .sqlite("CREATE TRIGGER pqrs_event_no_update BEFORE UPDATE ON pqrs_event BEGIN SELECT RAISE(ABORT, 'la historia de un caso no se puede modificar'); END"),
            .sqlite("CREATE TRIGGER pqrs_event_no_delete BEFORE DELETE ON pqrs_event BEGIN SELECT RAISE(ABORT, 'la historia de un caso no se puede borrar'); END"),
            .postgres("CREATE TRIGGER pqrs_event_append_only BEFORE UPDATE OR DELETE ON pqrs_event FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
            .both("""
                CREATE TABLE pqrs_reminder (radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), deadline_version {int} NOT NULL,
                    sent_on TEXT NOT NULL, PRIMARY KEY (radicado, deadline_version))
                """),
            .both("""
                CREATE TABLE pqrs_verification_attempt (id {id}, radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), on_date TEXT NOT NULL,
                    outcome TEXT NOT NULL, satisfied {bool}, notes TEXT, actor TEXT NOT NULL, UNIQUE (radicado, on_date))
                """),
            .both("""
                CREATE TABLE pqrs_sample (month TEXT PRIMARY KEY, seed {int} NOT NULL, algorithm TEXT NOT NULL, population {int} NOT NULL,
                    population_sha256 TEXT NOT NULL, selected TEXT NOT NULL, drawn_at TEXT NOT NULL)
                """),
        ]),
        // One JSON object per interview (AnswerJSON) instead of one row per answer: ten times fewer rows.
        ("v4: answers in the interview row", [
            .both("ALTER TABLE interview ADD COLUMN answers TEXT NOT NULL DEFAULT '{}'"),
            .data { tx in
                var byInterview: [Int64: [StoredAnswer]] = [:]
                try tx.each("SELECT interview_id, variable, status, number, text FROM answer", []) { row in
                    byInterview[row.integer(0)!, default: []].append(StoredAnswer(variable: row.text(1)!, status: row.text(2)!, number: row.real(3),
                                                                                  text: row.text(4)))
                }
                for (id, answers) in byInterview { try tx.execute("UPDATE interview SET answers = ? WHERE id = ?", [AnswerJSON.encode(answers), id]) }
            },
            .both("DROP TABLE answer"),
        ]),
        // A personal link per sampled affiliate for the self-administered web survey: an unguessable token
        // (128 random bits) that opens that affiliate's interview and nobody else's.
        ("v5: web links", [
            .both("CREATE TABLE web_link (token TEXT PRIMARY KEY, questionnaire TEXT NOT NULL, unit TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (questionnaire, unit))"),
        ]),
        // Encuestadores and supervisors of the web form: the password only as PBKDF2-HMAC-SHA256 with its salt;
        // failed logins counted to lock an account for a while; sessions by an unguessable token.
        ("v6: web users", [
            .both("""
                CREATE TABLE web_user (code TEXT PRIMARY KEY, role TEXT NOT NULL, salt TEXT NOT NULL, hash TEXT NOT NULL, iterations {int} NOT NULL,
                    failures {int} NOT NULL DEFAULT 0, locked_until TEXT)
                """),
            .both("CREATE TABLE web_session (token TEXT PRIMARY KEY, code TEXT NOT NULL REFERENCES web_user(code), expires_at TEXT NOT NULL)"),
        ]),
        // The staff member's name, for the interview script (`{_encuestador}`).
        ("v7: staff names", [
            .both("ALTER TABLE web_user ADD COLUMN name TEXT"),
        ]),
        // A supervisor's assignment of cases to an interviewer, and the completes wanted per stratum.
        ("v8: assignments and quotas", [
            .both("ALTER TABLE sample_case ADD COLUMN assigned_to TEXT"),
            .both("CREATE TABLE stratum_quota (questionnaire TEXT NOT NULL, stratum TEXT NOT NULL, target {int} NOT NULL, PRIMARY KEY (questionnaire, stratum))"),
        ]),
        // Invitations and reminders sent (or failed) per case, and when each personal link was first opened.
        ("v9: invitations", [
            .both("""
                CREATE TABLE invitation (id {id}, questionnaire TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL, address TEXT NOT NULL,
                    at TEXT NOT NULL, status TEXT NOT NULL, detail TEXT)
                """),
            .both("CREATE INDEX invitation_case ON invitation(questionnaire, unit)"),
            .both("ALTER TABLE web_link ADD COLUMN opened_at TEXT"),
        ]),
        // The web form's secret key (for the CSRF tokens), kept so that pages survive a restart.
        ("v10: web secret", [
            .both("CREATE TABLE web_setting (name TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        ]),
        // E-mails about PQRSL cases (acknowledgements, assignments, compliments, reminders), sent or failed.
        ("v11: case notices", [
            .both("""
                CREATE TABLE pqrs_notice (id {id}, radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), notice TEXT NOT NULL,
                    address TEXT NOT NULL, at TEXT NOT NULL, status TEXT NOT NULL, detail TEXT)
                """),
            .both("CREATE INDEX pqrs_notice_key ON pqrs_notice(notice)"),
        ]),
        // Documents kept with a case (base64 text, the same in both databases), internal requests to services,
        // and the time of each verification call.
        ("v12: case attachments and requests", [
            .both("""
                CREATE TABLE pqrs_attachment (radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), sha256 TEXT NOT NULL, kind TEXT NOT NULL,
                    name TEXT NOT NULL, size {int} NOT NULL, content TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, PRIMARY KEY (radicado, sha256))
                """),
            .both("""
                CREATE TABLE pqrs_request (radicado TEXT NOT NULL REFERENCES pqrs_case(radicado), id {int} NOT NULL, owner TEXT NOT NULL, what TEXT NOT NULL,
                    asked_on TEXT NOT NULL, due_on TEXT NOT NULL, answered_on TEXT, PRIMARY KEY (radicado, id))
                """),
            .both("ALTER TABLE pqrs_verification_attempt ADD COLUMN at_time TEXT"),
        ]),
        // Step 30: the verification call routed to an aprendiz.
        ("v13: case verifier", [
            .both("ALTER TABLE pqrs_case ADD COLUMN verifier TEXT"),
        ]),
        // The day each step happened and the deadline after it: the report «as of» an earlier day.
        ("v14: event day and deadline", [
            .both("ALTER TABLE pqrs_event ADD COLUMN on_date TEXT"),
            .both("ALTER TABLE pqrs_event ADD COLUMN deadline TEXT"),
        ]),
        // A notice being sent, held by whoever sends it (a desk server, `cases notify`), so that two at
        // once do not send it twice.
        ("v15: notice claims", [
            .both("CREATE TABLE pqrs_notice_claim (notice TEXT NOT NULL, address TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (notice, address))"),
        ]),
    ]

    /// The names an earlier Sondeo recorded for PostgreSQL stores, for the migrations they stand for.
    static let earlierPostgresNames: [String: [String]] = [
        "v1": ["v1", "v2: case claims", "v4: answers in the interview row"],
        "web": ["v5: web links", "v6: web users"],
        "pqrsl": ["v3: PQRSL cases"],
    ]

    /// Brings the store's tables up to date, in one transaction (concurrent openers wait for it).
    static func migrate(_ database: any SQLDatabase) throws {
        try database.write { tx in
            try tx.serialize(4242)
            try tx.execute("CREATE TABLE IF NOT EXISTS sondeo_migration (name TEXT PRIMARY KEY)")
            let recorded = Set(try tx.texts("SELECT name FROM sondeo_migration"))
            var done = try earlierNames(tx, recorded: recorded)
            let known = Set(all.map(\.name))
            guard done.isSubset(of: known) else {
                throw StoreError.cannotOpen(path: database.location, reason: .newerSondeo)
            }
            for (name, steps) in all where !done.contains(name) {
                for step in steps {
                    switch step {
                    case .both(let sql): try tx.execute(tx.dialect.ddl(sql))
                    case .sqlite(let sql): if tx.dialect == .sqlite { try tx.execute(sql) }
                    case .postgres(let sql): if tx.dialect == .postgres { try tx.execute(sql) }
                    case .data(let work): try work(tx)
                    }
                }
                done.insert(name)
            }
            for name in all.map(\.name) where !recorded.contains(name) { try tx.execute("INSERT INTO sondeo_migration (name) VALUES (?)", [name]) }
            for name in recorded where !known.contains(name) { try tx.execute("DELETE FROM sondeo_migration WHERE name = ?", [name]) }
        }
    }

    /// The migrations a store has run, also under the names an earlier Sondeo gave them: GRDB's
    /// `grdb_migrations` in a SQLite store (the same names), and PostgreSQL's three names.
    private static func earlierNames(_ tx: any SQLTransaction, recorded: Set<String>) throws -> Set<String> {
        guard recorded.isEmpty || tx.dialect == .postgres else { return recorded }
        switch tx.dialect {
        case .sqlite:
            let grdb = try tx.integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") ?? 0
            return grdb > 0 ? Set(try tx.texts("SELECT identifier FROM grdb_migrations")) : []
        case .postgres:
            // This Sondeo records every name in the transaction that runs them; "v1" without "v2: case claims"
            // is an earlier Sondeo's, which made the claims and the answers column with it.
            var done = recorded.subtracting(["web", "pqrsl"])
            for (earlier, meaning) in earlierPostgresNames where recorded.contains(earlier) {
                if earlier == "v1" && recorded.contains("v2: case claims") { continue }
                done.formUnion(meaning)
            }
            return done
        }
    }
}
