import Foundation

/// A wall-clock time of day ("22:00"), with no date and no zone.
///
/// Dose times are wall-clock times: 22:00 stays 22:00 across daylight-saving changes.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// All a time stores (8 bytes rather than an hour and a minute in 16; every dose slot and
    /// dose entry carries one).
    public let minutesSinceMidnight: Int

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutesSinceMidnight = hour * 60 + minute
    }

    /// Parses `HH:MM` (24-hour); `25:00` and `7pm` give `nil`.
    /// Read byte by byte (`H:MM` or `HH:MM`, ASCII digits), as every journal read parses times.
    public init?(parsing text: String) {
        var text = text
        guard let time = text.withUTF8({ LocalTime(parsingBytes: $0) }) else { return nil }
        self = time
    }

    /// `H:MM` or `HH:MM` from UTF-8 bytes, or nil.
    package init?(parsingBytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 4 || u.count == 5, u[u.count - 3] == 58,   // ':'
              u.indices.allSatisfy({ $0 == u.count - 3 || (48...57).contains(u[$0]) }) else { return nil }
        let hour = u.count == 5 ? Int(u[0] - 48) * 10 + Int(u[1] - 48) : Int(u[0] - 48)
        self.init(hour: hour, minute: Int(u[u.count - 2] - 48) * 10 + Int(u[u.count - 1] - 48))
    }


    public var description: String {
        String(decoding: [UInt8(48 + hour / 10), UInt8(48 + hour % 10), 58, UInt8(48 + minute / 10), UInt8(48 + minute % 10)],
               as: UTF8.self)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

extension LocalTime: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = LocalTime(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a time (HH:MM)"))
        }
        self = time
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
