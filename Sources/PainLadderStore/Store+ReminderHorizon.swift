import Foundation
import GRDB
import PainLadder
import PainLadderClinic

/// The reminder job's horizons (migration "v7-slots", ``SlotSchema``): which courses a run
/// visits, and rebuilding one course's slots and notice windows after its visit.
extension Store {
    /// The courses in progress a run must visit (see ``ClinicStore/reminderVisits(_:)``), from
    /// range scans on `dose_slot_open_by_due`, `reminder_notice_by_opening` and the horizons'
    /// ends; `nil` on a file opened read-only before "v7-slots" (it has no horizons).
    public func reminderVisits(_ query: ReminderVisitQuery) throws -> [ReminderVisit]? {
        try read { db in
            guard try db.tableExists("dose_slot_horizon") else { return nil }
            let t = StoreTime.string
            return try Row.fetchAll(db.cachedStatement(sql: """
                WITH due(course_id, rebuild) AS (
                    SELECT course_id, 1 FROM dose_slot_horizon WHERE in_progress = 1 AND covered_through < :through
                    UNION ALL
                    SELECT course_id, 1 FROM dose_slot_horizon WHERE in_progress = 1 AND covered_from > :from
                    UNION ALL
                    SELECT course_id, 0 FROM dose_slot WHERE status = 'open' AND due_at BETWEEN :closedFrom AND :closedThrough
                    UNION ALL
                    SELECT s.course_id, 0 FROM dose_slot s
                     WHERE s.status = 'open' AND s.due_at BETWEEN :dueFrom AND :dueThrough
                       AND NOT EXISTS (SELECT 1 FROM reminder_sent r
                                        WHERE r.key = 'dose:c' || s.course_id || ':' || s.slot_date || 'T' || s.slot_time)
                    UNION ALL
                    SELECT n.course_id, 0 FROM reminder_notice n
                     WHERE n.opens_at <= :now AND (n.closes_at IS NULL OR n.closes_at > :now)
                       AND NOT EXISTS (SELECT 1 FROM reminder_sent r WHERE r.key = n.key)
                )
                SELECT c.id, max(due.rebuild) AS rebuild FROM due JOIN course c ON c.id = due.course_id
                 WHERE c.status <> 'stopped' GROUP BY c.id ORDER BY c.id
                """), arguments: [
                    "now": t(query.now), "from": t(query.coveredFrom), "through": t(query.coveredThrough),
                    "closedFrom": t(query.closedFrom), "closedThrough": t(query.closedThrough),
                    "dueFrom": t(query.dueFrom), "dueThrough": t(query.dueThrough),
                ])
            .map { ReminderVisit(courseID: $0[0], rebuildHorizon: $0[1]) }
        }
    }

    /// Replaces each course's slots and notice windows with `build`'s (see
    /// ``ClinicStore/rebuildReminderHorizons(courseIDs:journalFrom:_:)``), in one IMMEDIATE
    /// transaction that reads the courses afresh.
    public func rebuildReminderHorizons(courseIDs: [Int64], journalFrom: ([SupplyEvent]) -> LocalDate,
                                        _ build: (ReminderRecord) throws -> ReminderHorizon) throws {
        try write { db in
            guard try db.tableExists("dose_slot_horizon") else { return }
            for courseID in courseIDs {
                guard let record = try Self.fetchReminderRecord(courseID, journalFrom: journalFrom, db) else { continue }
                try Self.replaceHorizon(courseID, with: try build(record), db)
            }
        }
    }

    static func replaceHorizon(_ courseID: Int64, with horizon: ReminderHorizon, _ db: Database) throws {
        let first = horizon.firstDate.description
        try db.execute(sql: "DELETE FROM dose_slot WHERE course_id = ? AND slot_date < ?", arguments: [courseID, first])
        try db.execute(sql: "UPDATE dose_slot SET status = 'withdrawn' WHERE course_id = ? AND slot_date >= ? AND status <> 'withdrawn'",
                       arguments: [courseID, first])
        let slot = try db.cachedStatement(sql: """
            INSERT INTO dose_slot (course_id, slot_date, slot_time, due_at, time_zone, dose_mg, plan_version, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (course_id, slot_date, slot_time) DO UPDATE SET
                due_at = excluded.due_at, time_zone = excluded.time_zone, dose_mg = excluded.dose_mg,
                plan_version = excluded.plan_version, status = excluded.status
            """)
        for s in horizon.slots {
            try slot.execute(arguments: [courseID, s.date.description, s.time.description, StoreTime.string(s.instant),
                                         s.zone, s.doseMg, s.planVersion, s.status.rawValue])
        }
        try db.execute(sql: "DELETE FROM reminder_notice WHERE course_id = ?", arguments: [courseID])
        let notice = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO reminder_notice (key, course_id, opens_at, closes_at)
            SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM reminder_sent WHERE key = ?1)
            """)
        for n in horizon.notices {
            try notice.execute(arguments: [n.key, courseID, Self.noticeInstant(n.opens), n.closes.map(Self.noticeInstant)])
        }
        try db.execute(sql: """
            INSERT INTO dose_slot_horizon (course_id, in_progress, first_date, last_date, covered_from, covered_through)
            VALUES (?, 1, ?, ?, ?, ?)
            ON CONFLICT (course_id) DO UPDATE SET in_progress = 1, first_date = excluded.first_date,
                last_date = excluded.last_date, covered_from = excluded.covered_from,
                covered_through = excluded.covered_through
            """, arguments: [courseID, first, horizon.lastDate.description, StoreTime.string(horizon.coveredFrom),
                             StoreTime.string(horizon.coveredThrough)])
    }

    /// A notice window's end as stored: `distantPast` and `distantFuture` as the first and last
    /// instants the text can hold (StoreTime's four-digit years).
    static func noticeInstant(_ date: Date) -> String {
        if date <= Date(timeIntervalSince1970: -62_135_596_800) { return "0001-01-01T00:00:00.000Z" }
        if date >= Date(timeIntervalSince1970: 253_402_300_799) { return "9999-12-31T23:59:59.999Z" }
        return StoreTime.string(date)
    }
}
