import Foundation
import GRDB
import PainLadder
import PainLadderClinic

extension AuditEntry: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], at: try Rows.instant(row, "at", table: "audit"), actor: row["actor"],
                  action: row["action"], patientID: row["patient_id"], courseID: row["course_id"],
                  detail: row["detail"])
    }
}

extension Store {
    /// Every recorded change for a patient, oldest first (in the order recorded).
    ///
    /// ```swift
    /// for entry in try store.auditTrail(patientID: "P001") {
    ///     print(entry.at, entry.actor, entry.action)
    /// }
    /// ```
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func auditTrail(patientID: String) throws -> [AuditEntry] {
        try read { db in
            try Self.requirePatient(patientID, db)
            return try SQLRequest<AuditEntry>("SELECT * FROM audit WHERE patient_id = \(patientID) ORDER BY id").fetchAll(db)
        }
    }

    /// Appends one audit row; `detail` is stored as JSON.
    static func audit(_ db: Database, at: Date, actor: String, action: String, patientID: String,
                      courseID: Int64?, detail: some Encodable) throws {
        try db.insertRow(into: "audit", [
            "at": StoreTime.string(at), "actor": actor, "action": action, "patient_id": patientID,
            "course_id": courseID, "detail": try StoreJSON.encode(detail),
        ])
    }
}
