import Foundation
import Testing

/// The baseline as the patient lives it (issue 13, Why 1), through the built binary: a score
/// typed minutes before `start` on the same morning, and several scores in the week before.
@Suite("End to end: the course's baseline")
struct BaselineEndToEndTests {
    /// The review suite's helpers: a command that must succeed, and a patient in London.
    let review = ReviewEndToEndTests()

    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result { try review.ok(cli, args) }

    func addPatient(_ cli: CLI, _ id: String) throws { try review.addPatient(cli, id) }

    @Test func aScoreTypedMinutesBeforeTheStartIsTheBaseline() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli, "P1")
        // London is on GMT until 29 March: 09:05 UTC is 09:05 local.
        try ok(cli, ["pain", "P1", "7", "--sleep", "6", "--mood", "5", "--now", "2026-03-16T09:05:00Z"])
        let start = try ok(cli, ["start", "P1", "pregabalin", "--by", "Dr Rao", "--now", "2026-03-16T09:10:00Z"])
        #expect(!start.stderr.contains("No baseline"), "\(start.stderr)")
        try ok(cli, ["pain", "P1", "3", "--now", "2026-03-20T09:00:00Z"])
        let review = try ok(cli, ["review", "P1", "--now", "2026-03-20T12:00:00Z"]).stdout
        // The 7 is the baseline, not an outcome: the last 7 days (03-16 … 03-20) hold the 3 alone.
        // 3 − 7 = −4 points; −4 / 7 = −57.14 % → substantial (≥ 50).
        #expect(review.contains("  baseline 7 on 2026-03-16 (last score before the course)"), "\(review)")
        #expect(review.contains("  last 7 days (2026-03-16 to 2026-03-20): mean 3.00 from 1 day scored"), "\(review)")
        #expect(review.contains("  change: −4.00 points, −57.1%: substantial"), "\(review)")
        #expect(review.contains("(baseline 6)") && review.contains("(baseline 5)"), "sleep and mood at baseline: \(review)")
        let json = try ok(cli, ["review", "P1", "--json", "--now", "2026-03-20T12:00:00Z"]).stdout
        let pain = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["pain"] as? [String: Any])
        #expect((pain["baseline"] as? [String: Any])?["score"] as? Int == 7)
        #expect(pain["band"] as? String == "substantial")
    }

    @Test func theBaselineIsTheMeanOfTheWeekBeforeTheStart() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli, "P2")
        for (day, score) in [("13", "9"), ("14", "8"), ("15", "7")] {
            try ok(cli, ["pain", "P2", score, "--now", "2026-03-\(day)T09:00:00Z"])
        }
        try ok(cli, ["start", "P2", "pregabalin", "--on", "2026-03-16", "--by", "Dr Rao", "--now", "2026-03-15T10:00:00Z"])
        try ok(cli, ["pain", "P2", "4", "--now", "2026-03-20T09:00:00Z"])
        let review = try ok(cli, ["review", "P2", "--now", "2026-03-20T12:00:00Z"]).stdout
        // (9 + 8 + 7) / 3 = 8.0 from 3 scores; 4 − 8 = −4 points, −50.0 % → substantial.
        #expect(review.contains("  baseline 8.0 on 2026-03-15 (mean of 3 scores in the 7 days before the course)"), "\(review)")
        #expect(review.contains("  change: −4.00 points, −50.0%: substantial"), "\(review)")
        let json = try ok(cli, ["review", "P2", "--json", "--now", "2026-03-20T12:00:00Z"]).stdout
        let pain = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["pain"] as? [String: Any])
        let baseline = try #require(pain["baseline"] as? [String: Any])
        #expect(baseline["score"] as? Double == 8)
        #expect(baseline["scoreCount"] as? Int == 3)
    }

    @Test func startSaysHowToRecordAMissingBaseline() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli, "P3")
        let start = try ok(cli, ["start", "P3", "gabapentin", "--on", "2026-03-16", "--by", "Dr Rao", "--now", "2026-03-15T10:00:00Z"])
        #expect(start.stderr.contains("No baseline pain score for P3 (none in the 7 days before the first dose): record one before the first dose with: painladder pain P3 SCORE --baseline"), "\(start.stderr)")
    }
}
