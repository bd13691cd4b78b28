import Foundation
import PainLadder

/// The clinician's inbox: what the reminder job handed to a clinician, until a clinician has
/// seen it (acknowledged) and a decision has dealt with it (resolved).
extension Clinic {
    /// The items most urgent first (red flags first; see ``InboxItem/urgentFirst(_:_:)``):
    /// the open ones, or with `all` every item with its state.
    ///
    /// ```swift
    /// try clinic.inbox(patientID: "P001").first?.category   // .redFlag
    /// ```
    public func inbox(patientID: String? = nil, all: Bool = false) throws -> [InboxItem] {
        try store.inboxItems(patientID: patientID, includeClosed: all).sorted(by: InboxItem.urgentFirst)
    }

    /// Records that a clinician has seen an open item: who, when and a note (audited). It is
    /// not handed out again. A clinician account is needed once the clinic names accounts.
    ///
    /// ```swift
    /// try clinic.acknowledgeInboxItem(7, by: "Dr Rao", note: "phoned: swelling settled", now: .now)
    /// ```
    /// - Throws: `notPermitted`; `invalidValue` on ``Field/item`` for no such item or one
    ///   already acknowledged or resolved, on ``Field/by`` or ``Field/note`` for text that
    ///   cannot be stored.
    @discardableResult
    public func acknowledgeInboxItem(_ id: Int64, by author: String, note: String?, now: Date) throws -> InboxItem {
        try permit(.clinician)
        try StoredText.check(author, field: .by, required: true)
        if let note { try StoredText.check(note, field: .note) }
        return try store.acknowledgeInboxItem(id: id, at: now, by: author, note: note) { item in
            guard let item else {
                throw PainLadderError.invalidValue(field: .item, given: "\(id)", allowed: "the number of an inbox item")
            }
            if let ack = item.acknowledgement {
                throw PainLadderError.invalidValue(
                    field: .item, given: "\(id)",
                    allowed: "an open inbox item (#\(id) was acknowledged by \(ack.by) at \(ISO8601DateFormatter().string(from: ack.at)))")
            }
            if let resolution = item.resolution {
                throw PainLadderError.invalidValue(
                    field: .item, given: "\(id)",
                    allowed: "an open inbox item (#\(id) was resolved by a decision, plan version \(resolution.planVersionID))")
            }
        }
    }
}
