import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The reminder job as cron runs it: the built binary, real processes, one database.
///
/// Amitriptyline from the formulary from Monday 2026-03-02: 10 mg (1 × 10 mg tablet) at
/// 22:00, 20 mg from 03-09. London is on GMT in early March, so 22:00 local is 22:00Z.
@Suite("End to end: painladder remind, supply, export")
struct RemindEndToEndTests {
    @Test("nothing due: no output and exit 0; a dose due: one line; --json: one object per reminder")
    func outputs() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        // 12:00 on Thursday 03-05: nothing due (the first run marks the 03-04 22:00 dose missed, silently).
        let quiet = try cli.run(["remind", "--now", "2026-03-05T12:00:00Z"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet)")
        let line = try cli.run(["remind", "--now", "2026-03-05T21:45:00Z"])
        #expect(line.status == 0, "\(line.stderr)")
        #expect(line.stdout == "2026-03-05 22:00 Europe/London · P001 · to patient · Time to take amitriptyline 10 mg "
            + "(1 × 10 mg tablet), due at 22:00. [dose:c1:2026-03-05T22:00]\n")
        #expect(try cli.run(["remind", "--now", "2026-03-05T21:50:00Z"]).stdout.isEmpty, "sent once")
        // The next evening: the 03-05 dose was never recorded, so with 03-04 that makes two
        // missed in a row (the clinician is told), and the 03-06 dose is due.
        let json = try cli.run(["remind", "--json", "--now", "2026-03-06T21:45:00Z"])
        let objects = CLI.jsonLines(json.stdout)
        #expect(objects.compactMap { $0["key"] as? String } == ["missed-doses:c1:2026-03-05T22:00", "dose:c1:2026-03-06T22:00"])
        #expect(objects.first?["audience"] as? String == "clinician")
        let o = try #require(objects.last)
        #expect(o["key"] as? String == "dose:c1:2026-03-06T22:00")
        #expect(o["kind"] as? String == "dose")
        #expect(o["audience"] as? String == "patient")
        #expect(o["patient"] as? String == "P001")
        #expect(o["local"] as? String == "2026-03-06T22:00")
        #expect(o["utc"] as? String == "2026-03-06T22:00:00Z")
        #expect(o["timeZone"] as? String == "Europe/London")
        #expect((o["message"] as? String)?.contains("10 mg (1 × 10 mg tablet)") == true)
    }

    @Test("--dry-run shows what is due and changes nothing")
    func dryRun() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        let before = try cli.dump()
        let r = try cli.run(["remind", "--dry-run", "--json", "--now", "2026-03-05T21:45:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.keys(r.stdout) == ["dose:c1:2026-03-05T22:00"])
        #expect(r.stderr.contains("would mark P001's 2026-03-04 22:00 dose missed"))
        #expect(try cli.dump() == before)
        // The real run then hands it out.
        #expect(CLI.keys(try cli.run(["remind", "--json", "--now", "2026-03-05T21:45:00Z"]).stdout) == ["dose:c1:2026-03-05T22:00"])
    }

    @Test("two remind processes started at the same moment: no reminder twice")
    func concurrentRuns() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for i in 1...5 { try cli.patientOnCourse("P00\(i)") }
        let out = cli.directory.appendingPathComponent("delivered.jsonl").path
        for (round, now) in ["2026-03-05T21:45:00Z", "2026-03-05T21:50:00Z", "2026-03-06T21:45:00Z"].enumerated() {
            let a = try cli.start(["remind", "--json", "--now", now], name: "a\(round)")
            let b = try cli.start(["remind", "--exec", "cat >> '\(out)'", "--now", now], name: "b\(round)")
            let ra = a.wait(), rb = b.wait()
            // Either finishes (0), or finds the other holding the job for too long (75, nothing done).
            #expect([0, 75].contains(ra.status) && [0, 75].contains(rb.status), "\(ra) \(rb)")
            #expect(ra.status == 0 || rb.status == 0)
        }
        var handed: [String] = []
        for round in 0..<3 {
            handed += CLI.keys((try? String(contentsOfFile: cli.directory.appendingPathComponent("a\(round).out").path, encoding: .utf8)) ?? "")
        }
        handed += CLI.keys((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
        // Worked by hand: each patient's 22:00 dose on 03-05 and 03-06, once each; on 03-06 the
        // clinician hears that 03-04 (marked by the first run) and 03-05 were both missed.
        let expected = (1...5).flatMap {
            ["dose:c\($0):2026-03-05T22:00", "dose:c\($0):2026-03-06T22:00", "missed-doses:c\($0):2026-03-05T22:00"]
        }
        #expect(handed.sorted() == expected.sorted(), "handed out: \(handed)")
        #expect(handed.count == Set(handed).count)
    }

    @Test("a remind killed with SIGKILL mid-run, then run again: nothing lost, nothing sent twice under a new key")
    func killedMidRun() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for i in 1...3 { try cli.patientOnCourse("P00\(i)") }
        let dir = cli.directory.path
        let out = dir + "/delivered.jsonl", started = cli.directory.appendingPathComponent("started"), pidFile = dir + "/sleeper.pid"
        // The first delivery records what it got, says so, and hangs.
        let hanging = try cli.start(["remind", "--exec", "cat >> '\(out)'; echo $$ > '\(pidFile)'; touch '\(started.path)'; exec sleep 60",
                                     "--now", "2026-03-05T21:45:00Z"], name: "killed")
        #expect(CLI.waitFor(started), "the delivery command never started")
        kill(hanging.process.processIdentifier, SIGKILL)
        _ = hanging.wait()
        if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(pid, SIGKILL)
        }
        let firstKeys = CLI.keys((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
        #expect(firstKeys == ["dose:c1:2026-03-05T22:00"], "the run died during its first delivery")

        let again = try cli.run(["remind", "--exec", "cat >> '\(out)'", "--now", "2026-03-05T21:50:00Z"])
        #expect(again.status == 0, "\(again.stderr)")
        let lines = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        let keys = lines.compactMap { CLI.keys($0).first }
        let expected = (1...3).map { "dose:c\($0):2026-03-05T22:00" }
        #expect(Set(keys) == Set(expected), "nothing lost, no new key")
        // The one in flight when the run died is handed out again, same key, same bytes.
        #expect(keys.filter { $0 == "dose:c1:2026-03-05T22:00" }.count == 2)
        #expect(Set(lines.filter { $0.contains("dose:c1:") }).count == 1)
        #expect(keys.count == 4)
        // Now all confirmed: a third run hands out nothing.
        let third = try cli.run(["remind", "--exec", "cat >> '\(out)'", "--now", "2026-03-05T21:55:00Z"])
        #expect(third.status == 0)
        #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").count == 4)
    }

    @Test("--exec with a failing command: exit 75, and the reminder is sent again next run with the same key")
    func failingExec() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        let out = cli.directory.appendingPathComponent("delivered.jsonl").path
        let failed = try cli.run(["remind", "--exec", "cat > /dev/null; exit 1", "--now", "2026-03-05T21:45:00Z"])
        #expect(failed.status == 75)
        #expect(failed.stderr.contains("dose:c1:2026-03-05T22:00"))
        #expect(failed.stdout.isEmpty)
        let ok = try cli.run(["remind", "--exec", "cat >> '\(out)'; test \"$PAINLADDER_REMINDER_KEY\" = dose:c1:2026-03-05T22:00",
                              "--now", "2026-03-05T21:50:00Z"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(CLI.keys((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") == ["dose:c1:2026-03-05T22:00"])
        #expect(try cli.run(["remind", "--exec", "cat >> '\(out)'", "--now", "2026-03-05T21:55:00Z"]).status == 0)
        #expect(CLI.keys((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").count == 1)
    }

    @Test("a three-hour gap: a dose still in its window is sent, one whose window passed becomes a missed dose")
    func threeHourGap() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")                     // 22:00
        try cli.patientOnCourse("P002", times: "14:00")     // 14:00
        #expect(try cli.run(["remind", "--now", "2026-03-05T13:40:00Z"]).stdout.isEmpty)
        // Off 13:40 → 16:40: P002's 14:00 window (13:45–16:00) passed unseen.
        let afternoon = try cli.run(["remind", "--json", "--now", "2026-03-05T16:40:00Z"])
        #expect(afternoon.status == 0)
        // No stale "take now". The first run (13:40, looking back 24 h) marked 03-04 14:00
        // missed; 03-05 14:00 makes two in a row: the clinician is told.
        #expect(CLI.keys(afternoon.stdout) == ["missed-doses:c2:2026-03-05T14:00"])
        let history = try cli.run(["history", "P002", "--now", "2026-03-05T16:45:00Z"])
        #expect(history.stdout.contains("nothing recorded for the 2026-03-05 14:00 dose"))
        // The patient can still record it, late.
        let take = try cli.run(["take", "P002", "--at", "2026-03-05 16:50", "--now", "2026-03-05T16:55:00Z"])
        #expect(take.stdout.contains("for the 2026-03-05 14:00 dose (late)"), "\(take.stdout) \(take.stderr)")
        // Off 21:00 → 00:00: P001's 22:00 dose is exactly 2 hours old: still sent.
        #expect(try cli.run(["remind", "--now", "2026-03-05T21:00:00Z"]).stdout.isEmpty)
        let night = try cli.run(["remind", "--json", "--now", "2026-03-06T00:00:00Z"])
        #expect(CLI.keys(night.stdout) == ["dose:c1:2026-03-05T22:00"])
    }

    @Test("another remind holding the job: wait, then exit 75 with the database unchanged")
    func busy() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        let before = try cli.dump()
        let fd = open(cli.database.path + ".remind-lock", O_RDWR | O_CREAT, 0o600)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let r = try cli.run(["remind", "--now", "2026-03-05T21:45:00Z"])
        close(fd)
        #expect(r.status == 75)
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("busy"))
        #expect(try cli.dump() == before)
    }

    @Test("supply: a strength the drug lacks is refused, one line, nothing changed; stock by the plan")
    func supply() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        let before = try cli.dump()
        let bad = try cli.run(["supply", "P001", "--add", "56", "--strength", "20", "--now", "2026-03-02T09:00:00Z"])
        #expect(bad.status == 65)
        #expect(bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("--strength"))
        #expect(try cli.dump() == before)
        let ok = try cli.run(["supply", "P001", "--add", "56", "--strength", "10", "--now", "2026-03-02T09:00:00Z"])
        #expect(ok.status == 0, "\(ok.stderr)")
        // 10, 20, 30, 40 mg a night from 03-02, 03-09, 03-16, 03-23: 42 tablets by 03-22, 12 more
        // by 03-25, 2 left for the 4 needed on 03-26. Asked for from 03-19.
        #expect(ok.stdout.contains("10 mg tablets: about 56 in hand; by the plan they run out at the 22:00 dose on 2026-03-26; "
            + "a new prescription is asked for from 2026-03-19"))
        let ask = try cli.run(["remind", "--json", "--now", "2026-03-19T08:00:00Z"])
        #expect(CLI.keys(ask.stdout).contains("supply:c1:10mg:e1"))
    }

    @Test("export --format ics: a calendar apps accept, matching the schedule")
    func exportICS() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        let file = cli.directory.appendingPathComponent("plan.ics")
        let r = try cli.run(["export", "P001", "--format", "ics", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 6, "five steps and the review")
        #expect(unfolded.filter { $0 == "BEGIN:VALARM" }.count == 6)
        #expect(unfolded.filter { $0 == "BEGIN:VTIMEZONE" }.count == 1)
        #expect(unfolded.contains("TZID:Europe/London"))
        // The formulary's plan, by hand: 10 → 50 mg at 22:00, a step every 7 days from 03-02.
        for (start, until) in [("20260302", "20260308T235959Z"), ("20260309", "20260315T235959Z"), ("20260316", "20260322T235959Z"),
                               ("20260323", "20260329T225959Z")] {
            #expect(unfolded.contains("DTSTART;TZID=Europe/London:\(start)T220000"))
            #expect(unfolded.contains("RRULE:FREQ=DAILY;UNTIL=\(until)"))
        }
        #expect(unfolded.contains("DTSTART;TZID=Europe/London:20260330T220000"))
        #expect(unfolded.contains("SUMMARY:Amitriptyline 50 mg (1 × 50 mg tablet)"))
        #expect(unfolded.contains("SUMMARY:Amitriptyline 40 mg (4 × 10 mg tablets)"))
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20260316"))
        #expect(unfolded.contains("UID:c1-step1-2200@painladder"))
        // Stable: a second export is the same file.
        let again = try cli.run(["export", "P001", "--format", "ics"])
        #expect(again.stdout == text)
        let pdf = try cli.run(["export", "P001", "--format", "pdf"])
        #expect(pdf.status == 65 && pdf.stderr.contains("--format"))
    }
}
