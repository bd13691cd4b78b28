import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", _superCommandName: "painladder",
        abstract: "Hand out what is due for every patient, each reminder exactly once.",
        discussion: """
        Doses due now (from --window minutes before to 2 hours after the slot) and not \
        recorded; dose changes today or tomorrow; step-ups on hold and reviews due or \
        overdue (to the clinician); runs of missed doses (to the clinician); recorded supply \
        running out by the plan (a prescription request). A dose slot whose 2-hour window has \
        passed with nothing recorded is marked missed in the journal, never sent as a stale \
        "take now"; 'painladder take --at' still records it.

        Output: one line per reminder (--json: JSON Lines with key, kind, audience, patient, \
        local and UTC times and message). Nothing due: no output, exit 0.
        --exec CMD runs CMD with /bin/sh -c once per reminder, the JSON line on its standard \
        input (and PAINLADDER_REMINDER_KEY in its environment); a reminder counts as sent only \
        when CMD exits 0, otherwise it is handed out again, with the same key, on the next run.

        Exit codes: 0 done (also nothing due) · 75 the database or another remind run stayed \
        busy, or a --exec command failed (those reminders are retried next run) · 70 a course \
        could not be handled (the others were) · 64/65/66 as for every command.
        Example crontab line:
          */5 * * * * TZ=Europe/London PAINLADDER_DB=/var/lib/painladder/clinic.sqlite /usr/local/bin/painladder remind --exec '/usr/local/bin/send-reminder'
        """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Show what would be handed out and marked missed; record nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Deliver each reminder by running this shell command (JSON on stdin).", valueName: "command"),
            transform: Parse.text("--exec", required: true))
    var exec: FreeText?
    @Option(parsing: .unconditional, help: ArgumentHelp("Minutes before a dose slot its reminder may go out (0–120, default 15).", valueName: "minutes"), transform: Parse.integer("--window", 0...120))
    var window: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Remind the clinician this many days before a review (0–60, default 3).", valueName: "days"), transform: Parse.integer("--review-within", 0...60))
    var reviewWithin: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Ask for a prescription this many days before supply runs out (1–60, default 7).", valueName: "days"), transform: Parse.integer("--supply-days", 1...60))
    var supplyDays: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds a --exec command may take before it counts as failed (1–3600, default 60).", valueName: "seconds"), transform: Parse.integer("--exec-timeout", 1...3600))
    var execTimeout: Int?

    func run() throws {
        let now = global.currentInstant()
        var policy = ReminderPolicy.standard
        if let window { policy.doseLead = Double(window) * 60 }
        if let reviewWithin { policy.reviewWithinDays = reviewWithin }
        if let supplyDays { policy.supplyLeadDays = supplyDays }
        let timeout = execTimeout.map(Double.init) ?? 60
        if dryRun, let exec {
            throw BadArgument(field: "--exec", given: exec.text, allowed: "no --exec with --dry-run (a dry run delivers nothing)")
        }
        let clinic = try global.openClinic(create: false)
        // A delivery command that exits without reading its input must not kill the job.
        signal(SIGPIPE, SIG_IGN)
        let json = global.json
        let mode: Clinic.RemindMode
        if dryRun {
            mode = .dryRun
        } else if let exec {
            mode = .confirmed { ExecDelivery.run(exec.text, reminder: $0, timeout: timeout) }
        } else {
            mode = .inline { r in
                // Written (unbuffered) inside the claiming transaction: if stdout is gone,
                // the claim rolls back and the next run hands the reminder out again.
                do {
                    try Output.lineNow(json ? r.jsonLine : ReminderText.line(r))
                } catch {
                    throw PainLadderError.internalError("cannot write to standard output; the reminder stays unsent")
                }
            }
        }
        let result = try clinic.remind(now: now, policy: policy, mode: mode)
        if dryRun {
            for r in result.reminders { Output.line(json ? r.jsonLine : ReminderText.line(r)) }
            for m in result.missed {
                Output.note("dry run: would mark \(m.patientID)'s \(m.dose?.slot?.description ?? "") dose missed (nothing recorded)")
            }
        }
        for problem in result.problems { Output.error("course \(problem.courseID): \(ErrorText.message(problem.error))") }
        for f in result.failed {
            Output.error("--exec failed for \(f.key); it stays unsent and is handed out again on the next run")
        }
        if !result.failed.isEmpty { throw ExitCode(75) }
        if !result.problems.isEmpty { throw ExitCode(70) }
    }
}
