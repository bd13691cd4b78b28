/// When the next review falls after a decision. NICE CG173 asks for an early review after
/// starting or changing treatment and regular reviews after (recs 1.1.5–1.1.6) but sets no
/// interval; the intervals are the formulary's `reviews` (local practice), and the clinician
/// may set the date instead (`--next-review`).
///
/// - a change of plan (`hold`, `reduce`, `increase`, `stop`): `earlyDays` from today;
/// - a new drug (`switch`): the new drug's `earlyDays` from the day it starts;
/// - no change (`continue`, `refer`): `regularDays` from today; but a `continue` that lifts a
///   hold with a higher step to come raises the dose, and takes `earlyDays`;
/// - a hold reported by the patient brings a later review forward to `earlyDays` from today.
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

    /// As ``kind(for:)-swift.type.method``, for a decision with its details: a `continue`
    /// that lifts a hold (`holdLifted`) with a higher step to come (`nextStep`) raises the dose.
    public static func kind(for decision: Decision) -> Kind {
        if decision.kind == .continue, decision.details["holdLifted"] != nil, decision.details["nextStep"] != nil {
            return .early
        }
        return kind(for: decision.kind)
    }

    /// A hold's next review: the one already set, brought forward to the early interval from
    /// `from` when it is later (or when none is set): a held patient waits for a clinician.
    public static func broughtForward(_ review: LocalDate?, drug: Drug, from: LocalDate) -> LocalDate {
        let early = from.adding(days: drug.reviews.value.earlyDays)
        return review.map { min($0, early) } ?? early
    }

    /// The default next review for `decision` on `drug`, counted from `from`.
    public static func next(after decision: Decision.Kind, drug: Drug, from: LocalDate) -> LocalDate {
        next(kind(for: decision), drug: drug, from: from)
    }

    /// The default next review of `kind` on `drug`, counted from `from`.
    public static func next(_ kind: Kind, drug: Drug, from: LocalDate) -> LocalDate {
        let intervals = drug.reviews.value
        return from.adding(days: kind == .early ? intervals.earlyDays : intervals.regularDays)
    }
}
