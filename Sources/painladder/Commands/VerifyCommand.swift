import ArgumentParser
import Foundation
import PainLadderClinic

/// `painladder verify`: is the database as PainLadder wrote it?
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", _superCommandName: "painladder",
        abstract: "Check the audit chain, the guards on history, and the file's consistency.",
        discussion: """
        Recomputes every audit row's link in the hash chain (SHA-256 of the row and the link \
        before it), checks that every trigger keeping history append-only is in place with its \
        SQL, and runs SQLite's integrity_check and foreign_key_check. Prints a summary and the \
        newest link (note it elsewhere: only a noted head shows a chain cut at its end). Each \
        problem is one line on stderr, the chain's first broken link among them; then it exits 65. \
        It changes nothing.
        """)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try global.openClinic(create: false).verifyIntegrity()
        for problem in report.problems { Output.error(IntegrityText.problem(problem)) }
        Output.line(IntegrityText.summary(report))
        if !report.isIntact { throw ExitCode(65) }
    }
}
