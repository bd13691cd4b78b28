import Foundation

/// One recorded change, as ``ClinicStore/auditTrail(patientID:)`` returns it.
///
/// Actions so far: `patient.add`, `patient.update` (detail holds `before` and `after`),
/// `course.start`, `plan.version` (detail names the version, what it replaces, the reason
/// and any change of course status), `decision.<kind>` (a clinician's decision: the version,
/// reason, details, warnings accepted, overrides, status before and after) and `course.stop`
/// (a tapering course whose taper ended).
public struct AuditEntry: Sendable, Equatable {
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
}
