import ArgumentParser
import Foundation
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
          painladder side-effect P001 --open    # reports still open, with numbers
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Argument(help: ArgumentHelp("The symptom, e.g. drowsiness, dizziness, 'swollen face'.", valueName: "symptom"),
              transform: Parse.text(.symptom, required: true))
    var symptom: FreeText?
    @Option(help: ArgumentHelp("mild, moderate or severe.", valueName: "severity"),
            completion: .words(Severity.self),
            transform: Parse.choice("--severity", as: Severity.self, allowed: "mild, moderate or severe"))
    var severity: Severity?
    @Option(help: ArgumentHelp("When it started (YYYY-MM-DD).", valueName: "date"),
            transform: { try Parse.date($0, field: "--since") }) var since: LocalDate?
    @Option(help: ArgumentHelp("A note.", valueName: "text"), transform: Parse.text(.note)) var note: FreeText?
    @Option(help: "The medicine it is reported against, when two are in progress (default: the newest).", completion: .drugs) var drug: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Mark this side-effect report (its number) resolved.", valueName: "entry"),
            transform: { try Parse.entryID($0, field: "--resolved") })
    var resolved: Int64?
    @Flag(help: "List the side-effect reports still open (not marked resolved), newest first.") var open = false

    func validate() throws {
        if open {
            guard resolved == nil, symptom == nil, severity == nil else {
                throw ValidationError("--open takes no symptom, severity or --resolved")
            }
            return
        }
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
        if open {
            let reports = try clinic.openSideEffects(patientID: id)
            if global.json {
                try Output.json(JournalDocument(patientID: id, entries: reports.map(\.entry)))
                return
            }
            if reports.isEmpty { Output.line("No side effects are open for \(id).") }
            for r in reports {
                Output.line(JournalText.describe(r.entry, zone: TimeZone(identifier: r.timeZone) ?? TimeZone(identifier: "UTC")!)
                            + " [\(r.drug)]")
            }
            return
        }
        let recorded: Clinic.Recorded
        if let resolved {
            recorded = try clinic.resolveSideEffect(patientID: id, entryID: resolved,
                                                    by: GlobalOptions.currentUser, now: now)
        } else if let symptom, let severity {
            recorded = try clinic.reportSideEffect(patientID: id, drug: drug, symptom: symptom.text, severity: severity, since: since,
                                                   note: note?.text, by: GlobalOptions.currentUser, now: now)
        } else {
            // validate() has refused a command line with neither.
            throw ValidationError("give a SYMPTOM with --severity, or --resolved ENTRY")
        }
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}
import PainLadderClinic
import PainLadderStore
