import Foundation

/// A zone's abbreviations as the zone data spell them (BST, EDT), read from the system's
/// TZif file (RFC 8536) under `TZDIR` or `/usr/share/zoneinfo`.
///
/// Foundation on Linux answers `TimeZone.abbreviation(for:)` with ICU's "GMT+1" where the
/// zone data say "BST"; a calendar app shows TZNAME to people, so it should be the name
/// they know.
///
/// ```swift
/// ZoneAbbreviations.name("Europe/London", offset: 3600, daylight: true)  // "BST"
/// ```
enum ZoneAbbreviations {
    /// The abbreviation of the zone's most recent local-time type with this offset and
    /// daylight flag; `nil` when the zone data cannot be read or have no such type.
    static func name(_ zone: String, offset: Int, daylight: Bool) -> String? {
        guard let types = localTimeTypes(zone) else { return nil }
        return types.last { $0.offset == offset && $0.daylight == daylight }?.name
    }

    struct LocalTimeType: Equatable {
        var offset: Int
        var daylight: Bool
        var name: String
    }

    /// The zone's local-time types in the order its transitions last use them (the type in
    /// force most recently comes last), then any type no transition uses.
    static func localTimeTypes(_ zone: String) -> [LocalTimeType]? {
        // Never a path outside the zone folder: a zone id is letters, digits, '/', '_', '-', '+'.
        guard !zone.contains(".."), !zone.hasPrefix("/") else { return nil }
        let folder = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        guard let data = FileManager.default.contents(atPath: folder + "/" + zone) else { return nil }
        return parse([UInt8](data))
    }

    /// Reads a TZif file: the version 2+ block (64-bit times) when present, else version 1.
    static func parse(_ bytes: [UInt8]) -> [LocalTimeType]? {
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        func count(_ at: Int, _ i: Int) -> Int { Int(be32(bytes, at + 20 + 4 * i)) }
        var header = 0
        var timeSize = 4
        let v1Length = 44 + count(0, 3) * 5 + count(0, 4) * 6 + count(0, 5) + count(0, 2) * 8 + count(0, 1) + count(0, 0)
        if bytes[4] >= UInt8(ascii: "2"), bytes.count >= v1Length + 44 {
            header = v1Length
            timeSize = 8
        }
        let isut = count(header, 0), isstd = count(header, 1), leap = count(header, 2)
        let times = count(header, 3), typeCount = count(header, 4), chars = count(header, 5)
        let indices = header + 44 + times * timeSize
        let infos = indices + times
        let names = infos + typeCount * 6
        guard names + chars + leap * (timeSize + 4) + isstd + isut <= bytes.count, typeCount > 0 else { return nil }
        var types: [LocalTimeType] = []
        for t in 0..<typeCount {
            let at = infos + t * 6
            let start = names + Int(bytes[at + 5])
            guard start < names + chars else { return nil }
            let end = bytes[start..<(names + chars)].firstIndex(of: 0) ?? names + chars
            types.append(LocalTimeType(offset: Int(Int32(bitPattern: be32(bytes, at))), daylight: bytes[at + 4] != 0,
                                       name: String(decoding: bytes[start..<end], as: UTF8.self)))
        }
        var order: [Int] = []
        for i in 0..<times {
            let t = Int(bytes[indices + i])
            guard t < typeCount else { return nil }
            order.removeAll { $0 == t }
            order.append(t)
        }
        let unused = (0..<typeCount).filter { !order.contains($0) }
        return (unused + order).map { types[$0] }
    }

    static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
