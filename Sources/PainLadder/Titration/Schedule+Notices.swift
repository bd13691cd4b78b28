extension Schedule {
    /// The rule id of a caution that records a hard stop passed on a clinician's override
    /// starts with this ("override:adults-only").
    public static let overriddenPrefix = "override:"

    /// What every screen that shows this plan must show: a hard stop passed on an override
    /// (an unlicensed start) and a plan capped because kidney function was unknown.
    ///
    /// ```swift
    /// schedule.standingNotices.map(\.message)
    /// // ["UNLICENSED, started on a clinician's override: Not started under 18: …"]
    /// ```
    public var standingNotices: [SafetyFinding] {
        cautions.filter { $0.rule.hasPrefix(Self.overriddenPrefix) || $0.rule == RenalPrecondition.cappedRule }
    }

    /// The other cautions (shown where cautions are listed).
    public var otherCautions: [SafetyFinding] {
        let standing = Set(standingNotices)
        return cautions.filter { !standing.contains($0) }
    }
}
