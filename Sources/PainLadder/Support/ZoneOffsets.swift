import Foundation

/// One time zone's UTC offsets, remembered between the zone's transitions, so that code
/// asking for thousands of instants (a two-year dose calendar, a journal's local days) asks
/// ICU once per transition instead of once per instant.
///
/// Exact, not an approximation: an offset is reused only inside a span
/// `[instant asked, next transition)`, and Foundation's
/// `nextDaylightSavingTimeTransition(after:)` reports every change of offset strictly after
/// its argument, changes of standard time included (Asia/Pyongyang 2015 and 2018,
/// Europe/Moscow 2011 and 2014, Pacific/Apia's skipped day in 2011; see `ZoneOffsetsTests`).
///
/// A reference type so one cache serves every part of a computation; not `Sendable`:
/// make one per computation.
final class ZoneOffsets {
    let zone: TimeZone

    /// Offset `offset` holds on `[start, end)`; at most one span per transition (`end`).
    private struct Span {
        var start: Double
        var end: Double
        var offset: Int
    }

    // Unchecked: no dynamic exclusivity check on every question (a third of its cost); the
    // cache is only touched from `offset(at:)`, never across a call that could re-enter it.
    @exclusivity(unchecked) private var spans: [Span] = []
    /// The span that answered last: consecutive questions are usually about nearby instants.
    @exclusivity(unchecked) private var last = 0

    init(_ zone: TimeZone) {
        self.zone = zone
    }

    /// `zone.secondsFromGMT(for: instant)`.
    func offset(at instant: Date) -> Int {
        offset(at: instant.timeIntervalSince1970)
    }

    func offset(at t: Double) -> Int {
        if last < spans.count, spans[last].start <= t, t < spans[last].end { return spans[last].offset }
        for i in spans.indices where spans[i].start <= t && t < spans[i].end {
            last = i
            return spans[i].offset
        }
        let date = Date(timeIntervalSince1970: t)
        let offset = zone.secondsFromGMT(for: date)
        let end = zone.nextDaylightSavingTimeTransition(after: date)?.timeIntervalSince1970 ?? .infinity
        guard end > t else { return offset }
        // A span ending at the same transition holds the same offset: widen it instead of adding one.
        if let i = spans.firstIndex(where: { $0.end == end }) {
            spans[i].start = min(spans[i].start, t)
            last = i
        } else {
            spans.append(Span(start: t, end: end, offset: offset))
            last = spans.count - 1
        }
        return offset
    }

    /// `LocalDate(instant, in: zone)`.
    func localDate(_ instant: Date) -> LocalDate {
        let t = instant.timeIntervalSince1970
        let seconds = Int(floor(t)) + offset(at: t)
        return LocalDate(dayNumber: Int(floor(Double(seconds) / 86_400)))
    }

    /// `WallClock.instant(date, time, in: zone)`.
    func instant(_ date: LocalDate, _ time: LocalTime) -> Date {
        let naive = Double(date.dayNumber * 86_400 + time.minutesSinceMidnight * 60)
        // Every instant the rule looks at lies within two days of `naive` (one day either
        // side, and `naive` less an offset under a day); with one offset over all of them
        // the rule's answer is `naive - offset`.
        if let steady = steadyOffset(from: naive - 2 * 86_400, to: naive + 2 * 86_400), abs(steady) < 86_400 {
            return Date(timeIntervalSince1970: naive - Double(steady))
        }
        return WallClock.instant(date, time) { self.offset(at: $0) }
    }

    /// The offset when it holds over all of `[from, to]`, else `nil`.
    func steadyOffset(from: Double, to: Double) -> Int? {
        let offset = offset(at: from)
        // `offset(at:)` leaves `last` on the span holding `from`, unless it made none (an
        // instant exactly at a transition that ICU reports as the next one).
        guard last < spans.count, spans[last].start <= from, from < spans[last].end, to < spans[last].end else { return nil }
        return offset
    }
}
