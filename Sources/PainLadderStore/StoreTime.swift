import Foundation
import PainLadder

/// How the store writes instants and calendar dates as text.
///
/// - Instants: UTC, ISO 8601, millisecond precision, always 24 characters:
///   `2026-03-02T09:15:00.123Z`. Text sorts in time order and reads well in `sqlite3`.
///   A `Date` is rounded to the nearest millisecond when stored; what the store returns is
///   the stored value, so a value read back always equals every later read.
/// - Calendar dates: `YYYY-MM-DD` (``LocalDate/description``).
enum StoreTime {
    /// `GLOB` pattern the schema uses to check an instant column.
    static let instantGlob =
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z"
    /// `GLOB` pattern the schema uses to check a date column.
    static let dateGlob = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"

    private static let msPerDay: Int64 = 86_400_000

    /// `2026-03-02T09:15:00.123Z`.
    static func string(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends what ``string(_:)`` gives, as UTF-8 (built byte by byte: this runs for every
    /// stored instant, millions of times when a clinic is loaded).
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = ms / msPerDay
        var rest = ms % msPerDay
        if rest < 0 { days -= 1; rest += msPerDay }
        LocalDate(dayNumber: Int(days)).appendISO(to: &bytes)
        bytes.append(84)   // T
        ZeroPadded.append(Int(rest / 3_600_000), width: 2, to: &bytes)
        bytes.append(58)   // :
        ZeroPadded.append(Int(rest / 60_000 % 60), width: 2, to: &bytes)
        bytes.append(58)
        ZeroPadded.append(Int(rest / 1000 % 60), width: 2, to: &bytes)
        bytes.append(46)   // .
        ZeroPadded.append(Int(rest % 1000), width: 3, to: &bytes)
        bytes.append(90)   // Z
    }

    /// Parses exactly what ``string(_:)`` writes; anything else is `nil`.
    static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { date(bytes: $0) }
    }

    /// As ``date(_:)``, from UTF-8 bytes (the journal reader's path: no `String` made).
    static func date(bytes u: UnsafeBufferPointer<UInt8>) -> Date? {
        guard u.count == 24, u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"),
              u[16] == UInt8(ascii: ":"), u[19] == UInt8(ascii: "."), u[23] == UInt8(ascii: "Z"),
              let day = LocalDate.parseISO(UnsafeBufferPointer(rebasing: u[0..<10]))
        else { return nil }
        func number(_ r: Range<Int>) -> Int64? {
            var n: Int64 = 0
            for i in r {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int64(c - 48)
            }
            return n
        }
        guard let h = number(11..<13), let m = number(14..<16), let s = number(17..<19),
              let f = number(20..<23), h < 24, m < 60, s < 60 else { return nil }
        let ms = Int64(day.dayNumber) * msPerDay + ((h * 60 + m) * 60 + s) * 1000 + f
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }
}
