import ArgumentParser
import PainLadder
import PainLadderClinic
import PainLadderStore

struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", _superCommandName: "painladder",
        abstract: "Record a decision (continue, hold, reduce, increase, stop, switch, refer).",
        discussion: """
        Every decision makes a new version of the plan that links to the old one, takes \
        effect today, and is recorded with who, why and any warning accepted.
          continue   lift a hold: the next step no earlier than today and not
                     before the current step's minimum days; later steps keep
                     their spacing
          hold       stay at the current dose; step-ups wait for a later decision
          reduce     back to the previous step (or --dose MG); step-ups then wait
          increase   the next step now; not sooner than the minimum interval,
                     never above the patient's maximum, unless --override with
                     --override-reason
          stop       the drug's taper from the formulary (--outcome required; --abrupt
                     with --override-reason to stop at once)
          switch     DRUG: the old drug's taper and the new drug's titration, dated
                     (--outcome required; --sequential (default), --cross-taper, or
                     --direct at the converted dose for gabapentin <-> pregabalin)
          refer      record a referral to a specialist pain service
        The next review defaults to the formulary's early interval after a change and its \
        regular interval after continue or refer (local practice: NICE sets none).

        Examples:
          painladder decide P001 continue --by "Dr Rao" --reason "dizziness settled"
          painladder decide P001 switch pregabalin --outcome not-tolerated \\
              --by "Dr Rao" --reason "drowsy at 20 mg"
          painladder decide P001 increase --by "Dr Rao" --reason "pain 8/10" \\
              --override minimum-interval \\
              --override-reason "tolerating well, severe pain"
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Argument(help: ArgumentHelp("continue, hold, reduce, increase, stop, switch or refer.", valueName: "decision"),
              completion: .list(Decisions.allowedKinds.components(separatedBy: ", ")),
              transform: { try DecideCommand.kind(parsing: $0) })
    var decision: Decision.Kind
    @Argument(help: "switch: the drug to switch to.", completion: .drugs) var drug: String?
    @Option(help: ArgumentHelp("Who decides: a clinician's name or id.", valueName: "name"),
            transform: Parse.text(.by, required: true))
    var by: FreeText
    @Option(name: .customLong("course-drug"), help: ArgumentHelp(
        "Decide on the course in progress of this drug (an old drug still tapering after a switch); default the newest course.",
        valueName: "drug"), completion: .drugs)
    var courseDrug: String?
    @Option(help: ArgumentHelp("Why, in a few words.", valueName: "reason"), transform: Parse.text(.reason, required: true))
    var reason: FreeText
    @Option(name: .customLong("next-review"), help: ArgumentHelp("The next review (YYYY-MM-DD); default from the formulary.", valueName: "date"),
            transform: { try Parse.date($0, field: "--next-review") })
    var nextReview: LocalDate?
    @Option(parsing: .unconditional, help: ArgumentHelp("reduce or increase: the daily dose in mg.", valueName: "mg"),
            transform: { try Parse.milligrams($0, field: "--dose") }) var dose: Milligrams?
    @Option(help: "stop or switch: effective, not-effective, not-tolerated, contraindicated or patient-choice.",
            completion: .words(Course.Outcome.self),
            transform: { try Parse.choice($0, field: "--outcome", as: Course.Outcome.self) })
    var outcome: Course.Outcome?
    @Flag var mode: SwitchMode?
    @Flag(help: "stop or switch: stop the old drug at once, without its taper (needs --override-reason).")
    var abrupt = false
    @Option(name: .customLong("override"), help: ArgumentHelp(
        "A limit to go beyond: minimum-interval, maximum-dose (increase); ruled-out, tried-before (switch). Repeatable.",
        valueName: "limit"),
            transform: { try Parse.choice($0, field: "--override", as: OverrideLimit.self) })
    var overrides: [OverrideLimit] = []
    @Option(name: .customLong("override-reason"), help: ArgumentHelp(
        "Why the limit may be passed (needed with --override or --abrupt).", valueName: "reason"),
            transform: Parse.text(.overrideReason, required: true))
    var overrideReason: FreeText?

    /// The decision word; one that is not a decision is a usage error (64), as a word that is
    /// not a command is (an automatic hold is recorded by the reminder job, never typed).
    static func kind(parsing text: String) throws -> Decision.Kind {
        guard let kind = Decision.Kind(rawValue: text.lowercased()), kind != .automaticHold else {
            throw ValidationError("decision: '\(text)' is not valid; allowed: \(Decisions.allowedKinds)")
        }
        return kind
    }

    func validate() throws {
        let kind = decision
        if kind == .switch && drug == nil {
            throw ValidationError("switch: name the drug to switch to (e.g. 'decide P001 switch pregabalin')")
        }
        if kind != .switch, let drug {
            throw ValidationError("unexpected argument '\(drug)': only 'switch' takes a drug")
        }
        if mode != nil && kind != .switch { throw ValidationError("--sequential, --cross-taper and --direct go with 'switch' only") }
    }

    func run() throws {
        let now = global.currentInstant()
        let patientID = try patient.id()
        var request = DecisionRequest(kind: decision, by: by.text, reason: reason.text)
        request.nextReview = nextReview
        request.doseMg = dose
        request.outcome = outcome
        request.switchTo = drug
        request.mode = mode ?? .sequential
        request.abrupt = abrupt
        request.overrides = Set(overrides)
        request.overrideReason = overrideReason?.text
        let clinic = try global.openClinic(create: false)
        let record = try clinic.decide(patientID: patientID, drug: courseDrug, request, now: now)
        let p = try clinic.patient(patientID)
        if global.json {
            try Output.json(DecisionDocument(patientID: p.id, record: record))
            return
        }
        Output.line(DecisionText.render(record, patient: p, formulary: clinic.formulary,
                                        today: LocalDate(now, in: p.zone)))
    }
}
