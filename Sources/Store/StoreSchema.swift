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
        return migrator
    }
}
