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
        running out by the plan (a prescription request). Each clinician-facing one opens an         inbox item ('painladder inbox'); an open red flag or dose above the maximum is handed         out again every --renotify-every minutes until acknowledged. A dose slot whose 2-hour window has \
        passed with nothing recorded is marked missed in the journal, never sent as a stale \
        "take now"; 'painladder take --at' still records it.

        Output: one line per reminder (--json: JSON Lines with schemaVersion, key, kind, audience, patientID, courseID, \
        local and UTC times and message). Nothing due: no output, exit 0.
        --exec CMD runs CMD with /bin/sh -c once per reminder, the JSON line on its standard \
        input (and PAINLADDER_REMINDER_KEY in its environment); a reminder counts as sent only \
        when CMD exits 0, otherwise it is handed out again, with the same key, on the next run.

        At least once, same key, never two at a time: the command holds the run's lock as \
        long as it lives and is stopped when the run dies; a timeout stops its whole process group.

        Clock: a --now more than 10 minutes after the system clock, or a run more than 31 days \
        after the last one, is refused (65) unless --replay says it is deliberate; nothing is \
        marked missed after the system clock. \
        --status shows the run mark (where the next run's catch-up starts); a mark ahead of \
        the system clock is not trusted. --reset-mark --reason TEXT clears it (recorded).

        Exit codes: 0 done (also nothing due) · 75 the database or another remind run stayed \
        busy, or a --exec command failed (those reminders are retried next run) · 70 a course \
        could not be handled (the others were) · 64/65/66 as for every command.
        Example crontab lines (cron takes no line breaks inside one entry):
          PAINLADDER_DB=/var/lib/painladder/clinic.sqlite
          */5 * * * * painladder remind --exec /usr/local/bin/send-reminder
        """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Show what would be handed out and marked missed; record nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Deliver each reminder by running this shell command (JSON on stdin).", valueName: "command"),
            transform: { command in try Parse.text(command, field: "--exec", required: true); return command })
    var exec: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Minutes before a dose slot its reminder may go out (0–120, default 15).", valueName: "minutes"), transform: Parse.integer("--window", 0...120))
    var window: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Remind the clinician this many days before a review (0–60, default 3).", valueName: "days"), transform: Parse.integer("--review-within", 0...60))
    var reviewWithin: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Ask for a prescription this many days before supply runs out (1–60, default 7).", valueName: "days"), transform: Parse.integer("--supply-days", 1...60))
    var supplyDays: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds a --exec command may take before it counts as failed (1–3600, default 60).", valueName: "seconds"), transform: Parse.integer("--exec-timeout", 1...3600))
    var execTimeout: Int?
    @Option(name: .customLong("renotify-every"), parsing: .unconditional, help: ArgumentHelp("Minutes between repeats of an open red flag or dose above the maximum until acknowledged (15–1440, default 120).", valueName: "minutes"), transform: Parse.integer("--renotify-every", 15...1440))
    var renotifyEvery: Int?
    @Flag(help: "A --now ahead of the system clock is a deliberate replay, not a wrong clock.") var replay = false
    @Flag(help: "Show the run mark (the last completed run) and whether it is ahead of the system clock.") var status = false
    @Flag(help: "Clear the run mark (with --reason): the next run looks back as a first run does.") var resetMark = false
    @Option(help: "Why the run mark is reset (recorded with who and when).") var reason: String?

    func run() throws {
        // The one read of the system clock: Clinic compares the run's now with it.
        let systemNow = Date()
        let now = global.now ?? systemNow
        if status || resetMark { return try mark(systemNow: systemNow) }
        if let reason { throw BadArgument(field: "--reason", given: reason, allowed: "only with --reset-mark") }
        var policy = ReminderPolicy.standard
        if let window { policy.doseLead = Double(window) * 60 }
        if let reviewWithin { policy.reviewWithinDays = reviewWithin }
        if let supplyDays { policy.supplyLeadDays = supplyDays }
        if let renotifyEvery { policy.inboxRenotifyInterval = Double(renotifyEvery) * 60 }
        let timeout = execTimeout.map(Double.init) ?? 60
        if dryRun, let exec {
            throw BadArgument(field: "--exec", given: exec, allowed: "no --exec with --dry-run (a dry run delivers nothing)")
        }
        let clinic = try global.openClinic(create: false)
        // Ctrl-C ends a run at once, as a kill does: every claim is its own transaction and
        // an unconfirmed one is handed out again (see Interrupts).
        Interrupts.restoreDefault()
        // A delivery command that exits without reading its input must not kill the job.
        signal(SIGPIPE, SIG_IGN)
        let json = global.json
        let mode: Clinic.RemindMode
        if dryRun {
            mode = .dryRun
        } else if let exec {
            mode = .confirmed { ExecDelivery.run(exec, reminder: $0, timeout: timeout) }
        } else {
            mode = .inline { r in
                // Written (unbuffered) inside the claiming transaction: if stdout is gone,
                // the claim rolls back and the next run hands the reminder out again.
                do {
                    try Output.lineNow(json ? ReminderLine.text(r) : ReminderText.line(r))
                } catch {
                    throw PainLadderError.internalError("cannot write to standard output; the reminder stays unsent")
                }
            }
        }
        let result = try clinic.remind(now: now, systemNow: systemNow, replay: replay, policy: policy, mode: mode)
        if dryRun {
            for r in result.reminders { Output.line(json ? ReminderLine.text(r) : ReminderText.line(r)) }
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

    /// `--status` and `--reset-mark`.
    private func mark(systemNow: Date) throws {
        if status && resetMark {
            throw BadArgument(field: "--status", given: "--status", allowed: "either --status or --reset-mark, not both")
        }
        if exec != nil || dryRun || replay {
            throw BadArgument(field: status ? "--status" : "--reset-mark", given: status ? "--status" : "--reset-mark",
                              allowed: "no --exec, --dry-run or --replay with it (it runs nothing)")
        }
        let clinic = try global.openClinic(create: false)
        if resetMark {
            guard let reason else {
                throw BadArgument(field: "--reason", given: "", allowed: "a reason for resetting the run mark (recorded)")
            }
            _ = try FreeText(reason, field: .reason, required: true)
            let cleared = try clinic.resetReminderMark(at: global.now ?? systemNow, by: GlobalOptions.currentUser, reason: reason)
            Output.line("run mark cleared (was \(cleared.map(Self.instant) ?? "none")); the next run looks back 24 hours")
            return
        }
        let mark = try clinic.reminderMark(systemNow: systemNow)
        if global.json {
            var object: [String: Any] = ["aheadOfSystemClock": mark.aheadOfClock, "systemClock": Self.instant(systemNow)]
            object["lastRun"] = mark.lastRun.map(Self.instant) ?? NSNull()
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            Output.line(String(decoding: data, as: UTF8.self))
            return
        }
        guard let last = mark.lastRun else {
            Output.line("run mark: none (no completed run yet); the next run looks back 24 hours")
            return
        }
        Output.line("run mark: \(Self.instant(last)) (the last completed run; the next run's catch-up starts here)")
        if mark.aheadOfClock {
            Output.line("warning: the mark is ahead of the system clock (\(Self.instant(systemNow))): it is not trusted, "
                        + "the next run looks back 7 days; clear it with 'painladder remind --reset-mark --reason TEXT'")
        }
    }

    private static func instant(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
