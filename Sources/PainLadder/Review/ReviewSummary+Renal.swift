extension ReviewSummary {
    /// True when the plan in force was made with kidney function unknown and a value has been
    /// recorded since: the next titration decision re-evaluates it (``RenalReevaluation``).
    ///
    /// ```swift
    /// if summary.renalReevaluationDue { print("the plan is re-evaluated at the next decision") }
    /// ```
    public var renalReevaluationDue: Bool {
        guard creatinineClearance != nil, let course else { return false }
        return course.cautions.contains { RenalReevaluation.unknownRules.contains($0.rule) }
    }
}
