import Foundation

/// A step as the review shows it: its number, daily dose, first day and administrations.
public struct StepDose: Codable, Sendable, Equatable {
    public var number: Int
    public var dailyDoseMg: Milligrams
    public var startDate: LocalDate
    public var administrations: [Administration]

    init(_ step: TitrationStep) {
        number = step.number
        dailyDoseMg = step.dailyTotal
        startDate = step.startDate
        administrations = step.administrations
    }
}

/// Where the course in progress stands: drug, day, step and dose against the usual target
/// and this patient's maximum, time at the dose, the next step, any hold and overrides.
public struct CourseReview: Codable, Sendable, Equatable {
    public var courseID: Int64?
    public var drug: String
    public var drugName: String
    public var variant: String
    public var variantLabel: String?
    public var status: Course.Status
    public var startDate: LocalDate
    /// 1 on the first day of the course.
    public var dayOfCourse: Int
    /// The plan version in force.
    public var planVersion: Int
    /// The step in force today (a hold keeps the step in force when it began).
    public var currentStep: StepDose?
    /// Days at today's daily dose, counting today, across plan versions.
    public var daysAtCurrentDose: Int
    /// The highest daily dose taken so far in this course (by the plan).
    public var highestDoseReachedMg: Milligrams
    public var usualTarget: Sourced<Milligrams>
    /// This patient's maximum (drug, variant, renal band or local cap, whichever is lowest).
    public var patientMaximum: Sourced<Milligrams>
    /// Today's dose is at or above the usual target.
    public var atTarget: Bool
    /// The next planned step; `nil` at the target or while a hold keeps step-ups waiting.
    public var nextStep: StepDose?
    /// At or above the usual target: the first step above today's dose beyond it, up to this
    /// patient's maximum (kept in the schedule for a later decision); `nil` below the target
    /// or when none remains.
    public var nextStepAboveTarget: StepDose?
    public var plannedStepCount: Int
    public var holdReason: String?
    /// The first day of the hold in force.
    public var heldSince: LocalDate?
    /// Limits a clinician allowed to be exceeded, with who and why (shown at every review).
    public var overrides: [Override]
    public var renalBand: String?
    /// Cautions that applied when the schedule was made.
    public var cautions: [SafetyFinding]
    public var offLabel: Bool

    init?(_ record: CourseRecord, context c: ReviewContext) {
        guard let plan = record.currentPlan else { return nil }
        let course = record.course
        let drug = try? c.formulary.drug(course.drug)
        courseID = course.id
        self.drug = course.drug
        drugName = drug?.name ?? course.drug
        variant = course.variant
        // A renal band's own titration replaces the variant's steps: name the one in use.
        let band = plan.schedule.renalBand.flatMap { label in drug?.renalBands.first { $0.label == label } }
        variantLabel = band?.titration?.label ?? drug?.variant(course.variant)?.label
        status = course.status
        startDate = course.startDate
        dayOfCourse = course.startDate.days(to: c.today) + 1
        planVersion = plan.version
        let step = DoseCalendar.plan(on: c.today, versions: record.versions)?.step(on: c.today)
        currentStep = step.map(StepDose.init)
        // The daily dose of each day from the start, read day by day rather than kept in an
        // array: the last day's dose, the run of days at it, the highest.
        var current: Milligrams?, run = 0, highest: Milligrams?
        var day = record.course.startDate
        while day <= c.today {
            let mg = record.dailyDose(on: day)
            run = mg == current ? run + 1 : 1
            current = mg
            highest = max(highest ?? mg, mg)
            day = day.adding(days: 1)
        }
        daysAtCurrentDose = step == nil ? 0 : run
        highestDoseReachedMg = highest ?? 0
        usualTarget = plan.schedule.usualTarget
        patientMaximum = plan.schedule.maximumDailyDose
        atTarget = step != nil && (current ?? 0) >= plan.schedule.usualTarget.value
        nextStep = plan.holdReason == nil
            ? plan.schedule.plannedSteps.first { $0.startDate > c.today }.map(StepDose.init) : nil
        let today = current ?? 0
        nextStepAboveTarget = step == nil || today < plan.schedule.usualTarget.value ? nil
            : plan.schedule.steps.first { $0.beyondTarget && $0.dailyTotal > today }.map(StepDose.init)
        plannedStepCount = plan.schedule.plannedSteps.count
        holdReason = plan.holdReason
        // The hold began with the earliest of the latest run of held versions.
        heldSince = plan.holdReason == nil ? nil
            : record.versions.reversed().prefix { $0.holdReason != nil }.last?.effectiveFrom
        overrides = plan.overrides
        renalBand = plan.schedule.renalBand
        cautions = plan.schedule.cautions
        offLabel = plan.schedule.offLabel
    }
}
