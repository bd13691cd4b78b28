import Foundation
import PainLadder

/// Turns what a person typed into values, or one clear error naming the field.
enum Parse {
    static func date(_ text: String, field: String) throws -> LocalDate {
        guard let date = LocalDate(parsing: text) else {
            throw BadArgument(field: field, given: text, allowed: "a real date as YYYY-MM-DD")
        }
        return date
    }

    static func time(_ text: String, field: String) throws -> LocalTime {
        guard let time = LocalTime(parsing: text) else {
            throw BadArgument(field: field, given: text, allowed: "a 24-hour time HH:MM, 00:00 to 23:59")
        }
        return time
    }

    /// "08:00,20:00" → two times, strictly increasing.
    static func times(_ text: String, field: String) throws -> [LocalTime] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let times = try parts.map { try time($0, field: field) }
        guard zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw BadArgument(field: field, given: text,
                                               allowed: "comma-separated HH:MM times in increasing order")
        }
        return times
    }

    static func instant(_ text: String, field: String) throws -> Date {
        if let date = TimeInput.instant(text) { return date }
        throw BadArgument(field: field, given: text,
                                           allowed: "an ISO 8601 instant with a zone, e.g. 2026-03-02T09:00:00Z")
    }

    static func timeZone(_ text: String, field: String) throws -> TimeZone {
        guard text.contains("/") || text == "UTC", let zone = TimeZone(identifier: text) else {
            throw BadArgument(field: field, given: text,
                                               allowed: "an IANA time zone such as Europe/London or America/New_York")
        }
        return zone
    }

    static func number(_ text: String, field: String, range: ClosedRange<Double>, unit: String) throws -> Double {
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw BadArgument(
                field: field, given: text,
                allowed: "a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted()) \(unit)")
        }
        return value
    }

    /// A patient id: letters, digits, '-', '_' and '.', 1–64 characters, not `.` or `..`
    /// (an id becomes a file name in exports and scripts, where those two mean folders).
    static func patientID(_ text: String) throws -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard (1...64).contains(text.count), text.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }),
              text != ".", text != ".." else {
            throw BadArgument(field: "patient", given: String(text.prefix(80)),
                              allowed: "1–64 letters, digits, '-', '_' or '.', not '.' or '..'")
        }
        return text
    }
}

private extension Double {
    func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}

extension Parse {
    static func milligrams(_ text: String, field: String) throws -> Int {
        guard let v = Int(text), v > 0, v <= 10_000 else {
            throw BadArgument(field: field, given: text, allowed: "a whole number of mg from 1 to 10000")
        }
        return v
    }

    static func integer(_ text: String, field: String, range: ClosedRange<Int>) throws -> Int {
        guard let v = Int(text), range.contains(v) else {
            throw BadArgument(field: field, given: text,
                                               allowed: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    /// ``integer(_:field:range:)`` as an option's transform: `transform: Parse.integer("--window", 0...120)`.
    static func integer(_ field: String, _ range: ClosedRange<Int>) -> @Sendable (String) throws -> Int {
        { try integer($0, field: field, range: range) }
    }

    static func entryID(_ text: String, field: String) throws -> Int64 {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let v = Int64(digits), v > 0 else {
            throw BadArgument(field: field, given: text, allowed: "an entry number such as 12 or #12 (see 'painladder history PATIENT')")
        }
        return v
    }

    /// Text the command line uses but does not store (`--exec`): refused as ``StoredText``
    /// refuses stored text (control, bidirectional and zero-width characters), at most 500
    /// characters. Stored text is checked by the library (`StoredText.check`), for every interface.
    static func text(_ text: String, field: String, required: Bool = false) throws {
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw BadArgument(field: field, given: "(empty)", allowed: "some text")
        }
        guard text.count <= 500, StoredText.firstRefused(in: text) == nil else {
            throw BadArgument(field: field, given: text,
                              allowed: "one line of at most 500 characters without control, bidirectional or zero-width characters")
        }
    }

    static func yesNo(_ text: String, field: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default: throw BadArgument(field: field, given: text, allowed: "yes or no")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, field: String, as: T.Type,
                                                            allowed: String? = nil) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: text.lowercased()) else {
            throw BadArgument(field: field, given: text, allowed: allowed ?? T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }
}
