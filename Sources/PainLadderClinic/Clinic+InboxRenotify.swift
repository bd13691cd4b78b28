import Foundation
import PainLadder

/// The reminder job's part of the inbox: open red flags and doses above the maximum are
/// handed out again every ``ReminderPolicy/inboxRenotifyInterval`` until a clinician
/// acknowledges them (or a decision resolves them). Exactly once per repeat: each repeat has
/// its own key (`clinician:c12:e41:r1`, `…:r2`), claimed like any reminder.
extension Clinic {
    /// Hands out the repeats due at `now` (an indexed read of the items due, so a run's cost
    /// grows with what is due, not with the inbox).
    func renotifyInbox(now: Date, policy: ReminderPolicy, mode: RemindMode, into result: inout RemindResult) throws {
        for (item, original) in try store.inboxDueForRenotification(now: now) {
            let repeatNumber = item.renotified + 1
            var r = original
            r.key = "\(original.key):r\(repeatNumber)"
            r.message = "Not yet acknowledged (inbox item \(item.id), repeat \(repeatNumber)): \(original.message)"
            let next = now.addingTimeInterval(policy.inboxRenotifyInterval)
            switch mode {
            case .dryRun:
                result.reminders.append(r)
            case let .inline(handOut):
                if try store.claimInboxRenotification(itemID: item.id, reminder: r, now: now, next: next, confirmed: true,
                                                      handOut: handOut) {
                    result.reminders.append(r)
                }
            case let .confirmed(deliver):
                if try store.claimInboxRenotification(itemID: item.id, reminder: r, now: now, next: next, confirmed: false,
                                                      handOut: { _ in }) {
                    try deliverClaimed(r, now: now, deliver: deliver, into: &result, resend: false)
                }
            }
        }
    }
}

extension ReminderPlan {
    /// The plan with the inbox items its clinician reminders open (see ``InboxOpening``).
    func openingInbox(_ policy: ReminderPolicy) -> ReminderPlan {
        var plan = self
        plan.inbox = reminders.compactMap { InboxOpening($0, renotifyEvery: policy.inboxRenotifyInterval) }
        return plan
    }
}
