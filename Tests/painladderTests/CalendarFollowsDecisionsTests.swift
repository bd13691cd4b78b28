import Foundation
import PainLadderTestSupport
import Testing

/// Issue 15, item 3: a calendar that imported the export follows every decision. Each story
/// re-imports the calendar after each decision with an outside parser (Python `icalendar` +
/// `recurring-ical-events`, Tests/OutsideScripts/calendar_reimport.py): an event replaces the
/// one with its UID when its SEQUENCE is not lower, cancelled events are dropped, and the
/// rest expanded over the 10 weeks after the decision must be exactly the doses of the plans
/// in force (`schedule --json`, the taper included), none stale.
@Suite("End to end: the calendar follows decisions")
struct CalendarFollowsDecisionsTests {
    struct Stage {
        var args: [String]
        var day: String
    }

    static let script = OutsideValidator.packageRoot.appendingPathComponent("Tests/OutsideScripts/calendar_reimport.py")

    /// Runs each stage (a command on its day at 12:00 UTC), exports the calendar and the
    /// schedule after it, re-imports them all in order and compares each stage's doses.
    func follow(_ stages: [Stage], patient: String = "P1", zone: String = "Europe/London", firstStageHas: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let add = try cli.run(["patient", "add", patient, "--born", "1960-01-01", "--sex", "female", "--tz", zone,
                               "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80", "--now", "2026-02-01T09:00:00Z"])
        try #require(add.status == 0, "\(add.stderr)", sourceLocation: sourceLocation)
        var request: [[String: Any]] = []
        for (i, stage) in stages.enumerated() {
            let now = "\(stage.day)T12:00:00Z"
            let r = try cli.run(stage.args + ["--now", now])
            try #require(r.status == 0, "\(stage.args): \(r.stderr)", sourceLocation: sourceLocation)
            let ics = cli.directory.appendingPathComponent("stage\(i).ics")
            let export = try cli.run(["export", patient, "--format", "ics", "-o", ics.path, "--now", now])
            try #require(export.status == 0, "export after \(stage.args): \(export.stderr)", sourceLocation: sourceLocation)
            let schedule = try cli.run(["schedule", patient, "--json", "--now", now])
            // No course in progress (stopped at once): no doses are in force.
            let documents: [Any] = schedule.status == 0 ? [try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8))] : []
            let next = try #require(LocalDateText.next(stage.day))
            request.append(["ics": ics.path, "schedules": documents, "from": next, "days": 70])
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: ["zone": zone, "stages": request]), as: UTF8.self)
        let result = try OutsideValidator.run(script: String(contentsOf: Self.script, encoding: .utf8), input: input)
        try #require(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let stagesOut = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: [String]]])
        if let firstStageHas {
            #expect(stagesOut.first?["actual"]?.contains(firstStageHas) == true, "\(stagesOut.first ?? [:])",
                    sourceLocation: sourceLocation)
        }
        #expect(stagesOut.count == stages.count, sourceLocation: sourceLocation)
        for (stage, out) in zip(stages, stagesOut) {
            let expected = out["expected"] ?? [], actual = out["actual"] ?? []
            #expect(!expected.isEmpty || stage.args.contains("--abrupt"), "no doses expected after \(stage.args)",
                    sourceLocation: sourceLocation)
            #expect(actual == expected, """
                after \(stage.args.prefix(3).joined(separator: " ")) on \(stage.day):
                stale: \(Set(actual).subtracting(expected).sorted().prefix(6))
                missing: \(Set(expected).subtracting(actual).sorted().prefix(6))
                """, sourceLocation: sourceLocation)
        }
    }

    static func start(_ drug: String, on day: String, times: String? = nil) -> Stage {
        Stage(args: ["start", "P1", drug, "--on", day, "--by", "Dr A"] + (times.map { ["--times", $0] } ?? []), day: day)
    }

    static func decide(_ args: [String], on day: String) -> Stage {
        Stage(args: ["decide", "P1"] + args + ["--by", "Dr A", "--reason", "reviewed"], day: day)
    }

    /// Amitriptyline at 01:30 (in London's spring-forward gap on 29 March 2026): hold,
    /// continue, increase, reduce, then a sequential switch with its taper.
    @Test func holdContinueIncreaseReduceAndSwitch() throws {
        try follow([
            Self.start("amitriptyline", on: "2026-03-02", times: "01:30"),
            Self.decide(["hold"], on: "2026-03-11"),
            Self.decide(["continue"], on: "2026-03-18"),
            Self.decide(["increase"], on: "2026-04-22"),
            Self.decide(["reduce"], on: "2026-05-20"),
            Self.decide(["switch", "pregabalin", "--outcome", "not-effective"], on: "2026-06-17"),
        ], firstStageHas: "2026-03-29T01:30Z amitriptyline 40")
    }

    @Test func crossTaperSwitch() throws {
        try follow([Self.start("amitriptyline", on: "2026-03-02"),
                    Self.decide(["switch", "duloxetine", "--cross-taper", "--outcome", "not-tolerated"], on: "2026-03-25")])
    }

    @Test func directSwitch() throws {
        // Direct only where the formulary gives a conversion: gabapentin → pregabalin.
        try follow([Self.start("gabapentin", on: "2026-03-02"),
                    Self.decide(["switch", "pregabalin", "--direct", "--outcome", "not-effective"], on: "2026-04-15")])
    }

    @Test func stopWithATaperAndAtOnce() throws {
        try follow([Self.start("amitriptyline", on: "2026-03-02"),
                    Self.decide(["stop", "--outcome", "not-effective"], on: "2026-05-06")])
        try follow([Self.start("amitriptyline", on: "2026-03-02"),
                    Self.decide(["stop", "--outcome", "not-tolerated", "--abrupt", "--override-reason", "palpitations"],
                                on: "2026-03-16")])
    }

    /// New York's spring-forward gap (2026-03-08, 02:00–03:00 EST→EDT): a 02:30 dose is at
    /// 07:30 UTC, the instant `remind` uses, in every calendar.
    @Test func aDoseInTheSpringForwardGapIsAtRemindsInstant() throws {
        try follow([Self.start("amitriptyline", on: "2026-03-02", times: "02:30")], zone: "America/New_York",
                   firstStageHas: "2026-03-08T07:30Z amitriptyline 10")
    }
}

/// The day after a `YYYY-MM-DD` date, as text.
enum LocalDateText {
    static func next(_ day: String) -> String? {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.date(from: day).map { f.string(from: $0.addingTimeInterval(86_400)) }
    }
}
