import Foundation
import GRDB
import PainLadder

/// A supply event is a row of `supply_event`. It is written with the row's `recorded_at`,
/// which is the store's bookkeeping (``Store/addSupply(_:recordedAt:)``).
extension SupplyEvent: FetchableRecord {
    public init(row: Row) throws {
        let t = "supply_event"
        self.init(id: row["id"], patientID: row["patient_id"], courseID: row["course_id"], drug: row["drug"],
                  strength: Strength(mg: row["strength_mg"], form: row["form"]),
                  kind: try Rows.enumValue(row, "kind", table: t), units: row["units"],
                  at: try Rows.instant(row, "at", table: t), recordedBy: row["recorded_by"])
    }
}
