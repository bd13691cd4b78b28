/// Evaluates the formulary's safety rules against a patient: which hard stops refuse a
/// drug and which cautions must be shown and recorded.
///
/// Rules come from two places: the pathway (``PathwaySettings/rules``, e.g. trigeminal
/// neuralgia leaves the ladder) and the drug (``Drug/rules``). Pathway findings come first,
/// then the drug's, each in the order the formulary lists them. A rule's conditions are
/// joined by AND (see ``RuleMatcher``).
///
/// ```swift
/// let findings = SafetyEvaluator.evaluate(drug, for: patient, on: today, in: formulary,
///                                         alsoTaking: ["pregabalin"])
/// if let stop = findings.first(where: { $0.kind == .hardStop }) { print(stop.message) }
/// ```
public enum SafetyEvaluator {
    /// The id of the caution given when renal function is unknown but the drug's dosing or a
    /// hard stop depends on it.
    public static let renalFunctionUnknownRule = "renal-function-unknown"

    /// Every rule that matches `patient` on `date` for `drug`.
    ///
    /// - Parameter alsoTaking: drugs the patient takes that are not in `patient.medicines`,
    ///   e.g. the drug of another active course; they are matched exactly like medicines.
    /// - Returns: the matched rules as findings. When the creatinine clearance is unknown
    ///   and the drug has renal bands or a hard stop on creatinine clearance (duloxetine
    ///   below 30 mL/min), a caution ``renalFunctionUnknownRule`` is added; without a height,
    ///   when the choice of weight could change the band, a ``WeightChoiceCheck`` caution last.
    public static func evaluate(_ drug: Drug, for patient: Patient, on date: LocalDate, in formulary: Formulary,
                                alsoTaking: [String] = []) -> [SafetyFinding] {
        let matcher = RuleMatcher(patient: patient, date: date, formulary: formulary, alsoTaking: alsoTaking)
        let rules = formulary.pathway.rules + drug.rules
        var findings = rules.filter { matcher.matches($0.when) }.map { rule in
            SafetyFinding(drug: drug.id, rule: rule.id, kind: rule.kind, message: rule.message,
                          sources: rule.sources, status: rule.status)
        }
        if matcher.crCl == nil, let unknown = renalFunctionUnknown(drug, rules: rules) {
            findings.append(unknown)
        }
        if let weight = WeightChoiceCheck.finding(drug, patient: patient, on: date, in: formulary) {
            findings.append(weight)
        }
        return findings
    }

    /// The caution for unknown renal function, when the drug's dosing or a rule needs it.
    static func renalFunctionUnknown(_ drug: Drug, rules: [SafetyRule]) -> SafetyFinding? {
        let renalRules = rules.filter { $0.kind == .hardStop && $0.when.crClBelow != nil }
        guard !drug.renalBands.isEmpty || !renalRules.isEmpty else { return nil }
        let cited = drug.renalBands.map(\.maximumDailyDose.sources) + renalRules.map(\.sources)
        let statuses = drug.renalBands.map(\.maximumDailyDose.status) + renalRules.map(\.status)
        var sources: [String] = []
        for tag in cited.joined() where !sources.contains(tag) { sources.append(tag) }
        let what = drug.renalBands.isEmpty
            ? "the renal safety rules (\(renalRules.map(\.id).joined(separator: ", "))) could not be checked"
            : "no renal dose band was applied"
        return SafetyFinding(
            drug: drug.id, rule: renalFunctionUnknownRule, kind: .caution,
            message: "Renal function unknown: \(what). Record a creatinine clearance, or weight and serum creatinine, and rebuild the schedule.",
            sources: sources, status: EvidenceStatus.leastCertain(statuses) ?? .confirmed)
    }
}

extension EvidenceStatus {
    /// The least certain of `statuses` (unconfirmed, then PainLadder's choice, then local,
    /// then confirmed).
    static func leastCertain(_ statuses: [EvidenceStatus]) -> EvidenceStatus? {
        if statuses.contains(.unconfirmed) { return .unconfirmed }
        if statuses.contains(.choice) { return .choice }
        if statuses.contains(.local) { return .local }
        return statuses.isEmpty ? nil : .confirmed
    }
}
