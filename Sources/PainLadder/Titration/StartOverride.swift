/// A refusal a clinician may pass when starting a course, explicitly and with a reason.
/// Each one used is kept as an ``Override`` on the plan version and shown on every screen
/// that shows the plan.
///
/// ```swift
/// try ScheduleBuilder.build(formulary: f, drugID: "pregabalin", variantID: nil, patient: child,
///                           startDate: today, times: nil, overrides: [.age])
/// // built; its cautions start with the unlicensed notice
/// ```
public enum StartOverride: String, Codable, Sendable, CaseIterable {
    /// A hard stop on age (the pathway's adults-only rule): the plan is unlicensed.
    case age
    /// Kidney function unknown for a drug dosed by it: started anyway, capped for older or
    /// frail patients (``RenalUnknownPolicy``).
    case kidneyFunctionUnknown = "kidney-function-unknown"

    /// The name kept in ``Override/limit``.
    public var recordedName: String {
        switch self {
        case .age: "hardStop:age"
        case .kidneyFunctionUnknown: "renalFunctionUnknown"
        }
    }

    /// Whether this override lets `rule` (a refusal at start) pass.
    public func passes(_ rule: SafetyRule?, id: String) -> Bool {
        switch self {
        case .age: rule?.when.ageBelow != nil
        case .kidneyFunctionUnknown: id == SafetyEvaluator.renalFunctionUnknownRule
        }
    }
}
