import ArgumentParser
import Foundation
import PainLadder

/// `painladder inbox [--patient P] [--all]`.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", _superCommandName: "painladder",
        abstract: "What still needs a clinician's eyes, most urgent first.",
        discussion: """
        Every clinician-facing event the reminder job hands out (a red-flag symptom, a dose \
        above the maximum, missed doses, a held step-up, an overdue review, supply run out) \
        is an inbox item: open until a clinician acknowledges it ('painladder ack'), resolved \
        by the next decision on its course. Red flags come first. Open red flags and doses \
        above the maximum are handed out again by the reminder job until acknowledged. Reads only.
          painladder inbox
          painladder inbox --patient P001 --all --json
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this patient's items.", valueName: "patient"), completion: .patients,
            transform: { try Parse.patientID($0) })
    var patient: String?
    @Flag(help: "Every item, acknowledged and resolved ones too, with its state.") var all = false

    func run() throws {
        let items = try global.openClinicToRead().inbox(patientID: patient, all: all)
        if global.json {
            try Output.json(InboxDocument(items))
        } else {
            Output.line(InboxText.render(items, all: all))
        }
    }
}
