import Foundation
import PainLadderClinic

/// The one JSON dialect of the store's JSON columns (schedule, overrides, conditions,
/// medicines, audit detail): sorted keys, instants as ``StoreTime`` text.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try StoredJSON.encode(value, instant: StoreTime.string)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try StoredJSON.decode(type, from: text, instant: StoreTime.date)
    }
}
