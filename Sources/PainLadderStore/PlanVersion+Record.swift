import Foundation
import GRDB
import PainLadder

/// A plan version is a row of `plan_version` (append-only): GRDB's `fetchOne`, `fetchAll`
/// and `insert` apply. ``init(row:schedule:)`` is the one decoder of its columns; the
/// readers differ only in how they obtain the schedule (decoded here, from
/// ``ScheduleCache``, or shared with the version it replaces: ``Store/fetchPlanVersions(where:arguments:decisions:_:)``).
extension PlanVersion: FetchableRecord, TableRecord, EncodableRecord,
                       MutablePersistableRecord {
    public static var databaseTableName: String { "plan_version" }

    public init(row: Row) throws {
        try self.init(row: row, schedule: Rows.schedule(row, table: Self.databaseTableName))
    }

    /// Every column but `schedule`, which is given.
    init(row: Row, schedule: Schedule) throws {
        let t = Self.databaseTableName
        let overrides: String = row["overrides"]
        let decision = try (row["decision"] as String?).map { text in
            do { return try DecisionColumn.read(text) } catch {
                throw Rows.Unreadable(table: t, column: "decision", value: String(text.prefix(80)))
            }
        }
        self.init(id: row["id"], courseID: row["course_id"], version: row["version"],
                  replacesID: row["replaces_id"], createdAt: try Rows.instant(row, "created_at", table: t),
                  author: row["author"], reason: row["reason"], schedule: schedule,
                  effectiveFrom: try Rows.date(row, "effective_from", table: t),
                  holdReason: row["hold_reason"],
                  // Almost every version has none: skip the decoder for the common text.
                  overrides: overrides == "[]" ? [] : try Rows.json(row, "overrides", as: [Override].self, table: t),
                  nextReviewDate: try Rows.optionalDate(row, "next_review_date", table: t),
                  decision: decision?.decision)
        effectiveTime = decision?.effectiveTime
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["course_id"] = courseID
        container["version"] = version
        container["replaces_id"] = replacesID
        container["created_at"] = StoreTime.string(createdAt)
        container["author"] = author
        container["reason"] = reason
        container["effective_from"] = effectiveFrom.description
        container["hold_reason"] = holdReason
        container["next_review_date"] = nextReviewDate?.description
        container["overrides"] = try StoreJSON.encode(overrides)
        container["schedule"] = try StoreJSON.encode(schedule)
        container["decision"] = try DecisionColumn.text(self)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
