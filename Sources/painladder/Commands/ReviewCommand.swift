import ArgumentParser
import Foundation
import PainLadder

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", _superCommandName: "painladder",
        abstract: "The review screen for one patient.",
        discussion: """
        What NICE CG173 asks a review to look at: where the patient is on the plan, adherence, \
        pain against baseline (with its IMMPACT band) and the patient's impression of change, \
        side effects by step with open red flags first, whether the trial is adequate yet, the \
        drugs tried and the drugs that remain, referral prompts, review dates, and a suggestion \
        that is a prompt for the clinician, not an instruction; then the patient's open inbox         items ('painladder inbox'). Reads only.
          painladder review P001
          painladder review P001 --json
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let clinic = try global.openClinicToRead()
        let summary = try clinic.review(patientID: id, now: now)
        ProvenanceText.show(clinic.formulary, json: global.json)
        if global.json {
            try Output.json(ReviewDocument(summary))
        } else {
            Output.line(ReviewText.render(summary, color: Output.colorOnStdout))
            if let inbox = InboxText.review(try clinic.inbox(patientID: id)) { Output.line(inbox) }
        }
    }
}

struct ReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews", _superCommandName: "painladder",
        abstract: "The day list of patients whose review is due.",
        discussion: """
        By default, reviews due today or earlier. Each patient's "today" is in their own time zone.
          painladder reviews
          painladder reviews --due-within 7d
          painladder reviews --overdue --json
        """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("due-within"), parsing: .unconditional, help: ArgumentHelp(
        "Also list reviews due in the next N days: 7, 7d or 2w.", valueName: "days"), transform: Parse.days("--due-within"))
    var dueWithin: Int?
    @Flag(help: "Only reviews whose date has passed.") var overdue = false

    func run() throws {
        let now = global.currentInstant()
        let days = dueWithin
        let items = try global.openClinicToRead().reviewsDue(within: days, overdueOnly: overdue, now: now)
        if global.json {
            try Output.json(ReviewsDocument(items))
        } else {
            Output.line(ReviewsText.render(items, within: days, overdueOnly: overdue, color: Output.colorOnStdout))
        }
    }
}
