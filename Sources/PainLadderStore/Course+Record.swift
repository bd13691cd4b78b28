import Foundation
import GRDB
import PainLadder

/// A course is a row of `course`: GRDB's `fetchAll`, `fetchOne(db, key:)` and `insert` apply.
extension Course: FetchableRecord, TableRecord, EncodableRecord,
                  MutablePersistableRecord {
    public static var databaseTableName: String { "course" }

    public init(row: Row) throws {
        let t = "course"
        let outcome: String? = row["outcome"]
        self.init(id: row["id"], patientID: row["patient_id"], drug: row["drug"], variant: row["variant"],
                  startDate: try Rows.date(row, "start_date", table: t),
                  status: try Rows.enumValue(row, "status", table: t),
                  outcome: try outcome.map { _ in try Rows.enumValue(row, "outcome", table: t) },
                  createdAt: try Rows.instant(row, "created_at", table: t), createdBy: row["created_by"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["patient_id"] = patientID
        container["drug"] = drug
        container["variant"] = variant
        container["start_date"] = startDate.description
        container["status"] = status.rawValue
        container["outcome"] = outcome?.rawValue
        container["created_at"] = StoreTime.string(createdAt)
        container["created_by"] = createdBy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
