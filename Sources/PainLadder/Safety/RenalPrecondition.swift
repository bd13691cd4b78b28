/// Kidney function as a precondition for drugs dosed by it (renal bands, or a hard stop on
/// creatinine clearance: gabapentin, pregabalin, duloxetine), per the pathway's
/// ``RenalUnknownPolicy``.
///
/// ```swift
/// // 86 years old, no CrCl, gabapentin acknowledged: planned within the lowest band
/// RenalPrecondition.cappedBand(drug, patient: p, on: today, formulary: f)?.label  // "CrCl below 15 mL/min"
/// ```
public enum RenalPrecondition {
    /// The id of the notice on a plan capped because kidney function was unknown.
    public static let cappedRule = "renal-function-unknown-capped"

    /// Whether the drug's dose or one of its hard stops depends on creatinine clearance.
    public static func applies(to drug: Drug, in formulary: Formulary) -> Bool {
        !drug.renalBands.isEmpty
            || (formulary.pathway.rules + drug.rules).contains { $0.kind == .hardStop && $0.when.crClBelow != nil }
    }

    /// The refusal when kidney function is unknown and not acknowledged; `nil` when the
    /// clearance is known, the drug does not depend on it or the pathway sets no policy.
    public static func refusal(_ drug: Drug, patient: Patient, on date: LocalDate, in formulary: Formulary) -> SafetyFinding? {
        guard let policy = formulary.pathway.renalFunctionUnknown, applies(to: drug, in: formulary),
              patient.creatinineClearance(on: date, in: formulary) == nil else { return nil }
        let capped = policy.value.caps(age: patient.age(on: date), frail: patient.frail) && !drug.renalBands.isEmpty
        return SafetyFinding(
            drug: drug.id, rule: SafetyEvaluator.renalFunctionUnknownRule, kind: .hardStop,
            message: "Kidney function unknown: \(drug.name)'s dose or a hard stop depends on creatinine clearance. "
                + "Record a creatinine clearance, or weight and serum creatinine, first; or start with an acknowledgement and a reason"
                + (capped ? " (this patient would then be planned within the most cautious renal band)." : "."),
            sources: policy.sources, status: policy.status)
    }

    /// The band to plan within while kidney function is unknown: the drug's most cautious
    /// (lowest maximum) for a patient the policy caps; `nil` otherwise.
    public static func cappedBand(_ drug: Drug, patient: Patient, on date: LocalDate, formulary: Formulary) -> RenalBand? {
        guard let policy = formulary.pathway.renalFunctionUnknown?.value,
              policy.caps(age: patient.age(on: date), frail: patient.frail) else { return nil }
        return drug.renalBands.min { $0.maximumDailyDose.value < $1.maximumDailyDose.value }
    }

    /// The notice every screen shows for a plan capped this way.
    public static func cappedNotice(_ drug: Drug, band: RenalBand, formulary: Formulary) -> SafetyFinding {
        let policy = formulary.pathway.renalFunctionUnknown
        return SafetyFinding(
            drug: drug.id, rule: cappedRule, kind: .caution,
            message: "kidney function unknown: plan capped within the most cautious renal band (\(band.label), maximum \(band.maximumDailyDose.value) mg/day) until a creatinine clearance, or weight and serum creatinine, is recorded; the plan is re-evaluated at the next decision after that.",
            sources: (policy?.sources ?? []) + band.maximumDailyDose.sources.filter { !(policy?.sources ?? []).contains($0) },
            status: EvidenceStatus.leastCertain([policy?.status ?? .unconfirmed, band.maximumDailyDose.status]) ?? .unconfirmed)
    }
}
