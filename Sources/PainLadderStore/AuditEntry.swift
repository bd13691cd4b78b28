import Foundation
import GRDB
import PainLadder

/// One recorded change, as ``Store/auditTrail(patientID:)`` returns it.
///
/// Actions so far: `patient.add`, `patient.update` (detail holds `before` and `after`),
/// `course.start`, `plan.version` (detail names the version, what it replaces, the reason
/// and any change of course status), `decision.<kind>` (a clinician's decision: the version,
/// reason, details, warnings accepted, overrides, status before and after) and `course.stop`
/// (a tapering course whose taper ended).
public struct AuditEntry: Sendable, Equatable, FetchableRecord {
    /// Increases in the order changes were recorded.
    public var id: Int64
    /// When the change happened, as the caller said (`--now` for replays).
    public var at: Date
    /// Who made it.
    public var actor: String
    public var action: String
    public var patientID: String
    public var courseID: Int64?
    /// JSON with sorted keys; its fields depend on `action`.
    public var detail: String

    public init(id: Int64, at: Date, actor: String, action: String, patientID: String, courseID: Int64?,
                detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.patientID = patientID
        self.courseID = courseID
        self.detail = detail
    }

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
