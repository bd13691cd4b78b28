import ArgumentParser
import Foundation
import PainLadder

/// `painladder ack ITEM --by NAME [--note TEXT]`.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", _superCommandName: "painladder",
        abstract: "Acknowledge an inbox item: seen, by whom, with a note.",
        discussion: """
        Recorded with who and when (audited); the item is no longer handed out again. Once the \
        clinic names accounts, a clinician account is needed (exit 77 otherwise).
          painladder ack 7 --by "Dr Rao" --note "phoned: swelling settled"
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The item's number (from 'painladder inbox').", transform: { text in
        guard let n = Int64(text), n > 0 else { throw BadArgument(field: "item", given: text, allowed: "an inbox item's number, e.g. 7") }
        return n
    })
    var item: Int64
    @Option(help: "Who acknowledges it (the name recorded).") var by: String
    @Option(help: "What was done or decided (one line).") var note: String?

    func run() throws {
        let clinic = try global.openClinic(create: false)
        let saved = try clinic.acknowledgeInboxItem(item, by: by, note: note, now: global.currentInstant())
        if global.json {
            try Output.json(InboxDocument([saved]))
        } else {
            Output.line("acknowledged " + InboxText.line(saved))
        }
    }
}
