import Foundation

/// The JSON dialect of every store's JSON columns (schedules, overrides, details, entries):
/// sorted keys, unescaped slashes, instants as the store's own text. One dialect, so a clinic
/// moved between backends keeps the same logical content.
///
/// ```swift
/// let text = try StoredJSON.encode(["a": 1], instant: { "\($0.timeIntervalSince1970)" })   // {"a":1}
/// ```
public enum StoredJSON {
    public static func encode<T: Encodable>(_ value: T, instant: @escaping @Sendable (Date) -> String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(instant(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// - Parameter instant: reads the store's text for an instant; `nil` when it is not one.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String,
                                            instant: @escaping @Sendable (String) -> Date?) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = instant(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a stored instant")
            }
            return date
        }
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
