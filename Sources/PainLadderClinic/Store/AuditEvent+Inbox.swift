import Foundation
import PainLadder

/// The inbox's audit rows: an item opened by the reminder job, acknowledged by a clinician.
/// (A decision's own row records a resolution: the item's event names its plan version.)
extension AuditEvent {
    /// `inbox.open`: the item, its category and the reminder key it came from.
    public static func inboxOpened(id: Int64, _ opening: InboxOpening, at: Date) -> AuditEvent {
        AuditEvent(at: at, actor: ReminderPlanner.author, action: "inbox.open", patientID: opening.reminder.patientID,
                   courseID: opening.reminder.courseID,
                   detail: InboxAudit(item: id, category: opening.category.rawValue, key: opening.reminder.key, note: nil))
    }

    /// `inbox.acknowledge`: who (the record's author), the item and the note.
    public static func inboxAcknowledged(_ item: InboxItem, by: String, note: String?, at: Date) -> AuditEvent {
        AuditEvent(at: at, actor: by, action: "inbox.acknowledge", patientID: item.patientID, courseID: item.courseID,
                   detail: InboxAudit(item: item.id, category: item.category.rawValue, key: item.key, note: note))
    }
}

struct InboxAudit: Encodable, Sendable {
    var item: Int64
    var category: String
    var key: String
    var note: String?
}
