import Foundation

/// Turns a local date and wall-clock time in an IANA zone into an instant, by the rule of
/// RFC 5545 §3.3.5:
///
/// - a time that occurs twice (the autumn fall-back hour) means the **first** occurrence;
/// - a time that does not exist (the spring-forward gap) is read with the offset in force
///   **before** the gap, so 01:30 on the day Europe/London springs forward is 02:30 BST.
///
/// Either way each slot resolves to exactly one instant.
public enum WallClock {
    public static func instant(_ date: LocalDate, _ time: LocalTime, in zone: TimeZone) -> Date {
        instant(date, time) { zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) }
    }

    /// The rule above with the zone's offset at an instant (seconds since 1970) given by
    /// `offset`, so a caller with cached offsets (``ZoneOffsets``) gets the same answer
    /// without asking ICU for every slot. Allocates nothing.
    static func instant(_ date: LocalDate, _ time: LocalTime, offset: (Double) -> Int) -> Date {
        let naive = Double(date.dayNumber * 86_400 + time.minutesSinceMidnight * 60)
        let before = offset(naive - 86_400)
        let after = offset(naive + 86_400)
        // A candidate offset is valid when the instant it gives keeps that offset; of the
        // valid ones the earliest instant (the larger offset) is the first occurrence.
        var first: Double?
        if offset(naive - Double(before)) == before { first = naive - Double(before) }
        if after != before, offset(naive - Double(after)) == after {
            first = min(first ?? .infinity, naive - Double(after))
        }
        // In the gap: no candidate keeps its own offset; use the offset before the gap.
        return Date(timeIntervalSince1970: first ?? naive - Double(before))
    }

    /// The local date and wall-clock time of `instant` in `zone`.
    public static func local(_ instant: Date, in zone: TimeZone) -> (date: LocalDate, time: LocalTime) {
        let seconds = Int(floor(instant.timeIntervalSince1970)) + zone.secondsFromGMT(for: instant)
        let day = Int(floor(Double(seconds) / 86_400))
        let minutes = (seconds - day * 86_400) / 60
        return (LocalDate(dayNumber: day), LocalTime(hour: minutes / 60, minute: minutes % 60)!)
    }
}
