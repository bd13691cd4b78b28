/// What an inbox item is about: the clinician-facing events the reminder job raises, most
/// urgent first (``urgency``).
public enum InboxCategory: String, Codable, Sendable, CaseIterable {
    /// A red-flag symptom from the formulary's list for the drug.
    case redFlag = "red-flag"
    /// A dose recorded above the maximum single or daily dose.
    case aboveMaximum = "above-maximum"
    /// Doses in a row with nothing recorded.
    case missedDoses = "missed-doses"
    /// Planned step-ups wait for a clinician.
    case stepUpHeld = "step-up-held"
    /// A review date that has passed.
    case reviewOverdue = "review-overdue"
    /// Recorded supply ran out while doses are still recorded.
    case supplyRunOut = "supply-run-out"

    /// Lower is more urgent: red flags first, then doses above the maximum, missed doses, holds,
    /// overdue reviews, supply.
    public var urgency: Int { Self.allCases.firstIndex(of: self)! }

    /// Whether an open item is handed out again by the reminder job until acknowledged: the
    /// events that may need action the same day.
    public var renotifies: Bool { self == .redFlag || self == .aboveMaximum }
}
