import Foundation
import Testing
@testable import PainLadder

@Suite("Review queue: the day list")
struct ReviewQueueTests {
    func entry(_ id: String, _ zone: String, _ date: String, hold: String? = nil) -> ReviewQueue.Entry {
        ReviewQueue.Entry(patientID: id, patientName: nil, timeZone: zone, courseID: 1, drug: "pregabalin",
                          planVersion: 1, nextReviewDate: LocalDate(parsing: date)!, holdReason: hold)
    }

    // 2026-03-19 23:30 UTC: still the 19th in London, already the 20th in Auckland (UTC+13).
    let now = ISO8601DateFormatter().date(from: "2026-03-19T23:30:00Z")!
    var entries: [ReviewQueue.Entry] {
        [entry("L-late", "Europe/London", "2026-03-16"), entry("L-today", "Europe/London", "2026-03-19"),
         entry("L-tomorrow", "Europe/London", "2026-03-20"), entry("A-today", "Pacific/Auckland", "2026-03-20"),
         entry("L-week", "Europe/London", "2026-03-26"), entry("L-later", "Europe/London", "2026-03-27")]
    }

    @Test func dueTodayOrEarlierByDefault() {
        let items = ReviewQueue.items(entries, now: now, within: nil, overdueOnly: false)
        #expect(items.map(\.patientID) == ["L-late", "L-today", "A-today"])
        #expect(items.map(\.daysUntilDue) == [-3, 0, 0])
        #expect(items.map(\.overdue) == [true, false, false])
        #expect(items[0].overdueDays == 3)
        #expect(items[2].today == LocalDate(parsing: "2026-03-20"))
    }

    @Test func withinSevenDays() {
        // London today 03-19: up to 03-26 inclusive.
        let items = ReviewQueue.items(entries, now: now, within: 7, overdueOnly: false)
        #expect(items.map(\.patientID) == ["L-late", "L-today", "A-today", "L-tomorrow", "L-week"])
    }

    @Test func overdueOnly() {
        let items = ReviewQueue.items(entries, now: now, within: 7, overdueOnly: true)
        #expect(items.map(\.patientID) == ["L-late"])
    }

    @Test func cutoffCoversTheZoneFurthestAhead() {
        // At 23:30 UTC on the 19th it is 13:30 on the 20th at UTC+14.
        #expect(ReviewQueue.cutoff(now: now, within: nil) == LocalDate(parsing: "2026-03-20"))
        #expect(ReviewQueue.cutoff(now: now, within: 7) == LocalDate(parsing: "2026-03-27"))
    }
}
