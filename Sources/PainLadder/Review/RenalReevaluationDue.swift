/// In the review: the plan in force was made with kidney function unknown (capped within the
/// most cautious renal band, or with the caution only) and a value has been recorded since,
/// so the next titration decision builds the plan again (``RenalReevaluation``).
///
/// ```swift
/// summary.renalReevaluation?.creatinineClearance   // 55
/// summary.renalReevaluation?.planWasCapped         // true
/// ```
public struct RenalReevaluationDue: Codable, Sendable, Equatable {
    /// The clearance known now, mL/min.
    public var creatinineClearance: Double
    /// Whether the plan was capped within the most cautious band (an older or frail patient).
    public var planWasCapped: Bool
    /// When it happens: "next-decision" (the next continue, hold, reduce or increase).
    public var reevaluatedAt: String = "next-decision"

    public init(creatinineClearance: Double, planWasCapped: Bool) {
        self.creatinineClearance = creatinineClearance
        self.planWasCapped = planWasCapped
    }
}
