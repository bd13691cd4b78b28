import PainLadder

/// A plan version's schedule; steps after a hold are marked `held`, steps above the target
/// `undated` (``StepJSON``).
struct ScheduleJSON: Encodable {
    var drug: String
    var variant: String
    var renalBand: String?
    var steps: [StepJSON]
    var maximumDailyDose: SourcedJSON
    var usualTarget: SourcedJSON
    var cautions: [FindingJSON]
    var offLabel: Bool

    init(_ plan: PlanVersion) {
        let s = plan.schedule
        // A held plan stays on the step in force when the hold began, whatever the date.
        let heldAt = plan.holdReason == nil ? nil
            : plan.step(on: (s.steps.map(\.startDate).max() ?? plan.effectiveFrom).adding(days: 1))?.number
        drug = s.drug
        variant = s.variant
        renalBand = s.renalBand
        steps = s.steps.map { step in
            StepJSON(step, held: heldAt.map { !step.beyondTarget && step.number > $0 } ?? false)
        }
        maximumDailyDose = SourcedJSON(s.maximumDailyDose)
        usualTarget = SourcedJSON(s.usualTarget)
        cautions = s.cautions.map(FindingJSON.init)
        offLabel = s.offLabel
    }
}
