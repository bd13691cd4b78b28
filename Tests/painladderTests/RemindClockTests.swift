import Foundation
import Testing

/// Issue 14, Why 1: one run with a wrong clock must not turn off missed-dose detection.
/// The real clock when these tests run is after March 2026 (the runs' `--now`), so a
/// `--now` in 2027 is ahead of it.
@Suite("Reliability: a wrong clock")
struct RemindClockTests {
    /// The `at` of every `missed` entry, in order.
    static func missed(_ cli: CLI) throws -> [String] {
        try Reliability.sqlite(cli.database, "SELECT at FROM journal_entry WHERE kind = 'missed' ORDER BY at")
            .split(separator: "\n").map(String.init)
    }

    /// A clinic with P001 on amitriptyline from 2026-03-02 and the first run of Why 1 done
    /// (noon on 2026-03-02, delivering with `deliver` when given).
    static func afterFirstRun(deliver: String? = nil) throws -> CLI {
        let cli = try CLI()
        try cli.patientOnCourse("P001")
        let first = try cli.run(["remind"] + (deliver.map { ["--exec", $0] } ?? []) + ["--now", "2026-03-02T12:00:00Z"])
        #expect(first.status == 0, "\(first.stderr)")
        return cli
    }

    /// The delivery command of these tests: appends the JSON line to a file in `cli`'s folder.
    static func deliver(_ cli: CLI) -> String { "cat >> '\(cli.directory.path)/delivered.jsonl'" }

    static let expectedMissed = (2...6).map { "2026-03-0\($0)T22:00:00.000Z" }

    /// The real-time nights of Why 1: runs at noon, 3–7 March, nothing recorded.
    static func realNights(_ cli: CLI, deliver: String) throws {
        for day in 3...7 {
            let r = try cli.run(["remind", "--exec", deliver, "--now", "2026-03-0\(day)T12:00:00Z"])
            #expect(r.status == 0, "3–7 March, day \(day): \(r.stderr)")
        }
    }

