import ArgumentParser
import PainLadder

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", _superCommandName: "painladder",
        abstract: "Show the dated plan of the patient's current course.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(help: ArgumentHelp("Only steps starting on or after this date.", valueName: "date"),
            transform: { try Parse.date($0, field: "--from") }) var from: LocalDate?
    @Option(help: ArgumentHelp("Only steps starting on or before this date.", valueName: "date"),
            transform: { try Parse.date($0, field: "--to") }) var to: LocalDate?

    func run() throws {
        let now = global.currentInstant()
        let patientID = try patient.id()
        if let from, let to, to < from {
            throw BadArgument(field: "--to", given: to.description,
                                               allowed: "a date on or after --from (\(from))")
        }
        let clinic = try global.openClinicToRead()
        // Every course with doses today: the one titrating first, then any old drug still tapering.
        let inProgress = try clinic.coursesInProgress(patientID: patientID, now: now)
        guard let (course, plan) = inProgress.first else {
            throw PainLadderError.notPossible("\(patientID) has no course in progress (start one with 'painladder start')")
        }
        let p = try clinic.patient(patientID)
        ProvenanceText.show(clinic.formulary, json: global.json)
        if global.json {
            try Output.json(CourseDocument(course: course, plan: plan, tapering: Array(inProgress.dropFirst())))
            return
        }
        let today = LocalDate(now, in: p.zone)
        let name = try clinic.formulary.drug(course.drug).name
        Output.line(PositionText.render(CoursePosition(schedule: plan.schedule, courseStart: course.startDate, today: today,
                                                       nextReview: plan.nextReviewDate, holdReason: plan.holdReason),
                                        drugName: name, today: today, planVersion: plan.version))
        for (other, taper) in inProgress.dropFirst() {
            Output.line("")
            Output.line(TaperText.render(taper, drugName: try clinic.formulary.drug(other.drug).name, from: from, to: to))
        }
        Output.line("")
        Output.line(ScheduleText.render(plan.schedule, drugName: name, patient: p, from: from, to: to, overrides: plan.overrides))
    }
}
