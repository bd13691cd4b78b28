/// The titration a patient follows when more than one profile applies (the variant, e.g.
/// elderly/frail, and the renal band's own titration): the more cautious of every parameter.
///
/// Each profile is first expanded to its daily totals up to the patient's maximum (the
/// lowest of every limit, ``DoseLimits``). Then, step by step:
/// - the dose of step *k* is the lowest of the profiles' step *k* (so the start is the lower
///   one, and no step is above any profile's step at the same position);
/// - its usual and minimum days are the longest of the profiles' for that position (a
///   profile whose steps have ended counts with its general interval);
/// - it is split into administrations the way its own profile splits it.
/// A later step never starts earlier than the same step of any profile, and is never higher,
/// so at any day the plan is at or below every single profile that applies. The usual target
/// is the lowest of the profiles'.
///
/// ```swift
/// // pregabalin, frail, CrCl 45: elderly [50, 100, 150, 300, 600] (7/7 days), band 30–60
/// // [75, 150, 300] (7/3 days), maximum 300 → 50, 100, 150, 300 mg/day, every 7 days (minimum 7)
/// ```
public struct CautiousTitration: Sendable {
    /// One planned step and the profile whose split it uses.
    public struct Entry: Sendable, Equatable {
        public var template: StepTemplate
        public var profile: TitrationVariant
    }

    public let entries: [Entry]
    /// The lowest usual target of the profiles.
    public let usualTarget: Sourced<Milligrams>
    /// The profile whose times and doses-a-day lead (the first given: the variant).
    public let lead: TitrationVariant

    /// - Parameter expanded: each profile with its templates from ``StepExpansion``, the
    ///   variant first.
    public init(_ expanded: [(profile: TitrationVariant, templates: [StepTemplate])]) {
        lead = expanded[0].profile
        usualTarget = expanded.map(\.profile.usualTarget).min { $0.value < $1.value }!
        let length = expanded.map(\.templates.count).max() ?? 0
        var entries: [Entry] = []
        for k in 0..<length {
            let present = expanded.filter { k < $0.templates.count }
            // The lowest dose at this position; on a tie the one listed first.
            let chosen = present.min { $0.templates[k].dailyDose < $1.templates[k].dailyDose }!
            var template = chosen.templates[k]
            let usual = expanded.map { p in k < p.templates.count ? (p.templates[k].usualDays ?? p.profile.daysBetweenSteps.value.usual)
                                                                 : p.profile.daysBetweenSteps.value.usual }.max()!
            let minimum = expanded.map { p in k < p.templates.count ? (p.templates[k].minimumDays ?? p.profile.daysBetweenSteps.value.minimum)
                                                                   : p.profile.daysBetweenSteps.value.minimum }.max()!
            template.minimumDays = minimum
            template.usualDays = max(usual, minimum)
            entries.append(Entry(template: template, profile: chosen.profile))
        }
        self.entries = entries
    }

    /// The longest interval of `profiles` (usual and minimum each the longest), with the
    /// sources of the profile that gives the longer minimum.
    public static func interval(_ profiles: [TitrationVariant]) -> Sourced<StepInterval> {
        var result = profiles[0].daysBetweenSteps
        for p in profiles.dropFirst() {
            let other = p.daysBetweenSteps
            let usual = max(result.value.usual, other.value.usual)
            if other.value.minimum > result.value.minimum { result = other }
            result.value = StepInterval(usual: usual, minimum: result.value.minimum)
        }
        return result
    }
}
