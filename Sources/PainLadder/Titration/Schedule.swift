/// A dated titration schedule for one course, as the core generates it.
public struct Schedule: Codable, Sendable, Equatable {
    public var drug: String
    public var variant: String
    /// The renal band applied, if any.
    public var renalBand: String?
    /// All steps in order: planned ones first (`beyondTarget == false`), then the steps
    /// above the usual target up to this patient's maximum, for a later decision.
    public var steps: [TitrationStep]
    /// This patient's maximum daily dose and why (drug, variant, renal band or local cap).
    public var maximumDailyDose: Sourced<Milligrams>
    public var usualTarget: Sourced<Milligrams>
    /// Cautions that applied when the schedule was made (shown and recorded, not refusals).
    public var cautions: [SafetyFinding]
    /// True when the patient's diagnosis is outside the drug's UK licence.
    public var offLabel: Bool

    public init(drug: String, variant: String, renalBand: String?, steps: [TitrationStep],
                maximumDailyDose: Sourced<Milligrams>, usualTarget: Sourced<Milligrams>,
                cautions: [SafetyFinding], offLabel: Bool) {
        self.drug = drug
        self.variant = variant
        self.renalBand = renalBand
        self.steps = steps
        self.maximumDailyDose = maximumDailyDose
        self.usualTarget = usualTarget
        self.cautions = cautions
        self.offLabel = offLabel
    }

    public var plannedSteps: [TitrationStep] { steps.filter { !$0.beyondTarget } }

    /// The step in force on `date`: the last planned step that has started.
    public func step(on date: LocalDate) -> TitrationStep? {
        // Not `plannedSteps.last`: that builds an array on every call, and calendars call this for every day.
        steps.last { !$0.beyondTarget && $0.startDate <= date }
    }
}

/// A safety rule that matched a patient.
public struct SafetyFinding: Codable, Sendable, Equatable, Hashable {
    public var drug: String
    public var rule: String
    public var kind: SafetyRule.Kind
    public var message: String
    public var sources: [String]
    public var status: EvidenceStatus

    public init(drug: String, rule: String, kind: SafetyRule.Kind, message: String,
                sources: [String], status: EvidenceStatus) {
        self.drug = drug
        self.rule = rule
        self.kind = kind
        self.message = message
        self.sources = sources
        self.status = status
    }
}
