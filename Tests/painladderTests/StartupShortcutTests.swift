import ArgumentParser
import Testing
@testable import painladder

/// The start-up shortcut in `Painladder.main()`: an ordinary command line is parsed by its
/// leaf command alone instead of the whole tree. Measured with callgrind on
/// `painladder today P1 --db F` (debug build, one patient): 166.7 M instructions with it,
/// 201.3 M without (17 % of the run), so it stays, and these tests keep it working.
@Suite("CLI: start-up shortcut")
struct StartupShortcutTests {
    static let leaves = Painladder.configuration.subcommands.filter { $0.configuration.subcommands.isEmpty }

    @Test func everyLeafCommandParsesAloneAsPainladdersSubcommand() throws {
        #expect(Self.leaves.count >= 19)
        for command in Self.leaves {
            let name = try #require(command.configuration.commandName)
            let found = try #require(Painladder.directSubcommand([name, "P1"]), "\(name)")
            #expect(found.0 == command && found.1 == ["P1"], "\(name)")
            // Parsed alone it must not pass for a tool of its own (nor check for completion requests).
            #expect(command.configuration._superCommandName == "painladder", "\(name)")
        }
    }

    @Test func helpVersionCompletionAndCommandGroupsTakeTheWholeTree() {
        for arguments in [["take", "--help"], ["take", "-h"], ["help", "take"], ["--version"], ["take", "--version"],
                          ["take", "--generate-completion-script", "bash"], ["patient", "add", "P1"], ["formulary", "list"], []] {
            #expect(Painladder.directSubcommand(arguments) == nil, "\(arguments)")
        }
    }
}
