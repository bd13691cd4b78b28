import Foundation

/// Reads the times people type for late and back-dated entries.
///
/// Accepted, in the patient's time zone unless a zone is given:
/// `now`; `22:10` (today); `yesterday 22:10`; `today 08:00`; `2026-03-05 22:10`;
/// `2026-03-05T22:10`; an ISO 8601 instant with offset (`2026-03-05T22:10:00Z`, `…+01:00`).
public enum TimeInput {
    public static func parse(_ text: String, now: Date, zone: TimeZone, field: String = "--at") throws -> Date {
        try parse(text, now: now, today: LocalDate(now, in: zone), zoneOn: { _ in zone }, field: field)
    }

    /// As ``parse(_:now:zone:field:)`` for a patient who may have moved: "today" is the local
    /// date now, and a wall-clock time is read in the zone in force on the day it names, so
    /// "yesterday 22:10" typed the day after a move means 22:10 where the patient was then.
    public static func parse(_ text: String, now: Date, zones: ZoneHistory, field: String = "--at") throws -> Date {
        try parse(text, now: now, today: zones.localDate(now), zoneOn: { zones.zone(on: $0) }, field: field)
    }

    static func parse(_ text: String, now: Date, today: LocalDate, zoneOn: (LocalDate) -> TimeZone,
                      field: String) throws -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        let fail = PainLadderError.invalidValue(
            field: field, given: text,
            allowed: "now, HH:MM, 'yesterday HH:MM', 'YYYY-MM-DD HH:MM' or an ISO 8601 instant")
        if t.lowercased() == "now" { return now }
        if let d = instant(t) { return d }
        let parts = t.replacingOccurrences(of: "T", with: " ").split(separator: " ").map(String.init)
        switch parts.count {
        case 1:
            guard let time = LocalTime(parsing: parts[0]) else { throw fail }
            return WallClock.instant(today, time, in: zoneOn(today))
        case 2:
            guard let time = LocalTime(parsing: parts[1]) else { throw fail }
            let day: LocalDate
            switch parts[0].lowercased() {
            case "today": day = today
            case "yesterday": day = today.adding(days: -1)
            default:
                guard let d = LocalDate(parsing: parts[0]) else { throw fail }
                day = d
            }
            return WallClock.instant(day, time, in: zoneOn(day))
        default:
            throw fail
        }
    }

    /// An ISO 8601 instant with a zone (`2026-03-05T22:10:00Z`, `…+01:00`, optional fraction),
    /// checked strictly: Foundation's formatter rolls an impossible day over (2026-02-30
    /// becomes 2026-03-02) and accepts offsets such as +25:00.
    public static func instant(_ text: String) -> Date? {
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            iso.formatOptions = options
            if let d = iso.date(from: text) { return isReal(text) ? d : nil }
        }
        return nil
    }

    /// The calendar date is real and the offset (if not `Z`) is within ±18:00.
    private static func isReal(_ text: String) -> Bool {
        guard LocalDate(parsing: String(text.prefix(10))) != nil else { return false }
        let afterSeconds = text.dropFirst(19)
        guard let sign = afterSeconds.firstIndex(where: { $0 == "+" || $0 == "-" }) else { return true }
        let digits = text[text.index(after: sign)...].filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let h = Int(digits.prefix(2)), let m = Int(digits.suffix(2)) else { return false }
        return h <= 18 && m < 60
    }
}
