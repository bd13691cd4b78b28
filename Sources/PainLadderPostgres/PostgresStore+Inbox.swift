import Foundation
import PainLadder
import PainLadderClinic

/// The inbox and the stored formulary overlay are not yet kept on PostgreSQL: reads answer
/// "none", writes refuse and change nothing (issue 18 builds them with the reminder job).
extension PostgresStore {
    public func formularyOverlay() throws -> StoredFormularyOverlay? { nil }

    public func storeFormularyOverlay(content: Data, file: String, name: String, at: Date, by: String,
                                      reason: String) throws -> StoredFormularyOverlay {
        throw Self.notYet("storing the clinic's formulary")
    }

    public func inboxItems(patientID: String?, includeClosed: Bool) throws -> [InboxItem] { [] }

    public func acknowledgeInboxItem(id: Int64, at: Date, by: String, note: String?,
                                     _ check: (InboxItem?) throws -> Void) throws -> InboxItem {
        throw Self.notYet("the clinician's inbox")
    }

    public func inboxDueForRenotification(now: Date) throws -> [(item: InboxItem, reminder: Reminder)] { [] }

    public func claimInboxRenotification(itemID: Int64, reminder: Reminder, now: Date, next: Date, confirmed: Bool,
                                         handOut: (Reminder) throws -> Void) throws -> Bool {
        throw Self.notYet("the clinician's inbox")
    }
}
