import Foundation

/// Exact instants as text (ISO 8601 with a zone), for every interface and file format.
///
/// The words people type for late entries ("yesterday 22:10") are an interface's to read
/// into a ``TimeExpression``; the command line's reader is in the `painladder` target.
public enum TimeInput {
    /// An ISO 8601 instant with a zone (`2026-03-05T22:10:00Z`, `…+01:00`, `…+0100`, optional
    /// fraction of a second), read strictly: the calendar date must be real (Foundation's
    /// formatter rolls 2026-02-30 over to 2 March), hours below 24, minutes and seconds below
    /// 60, and an offset within ±18:00.
    ///
    /// Read byte by byte: every command with `--now` or `--at` reads one, and
    /// `ISO8601DateFormatter` costs about a millisecond to build on Linux.
    public static func instant(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { instant(bytes: $0) }
    }

    static func instant(bytes u: UnsafeBufferPointer<UInt8>) -> Date? {
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var n = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard u.count >= 20, u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
              let day = LocalDate.parseISO(UnsafeBufferPointer(rebasing: u[0..<10])),
              let h = digits(11..<13), let m = digits(14..<16), let s = digits(17..<19),
              h < 24, m < 60, s < 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if u[i] == UInt8(ascii: ".") {
            i += 1
            // Up to nanoseconds; further digits are read and dropped.
            var n = 0, scale = 1
            let start = i
            while i < u.count, u[i] >= 48, u[i] <= 57 {
                if i - start < 9 { n = n * 10 + Int(u[i] - 48); scale *= 10 }
                i += 1
            }
            guard i > start else { return nil }
            fraction = Double(n) / Double(scale)
        }
        guard i < u.count else { return nil }
        var offset = 0
        switch u[i] {
        case UInt8(ascii: "Z"):
            guard i + 1 == u.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = u[i] == UInt8(ascii: "-") ? -1 : 1
            let colon = i + 3 < u.count && u[i + 3] == UInt8(ascii: ":")
            let end = i + (colon ? 6 : 5)
            guard end == u.count, let oh = digits(i + 1..<i + 3),
                  let om = digits((colon ? i + 4 : i + 3)..<end), oh <= 18, om < 60,
                  oh < 18 || om == 0 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        default:
            return nil
        }
        let seconds = day.dayNumber * 86_400 + h * 3600 + m * 60 + s - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
