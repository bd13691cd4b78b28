import Foundation
import Testing

/// Issue 12 (patients as they really are), items 1–4, through the binary with the exact
/// inputs of the issue's "Why"; every expected value worked by hand in the comments.
@Suite("End to end: age, unknown kidney function, frail and renal together, Cockcroft–Gault weight")
struct PatientSafetyEndToEndTests {
    static let now = "2026-03-02T09:00:00Z"

    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func add(_ cli: CLI, _ id: String, born: String, sex: String = "female", _ extra: [String] = []) throws {
        try ok(cli, ["patient", "add", id, "--born", born, "--sex", sex, "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--now", Self.now] + extra)
    }

    func start(_ cli: CLI, _ id: String, _ drug: String, _ extra: [String] = []) throws -> CLI.Result {
        try cli.run(["start", id, drug, "--on", "2026-03-02", "--by", "Dr Rao", "--now", Self.now] + extra)
    }

    /// One line on stderr, exit 65, nothing written.
    func refused(_ cli: CLI, _ r: CLI.Result, before: String, naming: [String]) throws {
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        for word in naming { #expect(r.stderr.contains(word), "\(word) in \(r.stderr)") }
        #expect(try cli.dump() == before)
    }

    // MARK: - 1. Age

    @Test("a 12-year-old is refused pregabalin with the rule and its sources; with an override the plan is unlicensed on every screen")
    func childRefusedThenUnlicensed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Born 2013-09-10: 12 on 2026-03-02.
        try add(cli, "K12", born: "2013-09-10", ["--crcl", "100"])
        let before = try cli.dump()
        try refused(cli, try start(cli, "K12", "pregabalin"), before: before,
                    naming: ["pregabalin must not be started", "rule adults-only", "S1", "S100"])

        let started = try start(cli, "K12", "pregabalin", ["--override", "age", "--override-reason", "paediatric pain team advice"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("! UNLICENSED, started on a clinician's override: Not started under 18"), "\(started.stdout)")
        #expect(started.stdout.contains("override hardStop:age, allowed by Dr Rao on 2026-03-02: paediatric pain team advice"))
        for screen in [["schedule", "K12"], ["today", "K12"], ["review", "K12"], ["patient", "show", "K12"]] {
            let r = try ok(cli, screen + ["--now", "2026-03-03T09:00:00Z"])
            #expect(r.stdout.contains("UNLICENSED, started on a clinician's override"), "\(screen): \(r.stdout)")
        }
        // Recorded: the plan version carries the override, and the audit row its reason.
        let history = try ok(cli, ["schedule", "K12", "--json", "--now", "2026-03-03T09:00:00Z"])
        #expect(history.stdout.contains("hardStop:age"), "\(history.stdout)")

        // An override that passes nothing is refused (the record names only limits really passed).
        try add(cli, "A40", born: "1986-01-01", ["--crcl", "100"])
        let adultBefore = try cli.dump()
        try refused(cli, try start(cli, "A40", "pregabalin", ["--override", "age", "--override-reason", "x"]),
                    before: adultBefore, naming: ["--override: 'age' is not valid"])
    }

    @Test("a birth date in the future or an age over 120 is bad input: one line, 65, no database")
    func impossibleBirthDates() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (born, allowed) in [("2026-03-03", "a date not after today (2026-03-02)"),
                                ("1905-03-01", "a date giving an age of at most 120 years today (2026-03-02)")] {
            let r = try cli.run(["patient", "add", "X", "--born", born, "--sex", "male", "--tz", "Europe/London",
                                 "--diagnosis", "diabetic-peripheral-neuropathy", "--now", Self.now])
            #expect(r.status == 65)
            #expect(r.stderr == "painladder: --born: '\(born)' is not valid; allowed: \(allowed)\n", "\(r.stderr)")
            #expect(try cli.dump() == "(no database)")
        }
        // 120 exactly is allowed: born 1906-03-02.
        try add(cli, "OLDEST", born: "1906-03-02")
    }

    // MARK: - 2. Unknown kidney function

