import Foundation
import Testing
@testable import PainLadder

/// Mood interference (BPI item, 0–10) in the review, as NICE CG173 1.1.6 asks each review to
/// assess mood: averaged over the same 7 days as sleep, beside the baseline's.
@Suite("Review: mood interference")
struct ReviewMoodTests {
    /// Amitriptyline from Monday 2 March 2026; reviewed on Thursday 19 March at 12:00 UTC, so the
    /// 7-day window is 03-13 … 03-19.
    @Test func sevenDayMeanAndBaselineMood() throws {
        var f = try ReviewFixture()
        // Baseline 8 with mood 7, the day before the start.
        f.pain("2026-03-01T10:00:00Z", 8, mood: 7, baseline: true, course: nil)
        // 03-10 is before the window: its mood 10 is left out.
        f.pain("2026-03-10T09:00:00Z", 6, mood: 10)
        // In the window: moods 6, 4, 5, and one score with no mood (not counted as 0).
        f.pain("2026-03-14T09:00:00Z", 6, mood: 6)
        f.pain("2026-03-16T09:00:00Z", 5, mood: 4)
        f.pain("2026-03-17T09:00:00Z", 5)
        f.pain("2026-03-19T09:00:00Z", 4, mood: 5)
        let p = f.review(at: "2026-03-19T12:00:00Z").pain
        // (6 + 4 + 5) / 3 = 15 / 3 = 5.
        #expect(p.moodLast7DaysMean == 5.0)
        #expect(p.baselineMood == 7)
        #expect(p.baseline?.mood == 7)
        // No sleep was recorded: none is shown.
        #expect(p.sleepLast7DaysMean == nil)
    }

    @Test func noMoodRecordedIsNil() throws {
        var f = try ReviewFixture()
        f.pain("2026-03-01T10:00:00Z", 8, sleep: 7, baseline: true, course: nil)
        f.pain("2026-03-18T09:00:00Z", 5, sleep: 4)
        let p = f.review(at: "2026-03-19T12:00:00Z").pain
        #expect(p.moodLast7DaysMean == nil)
        #expect(p.baselineMood == nil)
        #expect(p.sleepLast7DaysMean == 4.0)
    }
}
