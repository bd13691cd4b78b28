import Foundation
import PainLadder

/// RFC 5545 content lines: text escaping, date-time forms, and folding at 75 octets with
/// CRLF line ends.
enum ICalendarText {
    /// TEXT values (§3.3.11): backslash, semicolon, comma and newline escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// A local DATE-TIME (§3.3.5 form 3, with a TZID parameter): `20260309T220000`.
    static func local(_ date: LocalDate, _ time: LocalTime, seconds: Int = 0) -> String {
        String(format: "%@T%02d%02d%02d", dateValue(date), time.hour, time.minute, seconds)
    }

    /// A DATE (§3.3.4): `20260316`.
    static func dateValue(_ date: LocalDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    /// A UTC DATE-TIME (§3.3.5 form 2): `20260315T235959Z`.
    static func utc(_ instant: Date) -> String {
        let seconds = Int(floor(instant.timeIntervalSince1970))
        let (d, t) = WallClock.local(Date(timeIntervalSince1970: Double(seconds)), in: TimeZone(identifier: "UTC")!)
        return local(d, t, seconds: ((seconds % 60) + 60) % 60) + "Z"
    }

    /// A UTC-OFFSET (§3.3.14): `+0100`, `-0500`.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return String(format: "%@%02d%02d", sign, m / 60, m % 60)
    }

    /// Folds one content line (§3.1): at most 75 octets per physical line, continuation
    /// lines start with a space, and a UTF-8 character is never split.
    static func fold(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return [line] }
        var lines: [String] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Back off so the next line does not start inside a multi-byte character.
            while end < bytes.count && end > start && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
            let chunk = String(decoding: bytes[start..<end], as: UTF8.self)
            lines.append(lines.isEmpty ? chunk : " " + chunk)
            start = end
            limit = 74
        }
        return lines
    }

    /// The whole object: every line folded, each ending in CRLF.
    static func document(_ lines: [String]) -> String {
        lines.flatMap(fold).map { $0 + "\r\n" }.joined()
    }
}
