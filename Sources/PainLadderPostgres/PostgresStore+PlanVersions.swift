import Foundation
import PainLadder
import PainLadderClinic
import PostgresNIO

/// Plan version rows: append-only (a trigger refuses UPDATE and DELETE), numbered by the server.
extension PostgresStore {
    static let planColumns = """
        id, course_id, version, replaces_id, created_at, author, reason, effective_from::text, effective_time,
        hold_reason, next_review_date::text, overrides::text, schedule::text, decision::text
        """

    func insertPlanVersion(_ v: PlanVersion) throws -> Int64 {
        let decision = try v.decision.map(PostgresJSON.encode)
        let rows = try session.run("""
            INSERT INTO plan_version (course_id, version, replaces_id, created_at, author, reason, effective_from,
                effective_time, hold_reason, next_review_date, overrides, schedule, decision)
            VALUES (\(v.courseID), \(v.version), \(v.replacesID), \(PostgresTime.rounded(v.createdAt)), \(v.author),
                \(v.reason), \(v.effectiveFrom.description)::date, \(v.effectiveTime?.description), \(v.holdReason),
                \(v.nextReviewDate?.description)::date, \(try PostgresJSON.encode(v.overrides))::jsonb,
                \(try PostgresJSON.encode(v.schedule))::jsonb, \(decision)::jsonb)
            RETURNING id
            """)
        return try rows[0].decode(Int64.self)
    }

    func fetchPlanVersion(_ id: Int64) throws -> PlanVersion {
        guard let row = try session.run("SELECT \(unescaped: Self.planColumns) FROM plan_version WHERE id = \(id)").first
        else { throw PainLadderError.internalError("plan version \(id) vanished") }
        return try Self.planVersion(from: row)
    }

    /// The course's highest version, or `nil`.
    func fetchCurrentPlan(_ courseID: Int64) throws -> PlanVersion? {
        try session.run("""
            SELECT \(unescaped: Self.planColumns) FROM plan_version WHERE course_id = \(courseID)
            ORDER BY version DESC LIMIT 1
            """).first.map(Self.planVersion(from:))
    }

    static func planVersion(from row: PostgresRow) throws -> PlanVersion {
        let c = row.makeRandomAccess()
        func column<T: PostgresDecodable>(_ i: Int, _ type: T.Type) throws -> T { try c[i].decode(T.self) }
        let time = try column(8, String?.self)
        var v = PlanVersion(
            id: try column(0, Int64.self), courseID: try column(1, Int64.self), version: try column(2, Int.self),
            replacesID: try column(3, Int64?.self), createdAt: PostgresTime.rounded(try column(4, Date.self)), author: try column(5, String.self),
            reason: try column(6, String.self),
            schedule: try PostgresJSON.decode(Schedule.self, from: try column(12, String.self)),
            effectiveFrom: try Self.date(try column(7, String.self), "plan_version.effective_from"),
            holdReason: try column(9, String?.self),
            overrides: try PostgresJSON.decode([Override].self, from: try column(11, String.self)),
            nextReviewDate: try column(10, String?.self).map { try Self.date($0, "plan_version.next_review_date") },
            decision: try column(13, String?.self).map { try PostgresJSON.decode(Decision.self, from: $0) })
        v.effectiveTime = try time.map { text in
            guard let t = LocalTime(parsing: text) else {
                throw PainLadderError.internalError("plan_version.effective_time '\(text)' is not a time")
            }
            return t
        }
        return v
    }

    /// A `date` column read as text (`YYYY-MM-DD`).
    static func date(_ text: String, _ column: String) throws -> LocalDate {
        guard let date = LocalDate(parsing: text) else {
            throw PainLadderError.internalError("\(column) '\(text)' is not a date")
        }
        return date
    }
}
