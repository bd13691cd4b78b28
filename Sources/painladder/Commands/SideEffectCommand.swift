import ArgumentParser
import PainLadder

struct SideEffectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "side-effect", _superCommandName: "painladder",
        abstract: "Record a side effect, or mark one resolved.",
        discussion: """
        Symptoms come from the formulary's list for the drug ('painladder formulary show DRUG'); \
        other words are kept as written. A red-flag symptom prints what to do now and flags the \
        course for the clinician. A moderate or severe side effect during titration holds the \
        next step-up until a clinician reviews it.
          painladder side-effect P001 drowsiness --severity moderate
          painladder side-effect P001 --resolved 12
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Argument(help: "The symptom, e.g. drowsiness, dizziness, 'swollen face'.") var symptom: String?
    @Option(help: "mild, moderate or severe.") var severity: String?
    @Option(help: ArgumentHelp("When it started (YYYY-MM-DD).", valueName: "date"),
            transform: { try Parse.date($0, field: "--since") }) var since: LocalDate?
    @Option(help: "A note.") var note: String?
    @Option(help: "The medicine it is reported against, when two are in progress (default: the newest).") var drug: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Mark this side-effect report (its number) resolved.", valueName: "entry"),
            transform: { try Parse.entryID($0, field: "--resolved") })
    var resolved: Int64?

    func validate() throws {
        if resolved == nil && (symptom == nil || severity == nil) {
            throw ValidationError("give a SYMPTOM with --severity, or --resolved ENTRY")
        }
        if resolved != nil && (symptom != nil || severity != nil) {
            throw ValidationError("--resolved takes no symptom or severity")
        }
    }

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let clinic = try global.openClinic(create: false)
        let recorded: Clinic.Recorded
        if let resolved {
            recorded = try clinic.resolveSideEffect(patientID: id, entryID: resolved,
                                                    by: GlobalOptions.currentUser, now: now)
        } else {
            guard let level = Severity(rawValue: severity!.lowercased()) else {
                throw BadArgument(field: "--severity", given: severity!, allowed: "mild, moderate or severe")
            }
            recorded = try clinic.reportSideEffect(patientID: id, drug: drug, symptom: symptom!, severity: level, since: since,
                                                   note: note, by: GlobalOptions.currentUser, now: now)
        }
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}
import PainLadderClinic
import PainLadderStore
