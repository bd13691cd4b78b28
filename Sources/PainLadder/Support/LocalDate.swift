import Foundation

/// A calendar date with no time and no time zone ("2026-03-29"), as a patient or clinician says it.
///
/// Parsing is strict: `LocalDate(parsing: "2026-02-30")` is `nil`.
///
/// ```swift
/// let start = LocalDate(year: 2026, month: 3, day: 2)!
/// start.adding(days: 7)   // 2026-03-09
/// ```
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian); the basis of all date arithmetic, and all
    /// a date stores: 8 bytes rather than 32 with the year, month and day beside it, which every
    /// journal entry, dose slot and day of a calendar carries (and `adding(days:)`, run for
    /// each day of a calendar, need not work them out).
    public let dayNumber: Int

    public var year: Int { LocalDate.civilFromDays(dayNumber).0 }
    public var month: Int { LocalDate.civilFromDays(dayNumber).1 }
    public var day: Int { LocalDate.civilFromDays(dayNumber).2 }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.dayNumber = LocalDate.daysFromCivil(year: year, month: month, day: day)
    }

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Parses `YYYY-MM-DD` exactly; anything else (including impossible dates) gives `nil`.
    ///
    /// Read byte by byte (exactly ten ASCII bytes `DDDD-DD-DD`): every stored date and instant
    /// goes through here when a journal is read, thousands of times a command.
    public init?(parsing text: String) {
        var text = text
        guard let date = text.withUTF8({ LocalDate.parseISO($0) }) else { return nil }
        self = date
    }

    /// `YYYY-MM-DD` from UTF-8 bytes, or nil.
    package static func parseISO(_ u: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }   // '-'
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (48...57).contains(u[i]) else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        let (year, month, day) = LocalDate.civilFromDays(dayNumber)
        guard (0...9999).contains(year) else {
            return ZeroPadded.text(year, width: 4) + "-" + ZeroPadded.text(month, width: 2) + "-" + ZeroPadded.text(day, width: 2)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Day of week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// The date `instant` falls on in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let seconds = Int(floor(instant.timeIntervalSince1970)) + timeZone.secondsFromGMT(for: instant)
        self.init(dayNumber: Int(floor(Double(seconds) / 86_400)))
    }

    /// Whole years from `self` to `date` (an age on that date).
    public func wholeYears(until date: LocalDate) -> Int {
        let (y, m, d) = LocalDate.civilFromDays(dayNumber)
        let (toY, toM, toD) = LocalDate.civilFromDays(date.dayNumber)
        var years = toY - y
        if (toM, toD) < (m, d) { years -= 1 }
        return years
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's civil-date algorithms: exact, no Calendar, no time zone.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension LocalDate: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
