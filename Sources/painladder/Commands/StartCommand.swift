import ArgumentParser
import PainLadder

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", _superCommandName: "painladder",
        abstract: "Start a course of a drug and print its dated schedule.",
        discussion: """
        Refuses a drug that a hard stop rules out for this patient, naming the rule and its \
        source. Cautions are shown and recorded. The schedule stops at the usual target; the \
        steps above it, up to this patient's maximum, wait for a review decision.

        Kidney function is needed first for gabapentin, pregabalin and duloxetine (their dose or \
        a hard stop depends on it); without it the start is refused unless acknowledged with \
        --override kidney-function-unknown and a reason (a patient aged 65 or over, or frail, is \
        then planned within the most cautious renal band until a value is recorded). Under 18 \
        is refused unless --override age with a reason: the plan is then shown as unlicensed.

        Example:
          painladder start P001 amitriptyline --on 2026-03-02 --by "Dr Rao"
          painladder start P009 gabapentin --override kidney-function-unknown --override-reason "bloods due Friday"
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Argument(help: "amitriptyline, duloxetine, gabapentin or pregabalin.", completion: .drugs) var drug: String
    @Option(help: "Titration variant: standard or elderly (default: elderly if the patient is frail).")
    var variant: String?
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD); default today in the patient's zone.", valueName: "date"),
            transform: { try Parse.date($0, field: "--on") })
    var on: LocalDate?
    @Option(help: ArgumentHelp("Administration times, e.g. 08:00,14:00,22:00; default from the formulary.", valueName: "times"),
            transform: { try Parse.times($0, field: "--times") })
    var times: [LocalTime]?
    @Option(help: "Who decided (default $PAINLADDER_USER or $USER).") var by: String?
    @Option(name: .customLong("override"), help: ArgumentHelp(
        "A refusal to pass: age (under 18: unlicensed), kidney-function-unknown. Repeatable; needs --override-reason.",
        valueName: "refusal"),
            transform: { try Parse.choice($0, field: "--override", as: StartOverride.self) })
    var overrides: [StartOverride] = []
    @Option(name: .customLong("override-reason"), help: ArgumentHelp(
        "Why the refusal may be passed (needed with --override; recorded and shown).", valueName: "reason"),
            transform: Parse.text(.overrideReason, required: true))
    var overrideReason: FreeText?

    func run() throws {
        let now = global.currentInstant()
        let patientID = try patient.id()
        let clinic = try global.openClinic(create: false)
        let (course, plan) = try clinic.startCourse(patientID: patientID, drug: drug, variant: variant, on: on,
                                                    times: times, by: by ?? GlobalOptions.currentUser, now: now,
                                                    overrides: Set(overrides), overrideReason: overrideReason?.text)
        let p = try clinic.patient(patientID)
        ProvenanceText.show(clinic.formulary, json: global.json)
        if let id = course.id, try clinic.baseline(patientID: patientID, courseID: id, now: now) == nil {
            Output.note(Self.noBaseline(patientID))
        }
        let today = LocalDate(now, in: p.zone)
        if course.startDate < today {
            Output.note(Self.backDated(patientID, start: course.startDate, today: today))
        }
        for unchecked in clinic.unknownMedicines(p) { Output.note(UncheckedText.note(unchecked)) }
        if global.json {
            try Output.json(CourseDocument(course: course, plan: plan))
            return
        }
        let name = try clinic.formulary.drug(course.drug).name
        Output.line("Started \(name) for \(p.id) on \(course.startDate) (course \(course.id ?? 0), plan version \(plan.version)).")
        if let review = plan.nextReviewDate { Output.line("Early review due \(review).") }
        Output.line("")
        Output.line(ScheduleText.render(plan.schedule, drugName: name, patient: p, overrides: plan.overrides))
    }
}

extension StartCommand {
    /// Without a baseline the review cannot say how much the drug helped: say how to record one.
    /// A start on an earlier day records a course already begun: its doses since then are
    /// history the patient has to enter, not slots a decision made in the past.
    static func backDated(_ patientID: String, start: LocalDate, today: LocalDate) -> String {
        "Back-dated: this course began on \(start), before today (\(today)); the doses planned since then are not recorded "
            + "yet (adherence counts them as not taken until they are entered): painladder take \(patientID) --at 'YYYY-MM-DD HH:MM' "
            + "(or painladder skip \(patientID) --at … --reason …)"
    }

    static func noBaseline(_ patientID: String) -> String {
        "No baseline pain score for \(patientID) (none in the \(BaselinePain.windowDays) days before the first dose): "
            + "record one before the first dose with: painladder pain \(patientID) SCORE --baseline"
    }
}