    @Test("no CrCl and no creatinine: gabapentin, pregabalin and duloxetine are refused, saying what to record")
    func unknownKidneyFunctionRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P86", born: "1940-01-01")
        let before = try cli.dump()
        for drug in ["gabapentin", "pregabalin", "duloxetine"] {
            try refused(cli, try start(cli, "P86", drug), before: before,
                        naming: ["\(drug) must not be started: Kidney function unknown", "rule renal-function-unknown",
                                 "--crcl", "--override kidney-function-unknown"])
        }
        // Amitriptyline's dose does not depend on it: started as before.
        #expect(try start(cli, "P86", "amitriptyline").status == 0)
    }

    @Test("an 86-year-old acknowledged without kidney function: gabapentin capped at the lowest band; a value recorded later is used at the next decision")
    func acknowledgedAndCappedThenReevaluated() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P86", born: "1940-01-01")
        // Most cautious band: CrCl below 15, maximum 300 mg/day, titration 100 + 100 every 7 days
        // (minimum 3), target 100. The standard plan (300 mg/day first) is higher at every step,
        // so the band's steps are taken: 100 mg from 03-02; 200 and 300 wait for a review.
        let r = try start(cli, "P86", "gabapentin", ["--override", "kidney-function-unknown", "--override-reason", "bloods due Friday"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("kidney function unknown: plan capped within the most cautious renal band (CrCl below 15 mL/min, maximum 300 mg/day)"), "\(r.stdout)")
        #expect(r.stdout.contains("Maximum for this patient: 300 mg/day"))
        #expect(r.stdout.contains("1     2026-03-02  100 mg  100 mg: 1 × 100 mg capsule at 22:00"), "\(r.stdout)")
        for screen in [["schedule", "P86"], ["today", "P86"], ["review", "P86"], ["patient", "show", "P86"]] {
            let s = try ok(cli, screen + ["--now", "2026-03-03T09:00:00Z"])
            #expect(s.stdout.contains("kidney function unknown: plan capped"), "\(screen): \(s.stdout)")
        }

        // CrCl 55 recorded: band 50 to <80 (maximum 1800). The review says the plan is re-evaluated.
        try ok(cli, ["patient", "update", "P86", "--crcl", "55", "--reason", "bloods", "--now", "2026-03-09T09:00:00Z"])
        let review = try ok(cli, ["review", "P86", "--now", "2026-03-10T09:00:00Z"])
        #expect(review.stdout.contains("kidney function recorded since this plan was made (CrCl 55 mL/min): the plan is re-evaluated at the next decision"),
                "\(review.stdout)")
        let decided = try ok(cli, ["decide", "P86", "continue", "--reason", "tolerating", "--by", "Dr Rao", "--now", "2026-03-10T12:00:00Z"])
        #expect(decided.stdout.contains("Maximum for this patient: 1800 mg/day"), "\(decided.stdout)")
        let schedule = try ok(cli, ["schedule", "P86", "--now", "2026-03-10T13:00:00Z"])
        #expect(!schedule.stdout.contains("plan capped"), "\(schedule.stdout)")
        #expect(schedule.stdout.contains("renal band CrCl 50 to <80 mL/min"), "\(schedule.stdout)")
        let after = try ok(cli, ["review", "P86", "--now", "2026-03-11T09:00:00Z"])
        #expect(!after.stdout.contains("re-evaluated at the next decision"), "\(after.stdout)")
    }

    // MARK: - 3. Frail and renal together

    @Test("frail, 82, CrCl 45: pregabalin 25 mg twice daily with 7-day steps, never the band's faster pace")
    func frailAndRenalTakeTheCautiousPlan() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Born 1943-06-01: 82 on 2026-03-02. Elderly: 50, 100, 150, 300 mg/day every 7 days (minimum 7);
        // band 30–60: 75, 150, 300 every 7 days (minimum 3), maximum 300, target 150. Step by step the
        // lower dose and the longer interval: 50 (03-02), 100 (03-09), 150 (03-16, target), then 300
        // after a review (03-23); every minimum 7 days.
        try add(cli, "F82", born: "1943-06-01", ["--crcl", "45", "--frail"])
        let r = try start(cli, "F82", "pregabalin")
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["1     2026-03-02  50 mg   25 mg: 1 × 25 mg capsule at 08:00; 25 mg: 1 × 25 mg capsule at 20:00",
                     "2     2026-03-09  100 mg  50 mg: 1 × 50 mg capsule at 08:00; 50 mg: 1 × 50 mg capsule at 20:00",
                     "3     2026-03-16  150 mg  75 mg: 1 × 75 mg capsule at 08:00; 75 mg: 1 × 75 mg capsule at 20:00",
                     "4     300 mg  150 mg: 1 × 150 mg capsule at 08:00; 150 mg: 1 × 150 mg capsule at 20:00",
                     "Maximum for this patient: 300 mg/day", "Usual target: 150 mg/day"] {
            #expect(r.stdout.contains(line), "\(line) in \(r.stdout)")
        }
        // The issue's increase on day 3 is refused: the next step may start from 03-09.
        let before = try cli.dump()
        let early = try cli.run(["decide", "F82", "increase", "--reason", "pain", "--by", "Dr Rao", "--now", "2026-03-04T12:00:00Z"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("the next step may start from 2026-03-09 (at least 7 days on a step"), "\(early.stderr)")
        #expect(try cli.dump() == before)

        // The same woman at CrCl 75 (no band): the elderly plan alone, the same first weeks.
        try add(cli, "F82B", born: "1943-06-01", ["--crcl", "75", "--frail"])
        let normal = try start(cli, "F82B", "pregabalin")
        #expect(normal.stdout.contains("2     2026-03-09  100 mg"), "\(normal.stdout)")
        #expect(normal.stdout.contains("Maximum for this patient: 600 mg/day"), "\(normal.stdout)")
    }

    @Test("gabapentin's slow plan never steps up daily: its minimum interval is the standard plan's 2 days")
    func slowGabapentinMinimum() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "G70", born: "1955-01-01", ["--crcl", "90", "--frail"])
        let r = try start(cli, "G70", "gabapentin", ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let plan = try #require(json["plan"] as? [String: Any])
        let schedule = try #require(plan["schedule"] as? [String: Any])
        let steps = try #require(schedule["steps"] as? [[String: Any]])
        #expect(!steps.isEmpty)
        #expect(steps.allSatisfy { ($0["minimumDays"] as? Int ?? 0) >= 2 }, "\(steps.map { $0["minimumDays"] ?? "-" })")
        // An increase the day after the start is refused.
        let early = try cli.run(["decide", "G70", "increase", "--reason", "pain", "--by", "Dr Rao", "--now", "2026-03-03T12:00:00Z"])
        #expect(early.status == 65, "\(early.stderr)")
    }

    // MARK: - 4. Cockcroft–Gault with the right weight

    @Test("150 kg man, 60, creatinine 150: 98 mL/min on actual weight with a warning; 67 on adjusted weight with height 175; measured wins")
    func cockcroftGaultWeight() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Born 1966-01-01: 60. Actual weight: 80 × 150 × 1.23 / 150 = 98.4 → 98 (no gabapentin band).
        try add(cli, "M150", born: "1966-01-01", sex: "male", ["--weight", "150", "--creatinine", "150", "--creatinine-unit", "umol/L"])
        let show = try ok(cli, ["patient", "show", "M150", "--now", Self.now])
        #expect(show.stdout.contains("CrCl        98 mL/min (Cockcroft–Gault, actual weight 150.0 kg; height unknown)"), "\(show.stdout)")
        // Without height: heights from 150 cm give adjusted weights down to 47.83 + 0.4 × 102.17 = 88.70 kg
        // (58 mL/min) and up to ideal 138.4 kg at 250 cm (91 mL/min): band 50 to <80 possible: warned.
        let first = try start(cli, "M150", "gabapentin")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Height unknown: Cockcroft–Gault used actual weight (150 kg): 98 mL/min (no renal band)"), "\(first.stdout)")
        #expect(first.stdout.contains("58–91 mL/min (CrCl 50 to <80 mL/min)"), "\(first.stdout)")

        // Height 175 cm: IBW 50 + 2.3 × (175 / 2.54 − 60) = 70.46 kg; 150 kg > 120 % of it, so adjusted
        // 70.46 + 0.4 × 79.54 = 102.28 kg; 80 × 102.28 × 1.23 / 150 = 67.09 → 67: band 50 to <80, maximum 1800.
        try add(cli, "M150H", born: "1966-01-01", sex: "male",
                ["--weight", "150", "--height", "175", "--creatinine", "150", "--creatinine-unit", "umol/L"])
        let tall = try ok(cli, ["patient", "show", "M150H", "--now", Self.now])
        #expect(tall.stdout.contains("CrCl        67 mL/min (Cockcroft–Gault, adjusted body weight 102.3 kg (ideal 70.5 kg))"), "\(tall.stdout)")
        #expect(tall.stdout.contains("height      175.0 cm"))
        let planned = try start(cli, "M150H", "gabapentin")
        #expect(planned.stdout.contains("renal band CrCl 50 to <80 mL/min"), "\(planned.stdout)")
        #expect(planned.stdout.contains("Maximum for this patient: 1800 mg/day"), "\(planned.stdout)")
        #expect(!planned.stdout.contains("Height unknown"))

        // Height added later by update; a measured clearance still wins.
        try ok(cli, ["patient", "update", "M150", "--height", "175", "--reason", "measured", "--now", Self.now])
        #expect(try ok(cli, ["patient", "show", "M150", "--now", Self.now]).stdout.contains("CrCl        67 mL/min"))
        try ok(cli, ["patient", "update", "M150", "--crcl", "30", "--reason", "24 h urine", "--now", Self.now])
        #expect(try ok(cli, ["patient", "show", "M150", "--now", Self.now]).stdout.contains("CrCl        30 mL/min (as recorded)"))
        // A height outside 100–250 cm is bad input.
        let bad = try cli.run(["patient", "update", "M150", "--height", "17.5", "--now", Self.now])
        #expect(bad.status == 65 && bad.stderr.hasPrefix("painladder: --height: '17.5' is not valid"), "\(bad.stderr)")
    }
}
