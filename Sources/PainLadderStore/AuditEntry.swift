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

    /// Appends one audit row (`detail` stored as JSON) and its link in the chain (see
    /// ``AuditSeal``), recording the operating-system account that wrote it.
    ///
    /// - Parameter previous: the newest link, when the caller keeps it (the bulk loader);
    ///   `nil` reads it.
    /// - Returns: the new row's link.
    @discardableResult
    static func audit(_ db: Database, _ event: AuditEvent, previous: Data? = nil) throws -> Data {
        let (actor, action, patientID, courseID) = (event.actor, event.action, event.patientID, event.courseID)
        let at = StoreTime.string(event.at), detail = try StoreJSON.encode(event.detail)
        let previous = try previous ?? AuditSeal.head(db)
        let id = try db.insertRow(into: "audit", [
            "at": at, "actor": actor, "action": action, "patient_id": patientID, "course_id": courseID, "detail": detail,
        ])
        let account = SystemAccount.current
        let link = AuditSeal.link(previous: previous, id: id, at: at, actor: actor, action: action, patientID: patientID,
                                  courseID: courseID, detail: detail, account: account)
        try db.cachedStatement(sql: AuditSeal.insertSQL).execute(arguments: [id, account, link])
        return link
    }
}
