import ArgumentParser
import PainLadder
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
    @Argument(help: "The entry number (see 'painladder history').") var entry: String
    @Option(parsing: .unconditional, help: ArgumentHelp("The dose actually taken, in mg.", valueName: "mg")) var dose: String?
    @Option(help: ArgumentHelp("When it really happened.", valueName: "time")) var at: String?
    @Option(parsing: .unconditional, help: "A pain score, 0–10.") var score: String?
    @Option(parsing: .unconditional, help: "Sleep interference, 0–10.") var sleep: String?
    @Option(parsing: .unconditional, help: "Mood interference, 0–10.") var mood: String?
    @Option(help: "mild, moderate or severe.") var severity: String?
    @Option(parsing: .unconditional, help: "An impression of change, 1–7.") var impression: String?
    @Option(help: "Why it is being corrected.") var reason: String

    func run() throws {
        let now = try global.currentInstant()
        let entryID = try Parse.entryID(entry, field: "entry")
        try Parse.text(reason, field: "--reason", required: true)
        let change = Clinic.Correction(
            doseMg: try dose.map { try Parse.milligrams($0, field: "--dose") },
            at: try at.map { try TimeExpression(parsing: $0) },
            score: try score.map { try Parse.integer($0, field: "--score", range: 0...10) },
            sleep: try sleep.map { try Parse.integer($0, field: "--sleep", range: 0...10) },
            mood: try mood.map { try Parse.integer($0, field: "--mood", range: 0...10) },
            severity: try severity.map { try Parse.choice($0, field: "--severity", as: Severity.self) },
            impression: try impression.map { try Parse.integer($0, field: "--impression", range: 1...7) })
        let clinic = try global.openClinic(create: false)
        let id = try clinic.store.patientID(ofEntry: entryID)
        let recorded = try clinic.correct(patientID: id, entryID: entryID, change, reason: reason,
                                          by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: try clinic.store.zoneHistory(patientID: id), json: global.json)
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", _superCommandName: "painladder",
        abstract: "Undo an entry recorded by mistake; it stays in history, marked undone.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry number (see 'painladder history').") var entry: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        let now = try global.currentInstant()
        let entryID = try Parse.entryID(entry, field: "entry")
        try Parse.text(reason, field: "--reason", required: true)
        let clinic = try global.openClinic(create: false)
        let id = try clinic.store.patientID(ofEntry: entryID)
        let recorded = try clinic.undo(patientID: id, entryID: entryID, reason: reason, by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: try clinic.store.zoneHistory(patientID: id), json: global.json)
    }
}
