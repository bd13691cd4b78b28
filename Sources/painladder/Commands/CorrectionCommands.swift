import ArgumentParser
import PainLadder
import PainLadderClinic
import PainLadderStore

struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", _superCommandName: "painladder",
        abstract: "Correct an entry: a new entry replaces it; the original stays in history.",
        discussion: """
          painladder correct 14 --dose 20 --reason "took two tablets, not three"
          painladder correct 15 --score 5 --reason "typed 8 by mistake"
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry number (see 'painladder history').", transform: { try Parse.entryID($0, field: "entry") })
    var entry: Int64
    @Option(parsing: .unconditional, help: ArgumentHelp("The dose actually taken, in mg.", valueName: "mg"),
            transform: { try Parse.milligrams($0, field: "--dose") })
    var dose: Milligrams?
    @Option(help: ArgumentHelp("When it really happened.", valueName: "time"), transform: { try TimeExpression(parsing: $0) })
    var at: TimeExpression?
    @Option(parsing: .unconditional, help: "A pain score, 0–10.",
            transform: { try Parse.integer($0, field: "--score", range: 0...10) }) var score: Int?
    @Option(parsing: .unconditional, help: "Sleep interference, 0–10.",
            transform: { try Parse.integer($0, field: "--sleep", range: 0...10) }) var sleep: Int?
    @Option(parsing: .unconditional, help: "Mood interference, 0–10.",
            transform: { try Parse.integer($0, field: "--mood", range: 0...10) }) var mood: Int?
    @Option(help: "mild, moderate or severe.", transform: { try Parse.choice($0, field: "--severity", as: Severity.self) }) var severity: Severity?
    @Option(parsing: .unconditional, help: "An impression of change, 1–7.",
            transform: { try Parse.integer($0, field: "--impression", range: 1...7) }) var impression: Int?
    @Option(help: ArgumentHelp("Why it is being corrected.", valueName: "reason"), transform: Parse.text("--reason", required: true))
    var reason: FreeText

    func run() throws {
        let now = global.currentInstant()
        let entryID = entry
        let change = Clinic.Correction(
            doseMg: dose, at: at,
            score: score,
            sleep: sleep,
            mood: mood,
            severity: severity,
            impression: impression)
        let clinic = try global.openClinic(create: false)
        let id = try clinic.patientID(ofEntry: entryID)
        let recorded = try clinic.correct(patientID: id, entryID: entryID, change, reason: reason.text,
                                          by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", _superCommandName: "painladder",
        abstract: "Undo an entry recorded by mistake; it stays in history, marked undone.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry number (see 'painladder history').", transform: { try Parse.entryID($0, field: "entry") })
    var entry: Int64
    @Option(help: ArgumentHelp("Why.", valueName: "reason"), transform: Parse.text("--reason", required: true)) var reason: FreeText

    func run() throws {
        let now = global.currentInstant()
        let entryID = entry
        let clinic = try global.openClinic(create: false)
        let id = try clinic.patientID(ofEntry: entryID)
        let recorded = try clinic.undo(patientID: id, entryID: entryID, reason: reason.text, by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}
