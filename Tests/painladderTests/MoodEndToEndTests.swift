import Foundation
import Testing

/// `pain --mood` (how much pain interfered with mood, 0–10; NICE CG173 1.1.6 asks each review to
/// assess mood) through the built binary: recorded, shown in history, averaged in the review,
/// exported, and corrected.
@Suite("End to end: mood interference")
struct MoodEndToEndTests {
    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    /// The number of the entry a recording command wrote.
    func entryID(_ cli: CLI, _ args: [String]) throws -> Int {
        let out = try ok(cli, args + ["--json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let entries = object?["entries"] as? [[String: Any]] ?? []
        return try #require(entries.first?["entryID"] as? Int)
    }

    @Test func recordShowReviewExportAndCorrectMood() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ok(cli, ["patient", "add", "P001", "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70", "--creatinine", "80",
                     "--creatinine-unit", "umol/L", "--now", "2026-03-01T09:00:00Z"])
        // Baseline 7, sleep 6, mood 8, the day before the course starts.
        try ok(cli, ["pain", "P001", "7", "--sleep", "6", "--mood", "8", "--baseline", "--now", "2026-03-01T10:00:00Z"])
        try ok(cli, ["start", "P001", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        // 03-05 is outside the window of a review on 03-15 (03-09 … 03-15): its mood 9 does not count.
        try ok(cli, ["pain", "P001", "6", "--mood", "9", "--now", "2026-03-05T09:00:00Z"])
        try ok(cli, ["pain", "P001", "5", "--mood", "6", "--now", "2026-03-13T09:00:00Z"])
        let fourteenth = try entryID(cli, ["pain", "P001", "5", "--mood", "4", "--now", "2026-03-14T09:00:00Z"])
        try ok(cli, ["pain", "P001", "4", "--mood", "5", "--now", "2026-03-15T09:00:00Z"])

        let history = try ok(cli, ["history", "P001", "--now", "2026-03-15T12:00:00Z"]).stdout
        #expect(history.contains("pain 7/10 on 2026-03-01, sleep interference 6/10, mood interference 8/10 (baseline)"), "\(history)")
        #expect(history.contains("pain 5/10 on 2026-03-13, mood interference 6/10"), "\(history)")

        // (6 + 4 + 5) / 3 = 5.0; baseline 8.
        let review = try ok(cli, ["review", "P001", "--now", "2026-03-15T12:00:00Z"]).stdout
        #expect(review.contains("  mood interference: 5.0 over the last 7 days (baseline 8)"), "\(review)")

        // The CSV has a mood column right after sleep.
        let csv = try ok(cli, ["export", "P001", "--format", "csv", "--now", "2026-03-15T12:00:00Z"]).stdout
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.contains(",pain,sleep,mood,impact,") == true, "\(rows.first ?? "")")
        #expect(rows.contains { $0.contains(",7,6,8,") }, "the baseline row: pain 7, sleep 6, mood 8")

        // 03-14's mood was 7, not 4: (6 + 7 + 5) / 3 = 6.0.
        try ok(cli, ["correct", "P001", "\(fourteenth)", "--mood", "7", "--reason", "typed 4 by mistake", "--now", "2026-03-15T12:05:00Z"])
        let corrected = try ok(cli, ["history", "P001", "--now", "2026-03-15T12:10:00Z"]).stdout
        #expect(corrected.contains("pain 5/10 on 2026-03-14, mood interference 7/10"), "\(corrected)")
        let after = try ok(cli, ["review", "P001", "--now", "2026-03-15T12:10:00Z"]).stdout
        #expect(after.contains("  mood interference: 6.0 over the last 7 days (baseline 8)"), "\(after)")
        // JSON: the review carries the mean and the baseline's mood.
        let json = try ok(cli, ["review", "P001", "--json", "--now", "2026-03-15T12:10:00Z"]).stdout
        #expect(json.contains("\"moodLast7DaysMean\" : 6"), "\(json)")
        #expect(json.contains("\"baselineMood\" : 8"), "\(json)")
    }

    @Test func moodOnAnotherKindOfEntryIsRefusedAndNothingChanges() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ok(cli, ["patient", "add", "P001", "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--now", "2026-03-01T09:00:00Z"])
        let impression = try entryID(cli, ["impression", "P001", "3", "--now", "2026-03-01T10:00:00Z"])
        let before = try cli.dump()
        // Options that do not apply to an impression are refused with it, not silently dropped.
        for extra in [["--mood", "5"], ["--impression", "4", "--score", "5"], ["--impression", "4", "--sleep", "2"]] {
            let r = try cli.run(["correct", "P001", "\(impression)"] + extra + ["--reason", "x", "--now", "2026-03-01T11:00:00Z"])
            #expect(r.status == 65, "\(extra) \(r.stderr)")
            #expect(r.stderr.contains("impression"), "\(r.stderr)")
        }
        #expect(try cli.dump() == before)
    }
}
