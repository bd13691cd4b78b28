import Foundation
import PainLadder

/// The clinic's local formulary kept in the clinic: stored once (versioned, audited) and
/// used by every command, instead of a file passed on each.
extension Clinic {
    /// The overlay in force (the newest version), if the clinic stored one.
    public func storedFormularyOverlay() throws -> StoredFormularyOverlay? { try store.formularyOverlay() }

    /// Stores a new version of the clinic's overlay (audit `formulary.use`). The caller has
    /// validated `content` (it reads it into a formulary first). A clinician account is
    /// needed once the clinic names accounts.
    ///
    /// ```swift
    /// try clinic.useFormularyOverlay(content: data, file: "west-suffolk.json", name: "West Suffolk pathway",
    ///                                by: "Dr Rao", reason: "pathway 2026", now: .now)
    /// ```
    @discardableResult
    public func useFormularyOverlay(content: Data, file: String, name: String, by author: String, reason: String,
                                    now: Date) throws -> StoredFormularyOverlay {
        try permit(.clinician)
        try StoredText.check(author, field: .by, required: true)
        try StoredText.check(reason, field: .reason, required: true)
        return try store.storeFormularyOverlay(content: content, file: file, name: name, at: now, by: author, reason: reason)
    }
}

extension AuditEvent {
    /// `formulary.use`: a new version of the clinic's overlay (no patient).
    public static func formularyOverlayStored(_ o: StoredFormularyOverlay) -> AuditEvent {
        AuditEvent(at: o.storedAt, actor: o.storedBy, action: "formulary.use", patientID: nil, courseID: nil,
                   detail: ["version": "\(o.version)", "name": o.name, "file": o.file, "sha256": o.sha256, "reason": o.reason])
    }
}
