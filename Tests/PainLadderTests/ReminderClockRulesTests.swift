import Foundation
import Testing
@testable import PainLadder

/// The reminder job's clock rules in the core (issue 14): a mark later than `now` makes the
/// run look back the whole catch-up; nothing is marked missed after the system clock.
@Suite("Reminders: a wrong clock, worked by hand")
struct ReminderClockRulesTests {
    @Test("a mark after now (a replay of the past, or a wrong clock's mark) looks back the whole 7 days")
    func markAfterNow() {
        let policy = ReminderPolicy.standard
        let now = Remind.at("2026-03-05T12:00Z")
        #expect(policy.scanStart(now: now, lastRun: Remind.at("2027-03-02T12:00Z")) == Remind.at("2026-02-26T12:00Z"))
        #expect(policy.scanStart(now: now, lastRun: .distantFuture) == Remind.at("2026-02-26T12:00Z"))
        #expect(policy.scanStart(now: now, lastRun: Remind.at("2026-03-04T12:00Z")) == Remind.at("2026-03-04T12:00Z"))
        #expect(policy.scanStart(now: now, lastRun: nil) == Remind.at("2026-03-04T12:00Z"))
    }

    @Test("a replay ahead of the system clock marks nothing missed after it, and dates what it marks by it")
    func nothingMissedAfterTheClock() throws {
        let input = try Remind.amitriptyline()
        let now = Remind.at("2026-03-05T12:00Z"), last = Remind.at("2026-03-02T12:00Z")
        let all = ReminderPlanner.plan(now: now, lastRun: last, input: input)
        #expect(all.missed.map(\.at) == ["2026-03-02T22:00Z", "2026-03-03T22:00Z", "2026-03-04T22:00Z"].map(Remind.at))
        // The system clock at 03-03 23:00: only the 03-02 slot's window (to 03-03 00:00) had closed.
        let clock = Remind.at("2026-03-03T23:00Z")
        let replay = ReminderPlanner.plan(now: now, lastRun: last, input: input, systemNow: clock)
        #expect(replay.missed.map(\.at) == [Remind.at("2026-03-02T22:00Z")])
        #expect(replay.missed.allSatisfy { $0.recordedAt == clock })
        #expect(replay.reminders.filter { $0.kind == .missedDoses }.isEmpty, "no clinician alert for a future run of misses")
    }
}
