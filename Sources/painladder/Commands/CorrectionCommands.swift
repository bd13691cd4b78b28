import ArgumentParser
import PainLadder
import PainLadderClinic
import PainLadderStore

struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", _superCommandName: "painladder",
        abstract: "Correct an entry: a new entry replaces it; the original stays in history.",
        discussion: """
          painladder correct P001 14 --dose 20 --reason "took two tablets, not three"
          painladder correct P001 --last --score 5 --reason "typed 8 by mistake"
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EntryChoice
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
    @Option(help: "mild, moderate or severe.", completion: .words(Severity.self), transform: { try Parse.choice($0, field: "--severity", as: Severity.self) }) var severity: Severity?
    @Option(parsing: .unconditional, help: "An impression of change, 1–7.",
            transform: { try Parse.integer($0, field: "--impression", range: 1...7) }) var impression: Int?
    @Option(help: "Why it is being corrected.") var reason: String

    func run() throws {
        let now = global.currentInstant()
        let id = try target.patient.id()
        let change = Clinic.Correction(
            doseMg: dose, at: at,
            score: score,
            sleep: sleep,
            mood: mood,
            severity: severity,
            impression: impression)
        let clinic = try global.openClinic(create: false)
        let recorded = try clinic.correct(patientID: id, entry: target.reference, change, reason: reason,
                                          by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", _superCommandName: "painladder",
        abstract: "Undo an entry recorded by mistake; it stays in history, marked undone.",
        discussion: """
          painladder undo P001 14 --reason "recorded twice"
          painladder undo P001 --last --reason "wrong patient"
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EntryChoice
    @Option(help: "Why.") var reason: String

    func run() throws {
        let now = global.currentInstant()
        let id = try target.patient.id()
        let clinic = try global.openClinic(create: false)
        let recorded = try clinic.undo(patientID: id, entry: target.reference, reason: reason,
                                       by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}
