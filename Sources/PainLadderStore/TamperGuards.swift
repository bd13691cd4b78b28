/// The triggers that keep history append-only, in one list: migration "v5-trust" creates them
/// (replacing the earlier ones of the same names) and `verify` checks that each is present
/// with this SQL.
///
/// `INSERT OR REPLACE` / `REPLACE INTO` deletes the row it conflicts with without firing a
/// DELETE trigger (unless recursive triggers are on), so every append-only table also
/// refuses, BEFORE INSERT, a row whose key (or any UNIQUE column) is already taken.
enum TamperGuards {
    struct Guard {
        let name: String
        let sql: String
    }

    static let all: [Guard] = [
        noUpdate("journal_no_update", "journal_entry", "the journal is append-only: record a correction instead"),
        noDelete("journal_no_delete", "journal_entry", "the journal is append-only: record an undo instead"),
        noReplace("journal_no_replace", "journal_entry", "id = NEW.id OR supersedes = NEW.supersedes",
                  "the journal is append-only: an entry is never replaced"),
    ] + appendOnly("plan_version", "plan_version",
                   key: "id = NEW.id OR (course_id = NEW.course_id AND version = NEW.version) OR replaces_id = NEW.replaces_id",
                   "plan versions are append-only")
      + appendOnly("audit", "audit", key: "id = NEW.id", "the audit trail is append-only")
      + appendOnly("audit_seal", "audit_seal", key: "audit_id = NEW.audit_id", "the audit chain is append-only")
      + appendOnly("supply", "supply_event", key: "id = NEW.id", "supply records are append-only: record a count instead")
      + appendOnly("patient_zone", "patient_zone", key: "id = NEW.id", "time-zone history is append-only")
      + [
        noDelete("reminder_sent_no_delete", "reminder_sent", "sent reminders are kept"),
        noReplace("reminder_sent_no_replace", "reminder_sent", "key = NEW.key", "sent reminders are kept"),
        // A course changes only its status and outcome (decisions, a taper's end).
        Guard(name: "course_fixed", sql: """
            CREATE TRIGGER course_fixed BEFORE UPDATE ON course WHEN NEW.id IS NOT OLD.id \
            OR NEW.patient_id IS NOT OLD.patient_id OR NEW.drug IS NOT OLD.drug OR NEW.variant IS NOT OLD.variant \
            OR NEW.start_date IS NOT OLD.start_date OR NEW.created_at IS NOT OLD.created_at \
            OR NEW.created_by IS NOT OLD.created_by \
            BEGIN SELECT RAISE(ABORT, 'a course changes only its status and outcome'); END
            """),
        noDelete("course_no_delete", "course", "courses are kept"),
        noReplace("course_no_replace", "course", "id = NEW.id", "courses are kept"),
        // A patient's record changes through an update (with its audit row); never its id or creation.
        Guard(name: "patient_fixed", sql: """
            CREATE TRIGGER patient_fixed BEFORE UPDATE ON patient WHEN NEW.id IS NOT OLD.id \
            OR NEW.created_at IS NOT OLD.created_at \
            BEGIN SELECT RAISE(ABORT, 'a patient keeps their id and creation time'); END
            """),
        noDelete("patient_no_delete", "patient", "patients are kept"),
        noReplace("patient_no_replace", "patient", "id = NEW.id", "patients are kept"),
    ]

    /// `PREFIX_no_update`, `PREFIX_no_delete` and `PREFIX_no_replace` (`key`: the row's key
    /// and UNIQUE columns already taken).
    static func appendOnly(_ prefix: String, _ table: String, key: String, _ message: String) -> [Guard] {
        [noUpdate("\(prefix)_no_update", table, message), noDelete("\(prefix)_no_delete", table, message),
         noReplace("\(prefix)_no_replace", table, key, message)]
    }

    static func noUpdate(_ name: String, _ table: String, _ message: String) -> Guard {
        Guard(name: name, sql: "CREATE TRIGGER \(name) BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END")
    }

    static func noDelete(_ name: String, _ table: String, _ message: String) -> Guard {
        Guard(name: name, sql: "CREATE TRIGGER \(name) BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END")
    }

    static func noReplace(_ name: String, _ table: String, _ taken: String, _ message: String) -> Guard {
        Guard(name: name, sql: """
            CREATE TRIGGER \(name) BEFORE INSERT ON \(table) WHEN EXISTS (SELECT 1 FROM \(table) WHERE \(taken)) \
            BEGIN SELECT RAISE(ABORT, '\(message)'); END
            """)
    }

    /// SQL with runs of white space as one space, for comparing stored trigger text.
    static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
