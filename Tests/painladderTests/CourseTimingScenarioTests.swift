import Foundation
import FormularyData
import PainLadder
import PainLadderClinic
import PainLadderStore
import Testing

/// Issue 13's scenario: two months of pregabalin in London (across the spring change on
/// 2026-03-29), a reminder job every 15 minutes, a patient who takes most doses, skips some
/// and forgets a few, a hold on the step-up day before its first dose and a decision at 11:05.
/// The key steps go through the binary; the 15-minute loop uses the same `Clinic` the binary
/// builds, on the same file, to stay within seconds. At the end every slot is accounted for
/// exactly once (taken, skipped, missed, or still open), and no slot lies before the plan
/// version that made it.
@Suite("Scenario: two months of a course with a cron-like reminder loop")
struct CourseTimingScenarioTests {
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    @Test("every slot once: taken, skipped, missed or open; none created in the past")
    func twoMonths() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let zone = TimeZone(identifier: "Europe/London")!
        try ok(cli, ["patient", "add", "S1", "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "90", "--now", "2026-03-01T09:00:00Z"])
        // A start at 11:05: the first day has its 20:00 dose only.
        try ok(cli, ["start", "S1", "pregabalin", "--by", "Dr Rao", "--now", "2026-03-02T11:05:00Z"])
        let store = try Store(path: cli.database.path, createIfMissing: false)
        let clinic = Clinic(store: store, formulary: try FormularyLoader.bundled())

        // Binary steps at their instants: a hold at 07:00 on the step-up day (03-09, before the
        // first 150 mg dose), and `continue` at 11:05 a week later.
        var binarySteps: [(Date, [String])] = [
            (Self.at("2026-03-09T07:00:00Z"), ["side-effect", "S1", "dizziness", "--severity", "moderate"]),
            (Self.at("2026-03-16T11:05:00Z"), ["decide", "S1", "continue", "--reason", "dizziness settled", "--by", "Dr Rao"]),
        ]
        var tick = Self.at("2026-03-02T11:15:00Z")
        let end = Self.at("2026-04-30T19:00:00Z")   // 20:00 BST: the last slot is due, not yet taken
        var day = 0
        var handedOut: [String: Int] = [:]
        while tick <= end {
            while let (when, args) = binarySteps.first, when <= tick {
                try ok(cli, args + ["--now", ISO8601DateFormatter().string(from: when)])
                binarySteps.removeFirst()
            }
            let local = WallClock.local(tick, in: zone)
            day = LocalDate(parsing: "2026-03-02")!.days(to: local.date)
            // The patient, 10 minutes after each slot: forgets the 08:00 dose every 9th day,
            // skips the 20:00 dose every 7th, takes the rest.
            if local.time == LocalTime(hour: 8, minute: 15)!, day % 9 != 4 {
                _ = try clinic.take(patientID: "S1", at: nil, doseMg: nil, note: nil, by: "S1", now: tick)
            }
            if local.time == LocalTime(hour: 20, minute: 15)! {
                if day % 7 == 3 {
                    _ = try clinic.skip(patientID: "S1", at: nil, reason: "felt sick", by: "S1", now: tick)
                } else {
                    _ = try clinic.take(patientID: "S1", at: nil, doseMg: nil, note: nil, by: "S1", now: tick)
                }
            }
            // The job at :00, :15, :30, :45: through the binary on the clock-change evening.
            let keys: [String]
            if local.date == LocalDate(parsing: "2026-03-29")!, local.time.hour == 19 {
                let r = try ok(cli, ["remind", "--replay", "--json", "--now", ISO8601DateFormatter().string(from: tick)])
                keys = CLI.jsonLines(r.stdout).compactMap { $0["key"] as? String }
            } else {
                var out: [Reminder] = []
                _ = try clinic.remind(now: tick, systemNow: tick, policy: .standard, mode: .inline { out.append($0) })
                keys = out.map(\.key)
            }
            for k in keys { handedOut[k, default: 0] += 1 }
            tick = tick.addingTimeInterval(15 * 60)
        }
        #expect(handedOut.values.allSatisfy { $0 == 1 }, "a reminder twice: \(handedOut.filter { $0.value > 1 })")

        let record = try clinic.record(patientID: "S1")
        let course = try #require(record.courses.first)
        let slots = DoseCalendar.slots(versions: course.versions, courseStart: course.course.startDate,
                                       from: course.course.startDate, to: LocalDate(parsing: "2026-04-30")!, zones: record.zones)
        // 03-02 has its 20:00 slot only; then 58 full days (03-03..04-29) and 04-30 08:00 and 20:00.
        #expect(slots.first?.key.description == "2026-03-02 20:00")
        #expect(slots.count == 1 + 59 * 2)
        let effective = Journal.effective(record.journal)
        var byKey: [SlotKey: [JournalEntry.Kind]] = [:]
        for e in effective where [.taken, .skipped, .missed].contains(e.kind) {
            if let key = e.dose?.slot { byKey[key, default: []].append(e.kind) }
        }
        let slotKeys = Set(slots.map(\.key))
        #expect(byKey.keys.allSatisfy { slotKeys.contains($0) }, "an entry for a slot that does not exist: \(byKey.keys.filter { !slotKeys.contains($0) })")
        var open: [SlotKey] = []
        for slot in slots {
            let kinds = byKey[slot.key] ?? []
            #expect(kinds.count <= 1, "\(slot.key) recorded \(kinds)")
            if kinds.isEmpty { open.append(slot.key) }
            // No slot before the version that made it existed.
            let version = try #require(course.versions.first { $0.id == slot.planVersionID })
            #expect(slot.instant >= version.createdAt, "\(slot.key) lies before plan version \(version.version) was made")
        }
        // Only 04-30's 20:00 slot, due at the last run, is still open: the rest were taken,
        // skipped or marked missed by the job.
        #expect(open.map(\.description) == ["2026-04-30 20:00"], "\(open)")
        let counts = Dictionary(grouping: byKey.values.flatMap { $0 }, by: { $0 }).mapValues(\.count)
        // 08:00 forgotten on days 4, 13, 22, 31, 40, 49, 58 (7); 20:00 skipped on days 3, 10, …, 52
        // (8; day 59's is the open one); the other 119 - 1 - 7 - 8 = 103 taken.
        #expect(counts[.missed] == 7, "\(counts)")
        #expect(counts[.skipped] == 8, "\(counts)")
        #expect(counts[.taken] == 103, "\(counts)")
        // The hold kept 150 mg (75 mg at each slot) on 03-09; the continue put 300 mg from 03-16 20:00.
        let dose = Dictionary(uniqueKeysWithValues: slots.map { ($0.key.description, $0.doseMg) })
        #expect(dose["2026-03-09 08:00"] == 75 && dose["2026-03-16 08:00"] == 75 && dose["2026-03-16 20:00"] == 150,
                "\(dose.filter { $0.key.hasPrefix("2026-03-09") || $0.key.hasPrefix("2026-03-16") })")
    }
}