    @Test("Why 1: a run at 2027 is refused without --replay; the nights after still mark missed doses")
    func wrongClockRefused() throws {
        let outbox = try CLI()   // a folder for what the delivery command receives
        let cli = try Self.afterFirstRun(deliver: Self.deliver(outbox))
        defer { cli.cleanUp(); outbox.cleanUp() }
        let deliver = Self.deliver(outbox)
        let before = try cli.dump()
        let wrong = try cli.run(["remind", "--exec", deliver, "--now", "2027-03-02T12:00:00Z"])
        #expect(wrong.status == 65)
        #expect(wrong.errorLines.count == 1 && wrong.stderr.contains("--now: '2027-03-02T12:00:00Z' is not valid")
                && wrong.stderr.contains("--replay"), "\(wrong.stderr)")
        #expect(try cli.dump() == before, "a refused run records nothing")
        try Self.realNights(cli, deliver: deliver)
        #expect(try Self.missed(cli) == Self.expectedMissed)
        let alerts = try Reliability.sqlite(cli.database, "SELECT key FROM reminder_sent WHERE kind = 'missed-doses'")
        #expect(alerts == "missed-doses:c1:2026-03-03T22:00")
    }

    @Test("Why 1 with --replay: the 2027 run records no future miss and leaves the mark; the nights after are normal")
    func replayAhead() throws {
        let outbox = try CLI()   // a folder for what the delivery command receives
        let cli = try Self.afterFirstRun(deliver: Self.deliver(outbox))
        defer { cli.cleanUp(); outbox.cleanUp() }
        let deliver = Self.deliver(outbox)
        let replay = try cli.run(["remind", "--exec", deliver, "--replay", "--now", "2027-03-02T12:00:00Z"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let systemClock = ISO8601DateFormatter().string(from: Date())
        let future = try Reliability.sqlite(cli.database, """
            SELECT count(*) FROM journal_entry WHERE at > '\(systemClock)' OR recorded_at > '\(systemClock)'
            """)
        #expect(future == "0", "no journal entry dated after the system clock")
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM reminder_sent WHERE kind = 'missed-doses'") == "0")
        let status = try cli.run(["remind", "--status", "--json"])
        let object = try #require(CLI.jsonLines(status.stdout).first)
        #expect(object["lastRun"] as? String == "2026-03-02T12:00:00Z", "a replay ahead of the clock leaves the mark")
        #expect(object["aheadOfSystemClock"] as? Bool == false)
        try Self.realNights(cli, deliver: deliver)
        #expect(try Self.missed(cli) == Self.expectedMissed)
        #expect(try Reliability.sqlite(cli.database, "SELECT key FROM reminder_sent WHERE kind = 'missed-doses'")
                == "missed-doses:c1:2026-03-03T22:00")
    }

    @Test("a mark at 9999 (left by an older release): status says so, the next run re-scans, --reset-mark clears it, recorded")
    func markAheadOfClock() throws {
        let cli = try Self.afterFirstRun()
        defer { cli.cleanUp() }
        try Reliability.sqlite(cli.database, "UPDATE reminder_run SET last_run_at = '9999-12-31T23:59:59.000Z'", write: true)
        let status = try cli.run(["remind", "--status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("run mark: 9999-12-31T23:59:59Z"), "\(status.stdout)")
        #expect(status.stdout.contains("ahead of the system clock"), "\(status.stdout)")
        // Not trusted: the run looks back 7 days and marks 2–4 March missed, then marks itself.
        #expect(try cli.run(["remind", "--now", "2026-03-05T12:00:00Z"]).status == 0)
        #expect(try Self.missed(cli) == Array(Self.expectedMissed.prefix(3)))
        #expect(try cli.run(["remind", "--status"]).stdout.hasPrefix("run mark: 2026-03-05T12:00:00Z"))

        // A replay of the past re-scans its window and moves the mark back to it.
        #expect(try cli.run(["remind", "--now", "2026-03-04T12:00:00Z"]).status == 0)
        #expect(try cli.run(["remind", "--status"]).stdout.hasPrefix("run mark: 2026-03-04T12:00:00Z"))
        #expect(try Self.missed(cli) == Array(Self.expectedMissed.prefix(3)), "nothing marked twice")

        let before = try cli.dump()
        let noReason = try cli.run(["remind", "--reset-mark"])
        #expect(noReason.status == 65 && noReason.stderr.contains("--reason"), "\(noReason.stderr)")
        #expect(try cli.dump() == before)
        let reset = try cli.run(["remind", "--reset-mark", "--reason", "clock was wrong at boot"])
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stdout.contains("was 2026-03-04T12:00:00Z"))
        #expect(try Reliability.sqlite(cli.database, "SELECT actor || '|' || reason || '|' || mark_before FROM reminder_mark_reset")
                == "tester|clock was wrong at boot|2026-03-04T12:00:00.000Z")
        #expect(try cli.run(["remind", "--status"]).stdout.hasPrefix("run mark: none"))
        // The record of resets cannot be rewritten.
        #expect(throws: Reliability.SQLiteFailure.self) {
            try Reliability.sqlite(cli.database, "DELETE FROM reminder_mark_reset", write: true)
        }
    }

    @Test("a run more than 31 days after the last one (a system clock that jumped) is refused unless --replay")
    func jumpPastLastRun() throws {
        let cli = try Self.afterFirstRun()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        let jump = try cli.run(["remind", "--now", "2026-04-03T12:00:01Z"])
        #expect(jump.status == 65 && jump.errorLines.count == 1, "\(jump.stderr)")
        #expect(jump.stderr.contains("31 days after the last completed run (2026-03-02T12:00:00Z)") && jump.stderr.contains("--replay"),
                "\(jump.stderr)")
        #expect(try cli.dump() == before)
        #expect(try cli.run(["remind", "--now", "2026-04-02T12:00:00Z"]).status == 0, "31 days is allowed")
        #expect(try cli.run(["remind", "--replay", "--now", "2026-06-02T12:00:00Z"]).status == 0)
    }
}
