import Foundation
import GRDB
import PainLadder

extension Store {
    /// Reads plan versions, oldest first within each course, decoding each distinct schedule once.
    ///
    /// Why: a course's schedule is several kB of JSON and a review keeps it, so two years of
    /// monthly reviews are two dozen versions with one schedule. Reading every version's text
    /// and decoding (or hashing it for ``ScheduleCache``) was most of `remind`'s time: about
    /// 70 % at 1,000 patients (BENCHMARKS.md). Here SQLite compares each version's schedule
    /// with the one of the version it replaces (a primary-key join and a memcmp; a `lag()`
    /// window was slower, it copies every row into a sorter) and sends the text only when it
    /// changed; Swift reuses the schedule decoded for that version otherwise. The filter must
    /// therefore select whole courses. Rows are read through a cursor, not copied.
    ///
    /// - Parameters:
    ///   - filter: the `WHERE` clause on `plan_version v` (joined to `course c`), with `?`s.
    ///   - decisions: decode the decision recorded on each version (its effective time is
    ///     always read); the reminder job does
    ///     not use them and passes `false` (they are then `nil`).
    ///   - inForceFrom: read only the versions that can be in force on this day or later:
    ///     each version from the highest one that took effect before it (``DoseCalendar``
    ///     picks, for a day, the highest version in force, and a version in force all day
    ///     hides every lower one). Recording a dose or showing today looks at a few days;
    ///     two years of reviews are about 21 versions of several kB each, which was a
    ///     tenth of `take`'s instructions. `nil` reads every version.
    /// The `decision` column cut to its effective time (``DecisionColumn``): the reminder job
    /// needs when each version begins, not the decision.
    static let effectiveTimeOnly = """
        CASE WHEN json_extract(v.decision, '$.effectiveTime') IS NULL THEN NULL
             ELSE json_object('effectiveTime', json_extract(v.decision, '$.effectiveTime')) END AS decision
        """

    static func fetchPlanVersions(where filter: String, arguments: StatementArguments, decisions: Bool = true,
                                  inForceFrom: LocalDate? = nil, _ db: Database) throws -> [PlanVersion] {
        // With `inForceFrom`, the versions a higher version hides from that day on are left
        // out; a kept version's schedule is sent as NULL only when its predecessor is kept too.
        let kept: ((String) -> String)? = inForceFrom.map { day in { alias in Self.inForce(alias, from: day) } }
        let sql = """
            SELECT v.id, v.course_id, v.version, v.replaces_id, v.created_at, v.author, v.reason, v.effective_from,
                   v.hold_reason, v.next_review_date, v.overrides, \(decisions ? "v.decision" : Self.effectiveTimeOnly),
                   CASE WHEN v.schedule IS p.schedule\(kept.map { " AND " + $0("p") } ?? "") THEN NULL
                        ELSE v.schedule END AS schedule
            FROM plan_version v JOIN course c ON c.id = v.course_id
            LEFT JOIN plan_version p ON p.id = v.replaces_id
            WHERE (\(filter))\(kept.map { " AND " + $0("v") } ?? "")
            ORDER BY v.course_id, v.version
            """
        var result: [PlanVersion] = []
        var decoded: [Int64: Schedule] = [:]   // by plan version id
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let schedule: Schedule
            if let text: String = row["schedule"] {
                // Decoded here, not through ScheduleCache: hashing a several-kB key costs about as
                // much as decoding it, and each distinct text is decoded once per call anyway.
                schedule = try Rows.schedule(text, table: PlanVersion.databaseTableName)
            } else if let replaced: Int64 = row["replaces_id"], let same = decoded[replaced] {
                schedule = same
            } else {
                throw PainLadderError.internalError("plan version \(id): the version it replaces was not read with it")
            }
            decoded[id] = schedule
            result.append(try PlanVersion(row: row, schedule: schedule))
        }
        return result
    }

    /// A predicate on the plan version `alias`: no higher version of its course took effect
    /// before `day` (the date is a ``LocalDate``'s digits, safe to write into the SQL).
    static func inForce(_ alias: String, from day: LocalDate) -> String {
        """
        \(alias).version >= COALESCE((SELECT max(h.version) FROM plan_version h
                                      WHERE h.course_id = \(alias).course_id AND h.effective_from < '\(day)'), 0)
        """
    }
}
