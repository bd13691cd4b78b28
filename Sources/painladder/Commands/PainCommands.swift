import ArgumentParser
import PainLadder
import PainLadderClinic
import PainLadderStore

struct PainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pain", _superCommandName: "painladder",
        abstract: "Record average pain over the last 24 hours, 0 (none) to 10 (worst imaginable).",
        discussion: """
        The scores in the 7 days before a course's first dose (on its first day, those recorded \
        before the course was created) make its baseline, their mean; a score marked with \
        --baseline is the baseline instead.
          painladder pain P001 6 --sleep 7 --mood 5 --impact "2 hours to get to sleep"
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Argument(help: "Average pain, 0–10.", transform: { try Parse.integer($0, field: "score", range: 0...10) }) var score: Int
    @Option(parsing: .unconditional, help: "How much pain interfered with sleep, 0–10.",
            transform: { try Parse.integer($0, field: "--sleep", range: 0...10) }) var sleep: Int?
    @Option(parsing: .unconditional, help: "How much pain interfered with mood, 0–10.",
            transform: { try Parse.integer($0, field: "--mood", range: 0...10) }) var mood: Int?
    @Option(help: ArgumentHelp("What the pain stopped you doing, in your words.", valueName: "text"), transform: Parse.text(.impact))
    var impact: FreeText?
    @Option(help: ArgumentHelp("When (default now): a date (YYYY-MM-DD: that day), 'yesterday HH:MM', 'YYYY-MM-DD HH:MM' or ISO 8601.",
                               valueName: "time"),
            transform: { try TimeExpression(parsing: $0, dateAlone: true) })
    var at: TimeExpression?
    @Flag(help: "This score is the course's baseline.") var baseline = false

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let sleepValue = sleep
        let moodValue = mood
        let clinic = try global.openClinic(create: false)
        let recorded = try clinic.recordPain(patientID: id, score: score, sleep: sleepValue, mood: moodValue, impact: impact?.text,
                                             baseline: baseline, at: at, by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}

struct ImpressionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impression", _superCommandName: "painladder",
        abstract: "Overall change since the start, 1 (very much improved) … 4 (no change) … 7 (very much worse).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Argument(help: "1–7 (PGIC).", transform: { try Parse.integer($0, field: "impression", range: 1...7) }) var value: Int

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let clinic = try global.openClinic(create: false)
        let recorded = try clinic.recordImpression(patientID: id, value: value, by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }
}
