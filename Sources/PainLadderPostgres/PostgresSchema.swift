import Foundation

/// The PostgreSQL schema, as named, versioned migrations applied in order, each in its own
/// transaction and recorded in `painladder_migration`. The tables are the SQLite store's in
/// PostgreSQL's terms: `date` and `timestamptz` rather than checked text, `jsonb` with
/// `jsonb_typeof` checks, `boolean`, identity ids; checks and foreign keys kept; history
/// append-only by triggers (and, once logins have roles, by privileges).
///
/// ```swift
/// try PostgresSchema.migrate(session)   // applies what the server lacks; idempotent
/// ```
enum PostgresSchema {
    struct Migration {
        var name: String
        var sql: String
    }

    static let migrations: [Migration] = [
        Migration(name: "pg-v1-patients", sql: patients),
        Migration(name: "pg-v2-courses", sql: courses),
        Migration(name: "pg-v3-journal", sql: journal),
    ]

    /// Applies the migrations the database lacks. Two processes migrating at once serialize
    /// on an advisory lock held for the transaction.
    static func migrate(_ session: PostgresSession) throws {
        try session.script("CREATE TABLE IF NOT EXISTS painladder_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        for migration in migrations {
            try session.transaction {
                try session.run("SELECT pg_advisory_xact_lock(\(migrationLock))")
                let done = try session.run("SELECT 1 FROM painladder_migration WHERE name = \(migration.name)")
                guard done.isEmpty else { return }
                try session.script(migration.sql)
                try session.run("INSERT INTO painladder_migration (name) VALUES (\(migration.name))")
            }
        }
    }

    /// The names applied, in order.
    static func applied(_ session: PostgresSession) throws -> [String] {
        try session.run("SELECT name FROM painladder_migration ORDER BY applied_at, name").map { try $0.decode(String.self) }
    }

    /// Any fixed number: "PainLadder schema" as a key for `pg_advisory_xact_lock`.
    static let migrationLock: Int64 = 0x5041_494E_5343_4845

    static let patients = """
        CREATE FUNCTION painladder_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END $$;

        CREATE TABLE patient (
            id text PRIMARY KEY CHECK (length(id) > 0),
            name text,
            birth_date date NOT NULL,
            sex text NOT NULL CHECK (sex IN ('male', 'female')),
            time_zone text NOT NULL,
            weight_kg double precision,
            height_cm double precision,
            serum_creatinine double precision,
            serum_creatinine_unit text CHECK (serum_creatinine_unit IN ('umol/L', 'mg/dL')),
            creatinine_clearance double precision,
            hepatic_impairment boolean NOT NULL,
            frail boolean NOT NULL,
            pregnancy_potential boolean NOT NULL,
            diagnosis text NOT NULL,
            conditions jsonb NOT NULL CHECK (jsonb_typeof(conditions) = 'array'),
            medicines jsonb NOT NULL CHECK (jsonb_typeof(medicines) = 'array'),
            prior_treatments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(prior_treatments) = 'array'),
            stopped_medicines jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(stopped_medicines) = 'array'),
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            CHECK ((serum_creatinine IS NULL) = (serum_creatinine_unit IS NULL))
        );

        CREATE TABLE patient_zone (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            patient_id text NOT NULL REFERENCES patient(id),
            from_date date NOT NULL,
            zone text NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        CREATE INDEX patient_zone_by_patient ON patient_zone(patient_id, from_date, id);
        CREATE TRIGGER patient_zone_append_only BEFORE UPDATE OR DELETE ON patient_zone
            FOR EACH ROW EXECUTE FUNCTION painladder_append_only();

        -- The login that wrote each row is the server's own `current_user`: on PostgreSQL the
        -- acting account is the database login, not a name the client claims.
        CREATE TABLE audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            actor text NOT NULL,
            action text NOT NULL,
            patient_id text REFERENCES patient(id),
            course_id bigint,
            detail jsonb NOT NULL,
            login text NOT NULL DEFAULT current_user
        );
        CREATE INDEX audit_by_patient ON audit(patient_id, id);
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION painladder_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
            FOR EACH STATEMENT EXECUTE FUNCTION painladder_append_only();
        """

