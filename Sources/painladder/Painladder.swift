import ArgumentParser
import Foundation

@main
struct Painladder: ParsableCommand {
    /// Like argument-parser's own `main()`, but a usage error is one line on stderr (which
    /// option, what is wrong, where to look) and exits 64; help and version still print in full.
    static func main() {
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            // The time zone data decides every dose time across a clock change; whoever runs
            // the reminder job should be able to see which release it is. (Naming it also
            // keeps Foundation's ICU time zones in a statically linked build, where
            // otherwise `TimeZone(identifier:)` finds no zone at all: see README.)
            print("\(version) (time zone data \(TimeZone.timeZoneDataVersion))")
            Foundation.exit(0)
        }
        if let error = ArgumentEncoding.firstInvalid() {
            Output.error(error.description)
            Foundation.exit(error.exitCode)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if error is ExitCode { Foundation.exit(code.rawValue) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            let subcommand = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? ""
            Output.error("\(message) (see 'painladder \(subcommand.isEmpty ? "" : subcommand + " ")--help')")
            Foundation.exit(code.rawValue)
        }
    }

    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "painladder",
        abstract: "Track neuropathic-pain medication plans along the NICE CG173 ladder.",
        discussion: """
        A tracker and decision aid, not a prescriber: every number comes from the formulary \
        data with its source and status; check numbers marked 'unconfirmed' against the BNF or SmPC.

        Data goes to standard output, messages to standard error.
        Exit codes: 0 ok · 64 usage · 65 bad data or refused · 66 no such patient or database · \
        70 internal error · 75 database busy, try again.
        """,
        version: version,
        subcommands: [
            DemoCommand.self,
            FormularyCommand.self,
            PatientCommand.self,
            StartCommand.self,
            ScheduleCommand.self,
            TodayCommand.self,
            TakeCommand.self,
            SkipCommand.self,
            SideEffectCommand.self,
            PainCommand.self,
            ImpressionCommand.self,
            AssessCommand.self,
            HistoryCommand.self,
            CorrectCommand.self,
            UndoCommand.self,
            ReviewCommand.self,
            ReviewsCommand.self,
            DecideCommand.self,
            RemindCommand.self,
            SupplyCommand.self,
            ExportCommand.self,
        ]
    )
}
