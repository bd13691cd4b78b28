extension ReviewSummary {
    /// True when the plan in force was made with kidney function unknown and a value has been
    /// recorded since: the next titration decision re-evaluates it (``RenalReevaluation``).
    ///
    /// ```swift
    /// if summary.renalReevaluationDue { print("the plan is re-evaluated at the next decision") }
    /// ```
    public var renalReevaluationDue: Bool { renalReevaluation != nil }

    /// What ``renalReevaluation`` holds for `course` with `crCl` known now; `nil` when the plan
    /// was made with kidney function known, or it is still unknown.
    static func renalReevaluation(_ course: CourseReview?, crCl: Double?) -> RenalReevaluationDue? {
        guard let crCl, let course, course.cautions.contains(where: { RenalReevaluation.unknownRules.contains($0.rule) })
        else { return nil }
        return RenalReevaluationDue(creatinineClearance: crCl,
                                    planWasCapped: course.cautions.contains { $0.rule == RenalPrecondition.cappedRule })
    }
}