    /// Courses and their append-only plan versions. The decision that made a version and the
    /// time of day it took effect are columns of their own here (SQLite packs both into one
    /// JSON column for compatibility with older files).
    static let courses = """
        CREATE TABLE course (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            patient_id text NOT NULL REFERENCES patient(id),
            drug text NOT NULL,
            variant text NOT NULL,
            start_date date NOT NULL,
            status text NOT NULL CHECK (status IN ('titrating', 'maintaining', 'held', 'tapering', 'stopped')),
            outcome text CHECK (outcome IN ('effective', 'not-effective', 'not-tolerated', 'contraindicated',
                                            'patient-choice')),
            created_at timestamptz NOT NULL,
            created_by text NOT NULL
        );
        CREATE INDEX course_by_patient ON course(patient_id, start_date, id);

        CREATE TABLE plan_version (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            course_id bigint NOT NULL REFERENCES course(id),
            version integer NOT NULL CHECK (version >= 1),
            replaces_id bigint REFERENCES plan_version(id),
            created_at timestamptz NOT NULL,
            author text NOT NULL,
            reason text NOT NULL,
            effective_from date NOT NULL,
            effective_time text CHECK (effective_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
            hold_reason text,
            next_review_date date,
            overrides jsonb NOT NULL CHECK (jsonb_typeof(overrides) = 'array'),
            schedule jsonb NOT NULL CHECK (jsonb_typeof(schedule) = 'object'),
            decision jsonb CHECK (jsonb_typeof(decision) = 'object'),
            UNIQUE (course_id, version),
            UNIQUE (replaces_id),
            CHECK ((version = 1) = (replaces_id IS NULL))
        );
        CREATE INDEX plan_version_by_next_review ON plan_version(next_review_date) WHERE next_review_date IS NOT NULL;
        CREATE TRIGGER plan_version_append_only BEFORE UPDATE OR DELETE ON plan_version
            FOR EACH ROW EXECUTE FUNCTION painladder_append_only();

        ALTER TABLE audit ADD FOREIGN KEY (course_id) REFERENCES course(id);
        CREATE INDEX audit_by_course ON audit(course_id);
        """

    /// The journal, append-only: `entry` holds the whole entry (as `JournalEntry` encodes
    /// it, without its id); the other columns are its indexed projection, written from the
    /// same value in the same statement. A correction supersedes an entry at most once.
    static let journal = """
        CREATE TABLE journal_entry (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            patient_id text NOT NULL REFERENCES patient(id),
            course_id bigint REFERENCES course(id),
            plan_version_id bigint REFERENCES plan_version(id),
            kind text NOT NULL,
            at timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL,
            recorded_by text NOT NULL,
            supersedes bigint UNIQUE REFERENCES journal_entry(id),
            slot_date date,
            slot_time text CHECK (slot_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
            dose_mg integer,
            entry jsonb NOT NULL CHECK (jsonb_typeof(entry) = 'object'),
            CHECK ((slot_date IS NULL) = (slot_time IS NULL))
        );
        CREATE INDEX journal_by_patient ON journal_entry(patient_id, id);
        CREATE INDEX journal_by_patient_at ON journal_entry(patient_id, at);
        CREATE INDEX journal_by_patient_slot ON journal_entry(patient_id, slot_date) WHERE slot_date IS NOT NULL;
        CREATE INDEX journal_by_course_slot ON journal_entry(course_id, slot_date) WHERE slot_date IS NOT NULL;
        CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal_entry
            FOR EACH ROW EXECUTE FUNCTION painladder_append_only();
        CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal_entry
            FOR EACH STATEMENT EXECUTE FUNCTION painladder_append_only();
        """
}
