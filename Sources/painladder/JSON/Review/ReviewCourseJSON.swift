import PainLadder

/// The course in progress as a review sees it: where the patient is on the plan.
struct ReviewCourseJSON: Encodable {
    /// A step's daily dose, start and doses.
    struct StepDoseJSON: Encodable {
        var number: Int
        var dailyDoseMg: Int
        var startDate: String
        var administrations: [AdministrationJSON]

        init(_ s: StepDose) {
            number = s.number
            dailyDoseMg = s.dailyDoseMg
            startDate = s.startDate.description
            administrations = s.administrations.map(AdministrationJSON.init)
        }
    }

    var courseID: Int64?
    var drug: String
    var drugName: String
    var variant: String
    var variantLabel: String?
    var status: String
    var startDate: String
    var dayOfCourse: Int
    /// The plan version's number (1, 2, …), not its id.
    var planVersion: Int
    var currentStep: StepDoseJSON?
    var daysAtCurrentDose: Int
    var highestDoseReachedMg: Int
    var usualTarget: SourcedJSON
    var patientMaximum: SourcedJSON
    var atTarget: Bool
    var nextStep: StepDoseJSON?
    var nextStepAboveTarget: StepDoseJSON?
    var plannedStepCount: Int
    var holdReason: String?
    var heldSince: String?
    var overrides: [OverrideJSON]
    var renalBand: String?
    var cautions: [FindingJSON]
    var offLabel: Bool

    init(_ c: CourseReview) {
        courseID = c.courseID
        drug = c.drug
        drugName = c.drugName
        variant = c.variant
        variantLabel = c.variantLabel
        status = c.status.rawValue
        startDate = c.startDate.description
        dayOfCourse = c.dayOfCourse
        planVersion = c.planVersion
        currentStep = c.currentStep.map(StepDoseJSON.init)
        daysAtCurrentDose = c.daysAtCurrentDose
        highestDoseReachedMg = c.highestDoseReachedMg
        usualTarget = SourcedJSON(c.usualTarget)
        patientMaximum = SourcedJSON(c.patientMaximum)
        atTarget = c.atTarget
        nextStep = c.nextStep.map(StepDoseJSON.init)
        nextStepAboveTarget = c.nextStepAboveTarget.map(StepDoseJSON.init)
        plannedStepCount = c.plannedStepCount
        holdReason = c.holdReason
        heldSince = c.heldSince?.description
        overrides = c.overrides.map(OverrideJSON.init)
        renalBand = c.renalBand
        cautions = c.cautions.map(FindingJSON.init)
        offLabel = c.offLabel
    }
}
