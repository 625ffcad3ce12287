import GRDB

/// The tables of the store and their migrations. A migration is never edited once released: a
/// change is a new migration, so that a store written by an older Sondeo opens in a newer one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE questionnaire_version (
                    id INTEGER PRIMARY KEY,
                    questionnaire TEXT NOT NULL,
                    version TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    source TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    UNIQUE (questionnaire, version)
                );
                -- A case: one sampled unit for one questionnaire, with its current disposition.
                CREATE TABLE sample_case (
                    id INTEGER PRIMARY KEY,
                    questionnaire TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    stratum TEXT,
                    weight REAL,
                    stratum_size REAL,
                    reserve INTEGER NOT NULL DEFAULT 0,
                    draw_order INTEGER,
                    contact TEXT NOT NULL DEFAULT '{}',
                    disposition TEXT,
                    UNIQUE (questionnaire, unit)
                );
                CREATE TABLE contact_attempt (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES sample_case(id),
                    interviewer TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    ended_at TEXT NOT NULL,
                    disposition TEXT NOT NULL,
                    notes TEXT
                );
                CREATE INDEX contact_attempt_case ON contact_attempt(case_id);
                CREATE TABLE appointment (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES sample_case(id),
                    at TEXT NOT NULL,
                    interviewer TEXT,
                    kept_attempt_id INTEGER REFERENCES contact_attempt(id)
                );
                CREATE TABLE interview (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER REFERENCES sample_case(id),
                    questionnaire TEXT NOT NULL,
                    version TEXT NOT NULL,
                    respondent TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    interviewer TEXT,
                    started_at TEXT NOT NULL,
                    ended_at TEXT,
                    disposition TEXT,
                    source TEXT NOT NULL,
                    UNIQUE (questionnaire, respondent),
                    FOREIGN KEY (questionnaire, version) REFERENCES questionnaire_version(questionnaire, version)
                );
                -- One answer: a number or a text (status 'answered'), or a special code by name ('NS', 'NR').
                -- Questions that did not apply have no row.
                CREATE TABLE answer (
                    interview_id INTEGER NOT NULL REFERENCES interview(id),
                    variable TEXT NOT NULL,
                    status TEXT NOT NULL,
                    number REAL,
                    text TEXT,
                    PRIMARY KEY (interview_id, variable)
                ) WITHOUT ROWID;
                -- Append-only: triggers refuse to change or remove what was logged.
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    details TEXT NOT NULL
                );
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'el registro de auditoría no se puede modificar'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'el registro de auditoría no se puede borrar'); END;
                """)
        }
        migrator.registerMigration("v2: case claims") { db in
            // Who is working a case right now, so that two encuestadores never call the same affiliate.
            try db.execute(sql: """
                ALTER TABLE sample_case ADD COLUMN claimed_by TEXT;
                ALTER TABLE sample_case ADD COLUMN claimed_until TEXT;
                """)
        }
        migrator.registerMigration("v3: PQRSL cases") { db in
            // Peticiones, quejas, reclamos, sugerencias y felicitaciones (procedure steps 1–33): the case as it is
            // now, its history (append-only), the reminders sent (one per deadline version), the verification
            // calls and the monthly verification samples.
            try db.execute(sql: """
                CREATE TABLE pqrs_case (
                    radicado TEXT PRIMARY KEY,
                    channel TEXT NOT NULL,
                    type TEXT NOT NULL,
                    service TEXT NOT NULL,
                    attribute TEXT,
                    ssf_type TEXT,
                    subsidy INTEGER NOT NULL,
                    from_ssf INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    petitioner TEXT,
                    received TEXT NOT NULL,
                    deposited TEXT,
                    effective_receipt TEXT NOT NULL,
                    term_days INTEGER NOT NULL,
                    term_source TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    original_deadline TEXT NOT NULL,
                    maximum_extension TEXT NOT NULL,
                    deadline_version INTEGER NOT NULL,
                    calendar_version TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    state TEXT NOT NULL,
                    suspended_on TEXT,
                    extended INTEGER NOT NULL DEFAULT 0,
                    response_date TEXT,
                    response_channel TEXT,
                    ssf_certificate TEXT,
                    verification TEXT NOT NULL,
                    satisfied INTEGER,
                    closed_on TEXT,
                    opened_at TEXT NOT NULL
                );
                CREATE INDEX pqrs_case_received ON pqrs_case(received);
                CREATE TABLE pqrs_event (
                    id INTEGER PRIMARY KEY,
                    radicado TEXT NOT NULL REFERENCES pqrs_case(radicado),
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    details TEXT NOT NULL
                );
                CREATE INDEX pqrs_event_case ON pqrs_event(radicado);
                CREATE TRIGGER pqrs_event_no_update BEFORE UPDATE ON pqrs_event
                    BEGIN SELECT RAISE(ABORT, 'la historia de un caso no se puede modificar'); END;
                CREATE TRIGGER pqrs_event_no_delete BEFORE DELETE ON pqrs_event
                    BEGIN SELECT RAISE(ABORT, 'la historia de un caso no se puede borrar'); END;
                CREATE TABLE pqrs_reminder (
                    radicado TEXT NOT NULL REFERENCES pqrs_case(radicado),
                    deadline_version INTEGER NOT NULL,
                    sent_on TEXT NOT NULL,
                    PRIMARY KEY (radicado, deadline_version)
                );
                CREATE TABLE pqrs_verification_attempt (
                    id INTEGER PRIMARY KEY,
                    radicado TEXT NOT NULL REFERENCES pqrs_case(radicado),
                    on_date TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    satisfied INTEGER,
                    notes TEXT,
                    actor TEXT NOT NULL,
                    UNIQUE (radicado, on_date)
                );
                CREATE TABLE pqrs_sample (
                    month TEXT PRIMARY KEY,
                    seed INTEGER NOT NULL,
                    algorithm TEXT NOT NULL,
                    population INTEGER NOT NULL,
                    population_sha256 TEXT NOT NULL,
                    selected TEXT NOT NULL,
                    drawn_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: answers in the interview row") { db in
            // One JSON object per interview (AnswerJSON) instead of one row per answer: ten times fewer rows.
            try db.execute(sql: "ALTER TABLE interview ADD COLUMN answers TEXT NOT NULL DEFAULT '{}'")
            var byInterview: [Int64: [StoredAnswer]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT interview_id, variable, status, number, text FROM answer") {
                byInterview[row["interview_id"], default: []].append(StoredAnswer(variable: row["variable"], status: row["status"], number: row["number"], text: row["text"]))
            }
            for (id, answers) in byInterview {
                try db.execute(sql: "UPDATE interview SET answers = ? WHERE id = ?", arguments: [AnswerJSON.encode(answers), id])
            }
            try db.execute(sql: "DROP TABLE answer")
        }
        migrator.registerMigration("v5: web links") { db in
            // A personal link per sampled affiliate for the self-administered web survey: an unguessable token
            // (128 random bits) that opens that affiliate's interview and nobody else's.
            try db.execute(sql: """
                CREATE TABLE web_link (
                    token TEXT PRIMARY KEY,
                    questionnaire TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (questionnaire, unit)
                );
                """)
        }
        migrator.registerMigration("v6: web users") { db in
            // Encuestadores and supervisors of the web form: the password only as PBKDF2-HMAC-SHA256 with its salt;
            // failed logins counted to lock an account for a while; sessions by an unguessable token.
            try db.execute(sql: """
                CREATE TABLE web_user (
                    code TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    salt TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    iterations INTEGER NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT
                );
                CREATE TABLE web_session (
                    token TEXT PRIMARY KEY,
                    code TEXT NOT NULL REFERENCES web_user(code),
                    expires_at TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}
