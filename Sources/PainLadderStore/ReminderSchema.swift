import GRDB

/// Migration "v4-reminders": what the reminder job has handed out, its last completed run,
/// and the patient's recorded supply; plus the indexes the job's per-course queries use.
enum ReminderSchema {
    static func v4(_ db: Database) throws {
        let instant = StoreTime.instantGlob
        try db.execute(sql: """
            -- One row per reminder ever handed out: the PRIMARY KEY on the stable key is what
            -- makes a reminder go out once, whichever run computes it. `confirmed` = 0 while a
            -- delivery command has not yet succeeded: the next run hands it out again, same key,
            -- unless it is no longer useful (a dose since recorded or past its window):
            -- then `withdrawn_at` is set and it is not handed out again.
            CREATE TABLE reminder_sent (
                key TEXT NOT NULL PRIMARY KEY CHECK (length(key) > 0),
                kind TEXT NOT NULL,
                audience TEXT NOT NULL CHECK (audience IN ('patient', 'clinician')),
                patient_id TEXT NOT NULL REFERENCES patient(id),
                course_id INTEGER NOT NULL REFERENCES course(id),
                due_at TEXT NOT NULL CHECK (due_at GLOB '\(instant)'),
                reminder TEXT NOT NULL CHECK (json_valid(reminder) AND json_type(reminder) = 'object'),
                claimed_at TEXT NOT NULL CHECK (claimed_at GLOB '\(instant)'),
                sent_at TEXT CHECK (sent_at GLOB '\(instant)'),
                confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
                attempts INTEGER NOT NULL CHECK (attempts >= 1),
                withdrawn_at TEXT CHECK (withdrawn_at GLOB '\(instant)'),
                CHECK ((confirmed = 1) = (sent_at IS NOT NULL)),
                CHECK (confirmed = 0 OR withdrawn_at IS NULL)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX reminder_sent_unconfirmed ON reminder_sent(due_at) WHERE confirmed = 0 AND withdrawn_at IS NULL;
            CREATE INDEX reminder_sent_by_patient ON reminder_sent(patient_id, due_at);
            CREATE TRIGGER reminder_sent_no_delete BEFORE DELETE ON reminder_sent
                BEGIN SELECT RAISE(ABORT, 'sent reminders are kept'); END;

            -- The `now` of the last run that went through every course: where the next run's
            -- catch-up (missed doses) starts.
            CREATE TABLE reminder_run (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_run_at TEXT NOT NULL CHECK (last_run_at GLOB '\(instant)'),
                recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '\(instant)')
            ) STRICT;

            -- What the patient holds: packs collected and counts, append-only.
            CREATE TABLE supply_event (
                id INTEGER PRIMARY KEY,
                patient_id TEXT NOT NULL REFERENCES patient(id),
                course_id INTEGER NOT NULL REFERENCES course(id),
                drug TEXT NOT NULL,
                strength_mg INTEGER NOT NULL CHECK (strength_mg > 0),
                form TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('add', 'count')),
                units INTEGER NOT NULL CHECK (units >= 0),
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '\(instant)'),
                recorded_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX supply_by_course ON supply_event(course_id, at, id);
            CREATE TRIGGER supply_no_update BEFORE UPDATE ON supply_event
                BEGIN SELECT RAISE(ABORT, 'supply records are append-only: record a count instead'); END;
            CREATE TRIGGER supply_no_delete BEFORE DELETE ON supply_event
                BEGIN SELECT RAISE(ABORT, 'supply records are append-only: record a count instead'); END;

            -- The job visits courses in progress only; extra doses (no slot) use up supply.
            CREATE INDEX course_in_progress ON course(id) WHERE status <> 'stopped';
            CREATE INDEX journal_extra_by_course ON journal_entry(course_id, at) WHERE kind = 'extra';
            """)
    }

    /// Who reset the reminder job's run mark, when and why (`remind --reset-mark`),
    /// append-only; not in `audit`, a trail per patient. Created by the first reset, inside
    /// its transaction, not by a migration: a migration would write to every database it
    /// opens, and a command that only reads must leave the file as it was.
    static func markResets(_ db: Database) throws {
        let instant = StoreTime.instantGlob
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS reminder_mark_reset (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                actor TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                mark_before TEXT CHECK (mark_before GLOB '\(instant)')
            ) STRICT;
            CREATE TRIGGER IF NOT EXISTS reminder_mark_reset_no_update BEFORE UPDATE ON reminder_mark_reset
                BEGIN SELECT RAISE(ABORT, 'mark resets are kept'); END;
            CREATE TRIGGER IF NOT EXISTS reminder_mark_reset_no_delete BEFORE DELETE ON reminder_mark_reset
                BEGIN SELECT RAISE(ABORT, 'mark resets are kept'); END;
            """)
    }
}
