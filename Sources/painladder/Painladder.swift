import ArgumentParser
import Foundation
import FormularyData

@main
struct Painladder: ParsableCommand {
    /// Like argument-parser's own `main()`, but a usage error is one line on stderr (which
    /// option, what is wrong, where to look) and exits 64; help and version still print in full.
    static func main() {
        Interrupts.install()
        // `painladder --version` and `painladder today --version` alike: argument-parser
        // would print the bare number for a subcommand.
        if VersionRequest.isAsked(Array(CommandLine.arguments.dropFirst())) {
            // The time zone data decides every dose time across a clock change; whoever runs
            // the reminder job should be able to see which release it is. (Naming it also
            // keeps Foundation's ICU time zones in a statically linked build, where
            // otherwise `TimeZone(identifier:)` finds no zone at all: see README.)
            print("\(version) (time zone data \(TimeZone.timeZoneDataVersion))")
            // Only when the formulary is not the bundled release (or cannot be read), so the
            // usual line stays as scripts know it.
            do {
                if let warning = ProvenanceText.line(try FormularyLoader.bundled()) { print(warning) }
            } catch {
                print("formulary: \(ErrorText.message(error))")
            }
            Foundation.exit(0)
        }
        if let error = ArgumentEncoding.firstInvalid() { fail(error) }
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The parser that reports errors: the subcommand's own when it parsed alone.
        var parser: ParsableCommand.Type = Painladder.self
        var command: ParsableCommand
        do {
            if let (sub, rest) = directSubcommand(arguments) {
                parser = sub
                command = try sub.parseAsRoot(NegativeNumbers.reordered(command: arguments[0], rest))
            } else {
                command = try parseAsRoot()
            }
        } catch {
            usage(error, parser: parser)
        }
        do {
            try command.run()
            Interrupts.finish()
        } catch {
            // `help` and a command group's help are commands whose run throws argument-parser's
            // own errors; everything else is a command's failure.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { usage(error, parser: parser) }
            fail(error)
        }
    }

    /// argument-parser's own outcomes: help and version in full, a usage error as one line, exit 64.
    static func usage(_ error: Error, parser: ParsableCommand.Type) -> Never {
        if let bad = ConversionFailure.badArgument(in: error) { fail(bad) }
        let code = parser.exitCode(for: error)
        if code == .success {
            print(parser.fullMessage(for: error))
            Foundation.exit(0)
        }
        if error is ExitCode { Foundation.exit(code.rawValue) }
        let message = (ConversionFailure.usage(in: error)?.message ?? parser.message(for: error)).split(separator: "\n").first.map(String.init) ?? "\(error)"
        let subcommand = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? ""
        Output.error("\(message) (see 'painladder \(subcommand.isEmpty ? "" : subcommand + " ")--help')")
        Foundation.exit(code.rawValue)
    }

    /// Every failure of a command: one line on stderr (none for a bare exit code) and its exit code.
    static func fail(_ error: Error) -> Never {
        if !(error is ExitCode) { Output.error(ErrorText.message(error)) }
        Foundation.exit(ErrorText.exitCode(error))
    }

    static let version = "0.1.0"

    /// The (leaf) subcommand the first argument names and the arguments after it, when the
    /// command line is an ordinary use of it: no help, version or completion request anywhere.
    ///
    /// Why: `parseAsRoot()` builds and checks the whole tree of commands by reflection on every
    /// run: `today P1` (debug build) takes 201.3 M instructions through the tree, 166.7 M
    /// through the shortcut (callgrind; pinned by `StartupShortcutTests`). The subcommand parses its own
    /// arguments the same way and its errors read the same; help, commands with subcommands
    /// of their own and anything unusual still go through the whole tree, so help text and
    /// usage lines are unchanged. Each leaf command names `painladder` as its super-command
    /// (`_superCommandName`, the hook argument-parser has for commands run on their own, as
    /// SwiftPM's plugins are): parsed alone it is then not taken for a tool of its own, and the
    /// check for a completion-script request, a second reflection over the command, is skipped.
    static func directSubcommand(_ arguments: [String]) -> (ParsableCommand.Type, [String])? {
        guard let first = arguments.first,
              let sub = configuration.subcommands.first(where: { $0.configuration.commandName == first }),
              sub.configuration.subcommands.isEmpty
        else { return nil }
        let special: Set<String> = ["-h", "--help", "help", "--version", "--generate-completion-script",
                                    "--experimental-dump-help", "--experimental-discussion"]
        guard !arguments.contains(where: { special.contains($0) || $0.hasPrefix("--generate-completion") })
        else { return nil }
        return (sub, Array(arguments.dropFirst()))
    }

    static let configuration = CommandConfiguration(
        commandName: "painladder",
        abstract: "Track neuropathic-pain medication plans along the NICE CG173 ladder.",
        discussion: """
        A tracker and decision aid, not a prescriber: every number comes from the formulary \
        data with its source and status; check numbers marked 'unconfirmed' against the BNF or SmPC.

        Data goes to standard output, messages to standard error.
        Exit codes: 0 ok · 64 usage · 65 bad data or refused · 66 no such patient or database · \
        70 internal error · 73 disk full or read-only file system, nothing recorded · 75 database busy, try again · \
        77 not permitted for this account (see 'painladder clinic') · 130 interrupted (Ctrl-C), nothing recorded.
        """,
        version: version,
        groupedSubcommands: [
            CommandGroup(name: "Patient", subcommands: [
                TodayCommand.self, TakeCommand.self, SkipCommand.self, SideEffectCommand.self, PainCommand.self,
                ImpressionCommand.self, AssessCommand.self, SupplyCommand.self, HistoryCommand.self,
                CorrectCommand.self, UndoCommand.self, ProgressCommand.self,
            ]),
            CommandGroup(name: "Clinician", subcommands: [
                PatientCommand.self, StartCommand.self, ScheduleCommand.self, ReviewCommand.self,
                ReviewsCommand.self, DecideCommand.self, ReportCommand.self, InboxCommand.self, AckCommand.self,
            ]),
            CommandGroup(name: "Reminders", subcommands: [RemindCommand.self]),
            CommandGroup(name: "Data", subcommands: [FormularyCommand.self, ExportCommand.self, DemoCommand.self]),
            CommandGroup(name: "Clinic", subcommands: [ClinicCommand.self, VerifyCommand.self]),
        ]
    )
}
