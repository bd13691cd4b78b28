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
        let naive = Double(date.dayNumber * 86_400 + time.minutesSinceMidnight * 60)
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive + 86_400))
        let candidates = Set([before, after]).map { offset in
            Date(timeIntervalSince1970: naive - Double(offset))
        }
        let valid = candidates.filter { candidate in
            zone.secondsFromGMT(for: candidate) == Int(naive - candidate.timeIntervalSince1970)
        }
        if let first = valid.min() { return first }
        // In the gap: no candidate keeps its own offset; use the offset before the gap.
        return Date(timeIntervalSince1970: naive - Double(before))
    }

    /// The local date and wall-clock time of `instant` in `zone`.
    public static func local(_ instant: Date, in zone: TimeZone) -> (date: LocalDate, time: LocalTime) {
        let seconds = Int(floor(instant.timeIntervalSince1970)) + zone.secondsFromGMT(for: instant)
        let day = Int(floor(Double(seconds) / 86_400))
        let minutes = (seconds - day * 86_400) / 60
        return (LocalDate(dayNumber: day), LocalTime(hour: minutes / 60, minute: minutes % 60)!)
    }
}
