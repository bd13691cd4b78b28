import Foundation
import PainLadderClinic

/// The JSON of the `jsonb` columns, written as the SQLite store writes its JSON text (sorted
/// keys; instants as UTC ISO 8601 with milliseconds), so a clinic moved between backends
/// keeps the same logical content.
enum PostgresJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try StoredJSON.encode(value, instant: PostgresTime.text)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try StoredJSON.decode(type, from: text) { text in
            (try? Date(text, strategy: PostgresTime.style)).map(PostgresTime.rounded)
        }
    }
}

/// Instants as the stores keep them: rounded to the millisecond (the SQLite store's precision),
/// so what one backend returns the other returns too. Rounded again when read: `timestamptz`
/// keeps microseconds, and a millisecond's `Double` may come back a microsecond short.
enum PostgresTime {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func text(_ date: Date) -> String { rounded(date).formatted(style) }
}
