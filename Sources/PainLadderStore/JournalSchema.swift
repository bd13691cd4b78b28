import GRDB

/// Migrations "v2-journal" (the patient's journal and time-zone history) and
/// "v7-journal-windows" (its indexes by time).
enum JournalSchema {
    static func v2(_ db: Database) throws {
        let instant = StoreTime.instantGlob, date = StoreTime.dateGlob
        try db.execute(sql: """
            CREATE TABLE journal_entry (
                id INTEGER PRIMARY KEY,
                patient_id TEXT NOT NULL REFERENCES patient(id),
                course_id INTEGER REFERENCES course(id),
                plan_version_id INTEGER REFERENCES plan_version(id),
                kind TEXT NOT NULL,
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '\(instant)'),
                recorded_by TEXT NOT NULL,
                -- An entry is corrected or undone at most once: a second correction of the same
                -- entry (two people at once) fails instead of forking the history.
                supersedes INTEGER UNIQUE REFERENCES journal_entry(id),
                slot_date TEXT CHECK (slot_date GLOB '\(date)'),
                slot_time TEXT,
                dose_mg INTEGER,
                detail TEXT NOT NULL CHECK (json_valid(detail) AND json_type(detail) = 'object')
            ) STRICT;
            CREATE INDEX journal_by_patient ON journal_entry(patient_id, id);
            CREATE INDEX journal_by_course_slot ON journal_entry(course_id, slot_date) WHERE slot_date IS NOT NULL;
            CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal_entry
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record a correction instead'); END;
            CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal_entry
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only: record an undo instead'); END;

            -- The patient's time zone from a date on; a later row for the same date wins.
            CREATE TABLE patient_zone (
                id INTEGER PRIMARY KEY,
                patient_id TEXT NOT NULL REFERENCES patient(id),
                from_date TEXT NOT NULL CHECK (from_date GLOB '\(date)'),
                zone TEXT NOT NULL,
                recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '\(instant)')
            ) STRICT;
            CREATE INDEX patient_zone_by_patient ON patient_zone(patient_id, from_date, id);
            """)
    }

    /// Migration "v7-journal-windows": a patient's journal by time and by dose slot, so that
    /// recording a dose and "today" read the days around an instant, not the whole history.
    static func v7(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX journal_by_patient_at ON journal_entry(patient_id, at);
            CREATE INDEX journal_by_patient_slot ON journal_entry(patient_id, slot_date) WHERE slot_date IS NOT NULL;
            """)
    }
}
