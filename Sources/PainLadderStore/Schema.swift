import GRDB

/// The database schema, as versioned migrations.
///
/// Migrations are append-only: a released migration is never edited; a change of schema is
/// a new migration ("v2", …) registered after the others. A database that an older release
/// wrote opens and upgrades; a database that a newer release wrote (it has applied a
/// migration this build does not know) is refused untouched (see ``Store/init(path:createIfMissing:busyTimeout:)``).
enum Schema {
    /// `PRAGMA application_id` of a PainLadder database: "PLDR".
    static let applicationID: Int32 = 0x504C_4452

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2-journal", migrate: JournalSchema.v2)
        migrator.registerMigration("v3-decisions") { db in
            // The decision (kind, who, why, accepted warnings) that created a plan version.
            try db.execute(sql: "ALTER TABLE plan_version ADD COLUMN decision TEXT CHECK (decision IS NULL OR json_valid(decision))")
        }
        migrator.registerMigration("v4-reminders", migrate: ReminderSchema.v4)
        migrator.registerMigration("v5-trust", migrate: TrustSchema.v5)
        migrator.registerMigration("v6-prior-treatment") { db in
            // Drugs tried before PainLadder (``PriorTreatment``), changed like any patient field
            // (audit `patient.update`); every patient written before reads none.
            try db.execute(sql: """
                ALTER TABLE patient ADD COLUMN prior_treatments TEXT NOT NULL DEFAULT '[]'
                    CHECK (json_valid(prior_treatments) AND json_type(prior_treatments) = 'array')
                """)
        }
        migrator.registerMigration("v7-medicines") { db in
            // Medicines stopped, with the day each was stopped (``StoppedMedicine``), changed
            // like any patient field (audit `patient.update`); every patient written before reads none.
            try db.execute(sql: """
                ALTER TABLE patient ADD COLUMN stopped_medicines TEXT NOT NULL DEFAULT '[]'
                    CHECK (json_valid(stopped_medicines) AND json_type(stopped_medicines) = 'array')
                """)
        }
        migrator.registerMigration("v7-patient-safety") { db in
            // The patient's height (cm), for the weight Cockcroft–Gault uses; every patient
            // written before reads none. Start overrides live in plan_version.overrides.
            try db.execute(sql: "ALTER TABLE patient ADD COLUMN height_cm REAL CHECK (height_cm IS NULL OR height_cm > 0)")
        }
        migrator.registerMigration("v7-journal-windows", migrate: JournalSchema.v7)
        migrator.registerMigration("v7-slots", migrate: SlotSchema.v7)
        migrator.registerMigration("v7-supply-windows", migrate: SupplyWindowSchema.migrate)
        migrator.registerMigration("v8-inbox", migrate: InboxSchema.v8)
        migrator.registerMigration("v8-formulary-overlay", migrate: FormularyOverlaySchema.v8)
        return migrator
    }

    /// Migrations a read-only command may leave for the next write: each only adds a column
    /// whose default the readers assume when it is absent, an index the readers do not need
    /// to be right, or tables no reader needs (the reminder job's horizons; the inbox, read
    /// as empty while absent), so reading an
    /// older file changes nothing in it.
    static let readableWithout: Set<String> = ["v6-prior-treatment", "v7-medicines", "v7-patient-safety", "v7-journal-windows",
                                               "v7-slots", "v7-supply-windows", "v8-inbox",
                                               "v8-formulary-overlay"]

    private static let instant = StoreTime.instantGlob
    private static let date = StoreTime.dateGlob

    private static func v1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: """
            CREATE TABLE patient (
                id TEXT NOT NULL PRIMARY KEY CHECK (length(id) > 0),
                name TEXT,
                birth_date TEXT NOT NULL CHECK (birth_date GLOB '\(date)'),
                sex TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                weight_kg REAL,
                serum_creatinine REAL,
                serum_creatinine_unit TEXT,
                creatinine_clearance REAL,
                hepatic_impairment INTEGER NOT NULL CHECK (hepatic_impairment IN (0, 1)),
                frail INTEGER NOT NULL CHECK (frail IN (0, 1)),
                pregnancy_potential INTEGER NOT NULL CHECK (pregnancy_potential IN (0, 1)),
                diagnosis TEXT NOT NULL,
                conditions TEXT NOT NULL CHECK (json_valid(conditions) AND json_type(conditions) = 'array'),
                medicines TEXT NOT NULL CHECK (json_valid(medicines) AND json_type(medicines) = 'array'),
                created_at TEXT NOT NULL CHECK (created_at GLOB '\(instant)'),
                updated_at TEXT NOT NULL CHECK (updated_at GLOB '\(instant)'),
                CHECK ((serum_creatinine IS NULL) = (serum_creatinine_unit IS NULL))
            ) STRICT;

            CREATE TABLE course (
                id INTEGER PRIMARY KEY,
                patient_id TEXT NOT NULL REFERENCES patient(id),
                drug TEXT NOT NULL,
                variant TEXT NOT NULL,
                start_date TEXT NOT NULL CHECK (start_date GLOB '\(date)'),
                status TEXT NOT NULL,
                outcome TEXT,
                created_at TEXT NOT NULL CHECK (created_at GLOB '\(instant)'),
                created_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX course_by_patient ON course(patient_id, start_date, id);

            CREATE TABLE plan_version (
                id INTEGER PRIMARY KEY,
                course_id INTEGER NOT NULL REFERENCES course(id),
                version INTEGER NOT NULL CHECK (version >= 1),
                replaces_id INTEGER REFERENCES plan_version(id),
                created_at TEXT NOT NULL CHECK (created_at GLOB '\(instant)'),
                author TEXT NOT NULL,
                reason TEXT NOT NULL,
                effective_from TEXT NOT NULL CHECK (effective_from GLOB '\(date)'),
                hold_reason TEXT,
                next_review_date TEXT CHECK (next_review_date GLOB '\(date)'),
                overrides TEXT NOT NULL CHECK (json_valid(overrides) AND json_type(overrides) = 'array'),
                schedule TEXT NOT NULL CHECK (json_valid(schedule) AND json_type(schedule) = 'object'),
                UNIQUE (course_id, version),
                UNIQUE (replaces_id),
                CHECK ((version = 1) = (replaces_id IS NULL))
            ) STRICT;
            CREATE INDEX plan_version_by_next_review ON plan_version(next_review_date)
                WHERE next_review_date IS NOT NULL;
            CREATE TRIGGER plan_version_no_update BEFORE UPDATE ON plan_version
                BEGIN SELECT RAISE(ABORT, 'plan versions are append-only'); END;
            CREATE TRIGGER plan_version_no_delete BEFORE DELETE ON plan_version
                BEGIN SELECT RAISE(ABORT, 'plan versions are append-only'); END;

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                patient_id TEXT NOT NULL REFERENCES patient(id),
                course_id INTEGER REFERENCES course(id),
                detail TEXT NOT NULL CHECK (json_valid(detail))
            ) STRICT;
            CREATE INDEX audit_by_patient ON audit(patient_id, id);
            CREATE INDEX audit_by_course ON audit(course_id);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """)
    }
}
