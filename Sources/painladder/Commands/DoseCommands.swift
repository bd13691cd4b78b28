import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

struct TakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", _superCommandName: "painladder",
        abstract: "Record a dose taken (late and back-dated entries are fine).",
        discussion: """
        The dose belongs to the nearest scheduled slot within 12 hours; a dose after midnight \
        counts for the night before. A second dose for a slot already taken is recorded as an \
        extra. A dose above the maximum is asked about at a terminal (--confirm in scripts). Examples:
          painladder take P001
          painladder take P001 --at "yesterday 22:10"
          painladder take P001 --at 2026-03-05T22:10:00Z --dose 20
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(help: ArgumentHelp("When it was taken: now, HH:MM, 'yesterday HH:MM', 'YYYY-MM-DD HH:MM' or ISO 8601.", valueName: "time"),
            transform: { try TimeExpression(parsing: $0) })
    var at: TimeExpression?
    @Option(parsing: .unconditional, help: ArgumentHelp("The dose taken in mg, if not the planned one.", valueName: "mg"),
            transform: { try Parse.milligrams($0, field: "--dose") })
    var dose: Milligrams?
    @Option(help: "Which medicine, when two are in progress (during a switch).", completion: .drugs) var drug: String?
    @Option(help: ArgumentHelp("A note.", valueName: "text"), transform: Parse.text(.note)) var note: FreeText?
    @Flag(help: "Record a dose above the maximum without asking (for scripts; at a terminal you are asked).")
    var confirm = false

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let clinic = try global.openClinic(create: false)
        func take(confirmed: Bool) throws -> Clinic.Recorded {
            try clinic.take(patientID: id, drug: drug, at: at, doseMg: dose, note: note?.text, by: GlobalOptions.currentUser,
                            now: now, confirmed: confirmed)
        }
        let recorded: Clinic.Recorded
        do {
            recorded = try take(confirmed: confirm)
        } catch let PainLadderError.confirmationNeeded(phrase) where Confirmation.canAsk {
            // At a terminal the person is asked; nothing is recorded unless they say yes.
            guard Confirmation.ask(phrase.spelled(ErrorText.flag) + ". Record it anyway? [y/N] ") else {
                Output.error("nothing recorded")
                throw ExitCode(65)
            }
            recorded = try take(confirmed: true)
        }
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}

struct SkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip", _superCommandName: "painladder",
        abstract: "Record a planned dose not taken, with the reason.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(help: ArgumentHelp("The slot's time (default now): HH:MM, 'yesterday HH:MM', ….", valueName: "time"),
            transform: { try TimeExpression(parsing: $0) })
    var at: TimeExpression?
    @Option(help: ArgumentHelp("Why it was not taken.", valueName: "reason"), transform: Parse.text(.reason, required: true))
    var reason: FreeText
    @Option(help: "Which medicine, when two are in progress (during a switch).", completion: .drugs) var drug: String?

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let clinic = try global.openClinic(create: false)
        let recorded = try clinic.skip(patientID: id, drug: drug, at: at, reason: reason.text, by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}
