import Foundation

/// The one JSON dialect of the store's JSON columns (schedule, overrides, conditions,
/// medicines, audit detail): sorted keys, instants as ``StoreTime`` text.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoreTime.string(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = StoreTime.date(text) else {
                throw DecodingError.dataCorruptedError(in: container,
                                                       debugDescription: "'\(text)' is not a stored instant")
            }
            return date
        }
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
