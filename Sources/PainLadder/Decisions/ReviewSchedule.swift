/// When the next review falls after a decision. NICE CG173 asks for an early review after
/// starting or changing treatment and regular reviews after (recs 1.1.5–1.1.6) but sets no
/// interval; the intervals are the formulary's `reviews` (local practice), and the clinician
/// may set the date instead (`--next-review`).
///
/// - a change of plan (`hold`, `reduce`, `increase`, `stop`): `earlyDays` from today;
/// - a new drug (`switch`): the new drug's `earlyDays` from the day it starts;
/// - no change (`continue`, `refer`): `regularDays` from today.
public enum ReviewSchedule {
    public enum Kind: String, Codable, Sendable {
        case early, regular
    }

    public static func kind(for decision: Decision.Kind) -> Kind {
        switch decision {
        case .continue, .refer: .regular
        default: .early
        }
    }

    /// The default next review for `decision` on `drug`, counted from `from`.
    public static func next(after decision: Decision.Kind, drug: Drug, from: LocalDate) -> LocalDate {
        let intervals = drug.reviews.value
        return from.adding(days: kind(for: decision) == .early ? intervals.earlyDays : intervals.regularDays)
    }
}
