import ArgumentParser
import FormularyData
import Foundation
import PainLadder

/// `painladder formulary use FILE --by NAME --reason TEXT`.
struct FormularyUseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Keep a local formulary overlay in the clinic's database: every command uses it.",
        discussion: """
        The file is validated as --formulary validates it, then stored as the next version \
        (every version kept; audited). From then on every command uses it without \
        --formulary; --formulary FILE still applies a file to one command, with a note when it \
        differs from the stored one. 'painladder formulary list' names the overlay in force.
          painladder formulary use west-suffolk.json --by "Dr Rao" --reason "pathway"
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The local overlay JSON file.", completion: .file(extensions: ["json"])) var file: String
    @Option(help: "Who stores it (the name recorded).") var by: String
    @Option(help: "Why (recorded).") var reason: String

    func run() throws {
        guard let content = FileManager.default.contents(atPath: file) else {
            throw BadArgument(field: "FILE", given: file, allowed: "an existing local formulary JSON file")
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let formulary = try FormularyLoader.bundled(overlayData: content, file: name)
        let clinic = try global.openClinic(create: false, formulary: formulary)
        if let current = try clinic.storedFormularyOverlay(), current.content == content {
            Output.line("unchanged: '\(Output.shown(current.name))' version \(current.version) is already in force")
            return
        }
        let stored = try clinic.useFormularyOverlay(content: content, file: name, name: formulary.localName ?? name,
                                                    by: by, reason: reason, now: global.currentInstant())
        Output.line("stored local formulary overlay '\(Output.shown(stored.name))' as version \(stored.version) "
                    + "(sha256 \(stored.sha256)); every command now uses it")
    }
}
