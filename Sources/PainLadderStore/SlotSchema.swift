import GRDB

/// Migration "v7-slots": the reminder job's horizons. Each course's dose slots over a short
/// horizon (`dose_slot`), the windows of its day notices (`reminder_notice`) and how far its
/// slots are listed (`dose_slot_horizon`), so a run reads only the slots that fell due or
/// closed since the last run (range scans by instant) instead of every course's plans.
///
/// They are an index, rebuilt by the reminder job (``Store/rebuildReminderHorizon(courseID:journalFrom:_:)``),
/// never history: the triggers below keep them in step, in the transaction of each change.
/// A slot's status follows what is recorded for it (`take`, `skip`, the job's `missed`;
/// `undo` and `correct` reopen it), and any change that can move slots (a course started or
/// changed, a plan version, a zone move, supply recorded) marks the course's horizon out of
/// date (`covered_through = ''`), so the next run plans the course in full and rebuilds it.
/// Readers never use these tables: a read-only command may leave the migration for the next
/// write (``Schema/readableWithout``).
enum SlotSchema {
    static func v7(_ db: Database) throws {
        let date = StoreTime.dateGlob
        try db.execute(sql: """
            CREATE TABLE dose_slot (
                course_id INTEGER NOT NULL REFERENCES course(id),
                slot_date TEXT NOT NULL CHECK (slot_date GLOB '\(date)'),
                slot_time TEXT NOT NULL,
                due_at TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                dose_mg INTEGER NOT NULL,
                plan_version INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'taken', 'skipped', 'missed', 'withdrawn')),
                PRIMARY KEY (course_id, slot_date, slot_time)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX dose_slot_open_by_due ON dose_slot(due_at) WHERE status = 'open';

            CREATE TABLE dose_slot_horizon (
                course_id INTEGER NOT NULL PRIMARY KEY REFERENCES course(id),
                in_progress INTEGER NOT NULL CHECK (in_progress IN (0, 1)),
                first_date TEXT,
                last_date TEXT,
                covered_from TEXT NOT NULL,
                covered_through TEXT NOT NULL
            ) STRICT;
            CREATE INDEX dose_slot_horizon_by_end ON dose_slot_horizon(covered_through) WHERE in_progress = 1;
            CREATE INDEX dose_slot_horizon_by_start ON dose_slot_horizon(covered_from) WHERE in_progress = 1;

            CREATE TABLE reminder_notice (
                key TEXT NOT NULL PRIMARY KEY,
                course_id INTEGER NOT NULL REFERENCES course(id),
                opens_at TEXT NOT NULL,
                closes_at TEXT
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX reminder_notice_by_opening ON reminder_notice(opens_at);
            CREATE INDEX reminder_notice_by_course ON reminder_notice(course_id);

            INSERT INTO dose_slot_horizon (course_id, in_progress, covered_from, covered_through)
                SELECT id, status <> 'stopped', '', '' FROM course;
            """)
        for trigger in triggers { try db.execute(sql: trigger.sql) }
    }

    /// Marks one course's horizon out of date.
    private static func outOfDate(_ course: String) -> String {
        "UPDATE dose_slot_horizon SET covered_through = '' WHERE course_id = \(course);"
    }

    static let triggers: [TamperGuards.Guard] = [
        .init(name: "dose_slot_course_added", sql: """
            CREATE TRIGGER dose_slot_course_added AFTER INSERT ON course BEGIN
                INSERT INTO dose_slot_horizon (course_id, in_progress, covered_from, covered_through)
                    VALUES (NEW.id, NEW.status <> 'stopped', '', '');
            END
            """),
        .init(name: "dose_slot_course_changed", sql: """
            CREATE TRIGGER dose_slot_course_changed AFTER UPDATE ON course BEGIN
                UPDATE dose_slot_horizon SET in_progress = (NEW.status <> 'stopped'), covered_through = ''
                    WHERE course_id = NEW.id;
            END
            """),
        .init(name: "dose_slot_plan_added", sql: """
            CREATE TRIGGER dose_slot_plan_added AFTER INSERT ON plan_version BEGIN \(outOfDate("NEW.course_id")) END
            """),
        .init(name: "dose_slot_zone_added", sql: """
            CREATE TRIGGER dose_slot_zone_added AFTER INSERT ON patient_zone BEGIN
                UPDATE dose_slot_horizon SET covered_through = ''
                    WHERE course_id IN (SELECT id FROM course WHERE patient_id = NEW.patient_id);
            END
            """),
        .init(name: "dose_slot_zone_changed", sql: """
            CREATE TRIGGER dose_slot_zone_changed AFTER UPDATE OF time_zone ON patient BEGIN
                UPDATE dose_slot_horizon SET covered_through = ''
                    WHERE course_id IN (SELECT id FROM course WHERE patient_id = NEW.id);
            END
            """),
        .init(name: "dose_slot_supply_added", sql: """
            CREATE TRIGGER dose_slot_supply_added AFTER INSERT ON supply_event BEGIN \(outOfDate("NEW.course_id")) END
            """),
        // A claimed notice needs no more visits.
        .init(name: "reminder_notice_claimed", sql: """
            CREATE TRIGGER reminder_notice_claimed AFTER INSERT ON reminder_sent BEGIN
                DELETE FROM reminder_notice WHERE key = NEW.key;
            END
            """),
    ] + journalTriggers

    /// The triggers on the journal, lifted for a bulk load (see ``Store/bulkLoad(_:)``, which
    /// marks every horizon out of date instead).
    static let journalTriggers: [TamperGuards.Guard] = [
        // Taken wins over skipped and missed; a withdrawn slot stays withdrawn.
        .init(name: "dose_slot_recorded", sql: """
            CREATE TRIGGER dose_slot_recorded AFTER INSERT ON journal_entry
                WHEN NEW.slot_date IS NOT NULL AND NEW.kind IN ('taken', 'skipped', 'missed') BEGIN
                UPDATE dose_slot SET status = NEW.kind
                    WHERE course_id = NEW.course_id AND slot_date = NEW.slot_date AND slot_time = NEW.slot_time
                      AND (status = 'open' OR (NEW.kind = 'taken' AND status IN ('skipped', 'missed')));
            END
            """),
        // An undo or a correction reopens the slot of the entry it replaces (another entry may
        // still record it: then the run that visits the course finds nothing to do).
        .init(name: "dose_slot_reopened", sql: """
            CREATE TRIGGER dose_slot_reopened AFTER INSERT ON journal_entry WHEN NEW.supersedes IS NOT NULL BEGIN
                UPDATE dose_slot SET status = 'open'
                    WHERE status IN ('taken', 'skipped', 'missed')
                      AND (course_id, slot_date, slot_time) =
                          (SELECT course_id, slot_date, slot_time FROM journal_entry WHERE id = NEW.supersedes);
            END
            """),
        // An entry with clinician flags (a dose above the maximum) is told by the next run.
        .init(name: "reminder_notice_flagged", sql: """
            CREATE TRIGGER reminder_notice_flagged AFTER INSERT ON journal_entry
                WHEN NEW.course_id IS NOT NULL AND instr(NEW.detail, '"flags"') > 0 BEGIN
                INSERT OR IGNORE INTO reminder_notice (key, course_id, opens_at, closes_at)
                    VALUES ('clinician:c' || NEW.course_id || ':e' || NEW.id, NEW.course_id, NEW.recorded_at, NULL);
            END
            """),
    ]
}
