import GRDB

/// Migration "v7-supply-windows": a course's supply run-out has notice windows like its other
/// day notices (``SlotSchema``), instead of a window always open that had every run plan every
/// course with supply on record. The forecast run-out follows the journal: a journal entry
/// that can bring it forward (an extra dose, a dose above the slot's, an undo or a correction)
/// marks the course's horizon out of date, for its own transaction or the next run to list
/// again. Courses with supply are marked at once, so their old open-ended windows go.
enum SupplyWindowSchema {
    static func migrate(_ db: Database) throws {
        for trigger in triggers { try db.execute(sql: trigger.sql) }
        try db.execute(sql: """
            DELETE FROM reminder_notice WHERE key GLOB 'supply:c*:forecast';
            UPDATE dose_slot_horizon SET covered_through = ''
             WHERE course_id IN (SELECT DISTINCT course_id FROM supply_event);
            """)
    }

    /// Lifted for a bulk load with the other journal triggers (``SlotSchema/journalTriggers``).
    static let triggers: [TamperGuards.Guard] = [
        .init(name: "dose_slot_supply_used", sql: """
            CREATE TRIGGER dose_slot_supply_used AFTER INSERT ON journal_entry
                WHEN NEW.course_id IS NOT NULL
                 AND (NEW.kind = 'extra' OR NEW.supersedes IS NOT NULL
                      OR (NEW.kind = 'taken' AND NEW.dose_mg > coalesce(
                          (SELECT dose_mg FROM dose_slot
                            WHERE course_id = NEW.course_id AND slot_date = NEW.slot_date AND slot_time = NEW.slot_time), 0)))
                 AND EXISTS (SELECT 1 FROM supply_event WHERE course_id = NEW.course_id) BEGIN
                UPDATE dose_slot_horizon SET covered_through = '' WHERE course_id = NEW.course_id;
            END
            """),
    ]
}
