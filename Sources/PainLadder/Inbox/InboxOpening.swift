import Foundation

/// An inbox item the reminder job opens, in the transaction that claims the reminder it
/// comes from (see ``InboxOpening/init(_:renotifyEvery:)``).
public struct InboxOpening: Sendable, Equatable {
    public var category: InboxCategory
    /// The reminder that opens it: the lines that hand it out again are made from it.
    public var reminder: Reminder
    /// `nil` for a category that is not re-notified.
    public var renotifyAfter: TimeInterval?

    /// The item a clinician-facing reminder opens, or `nil` for one that opens none (a
    /// patient's reminder, a review not yet overdue).
    ///
    /// ```swift
    /// InboxOpening(missedDosesReminder, renotifyEvery: 7200)?.category   // .missedDoses
    /// ```
    public init?(_ r: Reminder, renotifyEvery interval: TimeInterval) {
        guard r.audience == .clinician else { return nil }
        let category: InboxCategory
        switch r.kind {
        case .clinician: category = r.flag == .redFlag ? .redFlag : .aboveMaximum
        case .stepUpHeld: category = .stepUpHeld
        case .missedDoses: category = .missedDoses
        case .reviewOverdue: category = .reviewOverdue
        case .supply: category = .supplyRunOut
        case .reviewDue, .dose, .doseChange: return nil
        }
        self.category = category
        reminder = r
        renotifyAfter = category.renotifies ? interval : nil
    }
}
