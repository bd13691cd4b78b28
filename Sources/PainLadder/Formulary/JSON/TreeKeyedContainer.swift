/// A JSON object seen through a type's `CodingKeys`. Every member it is asked about is
/// marked read (decode, decodeIfPresent, decodeNil, contains, nested containers), so the
/// members nobody asked about are the unknown fields.
struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let node: CodingPathNode?
    let marks: ReadMarks

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }

    /// In file order (JSONDecoder's order is its dictionary's, i.e. arbitrary).
    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        guard let index = object.index(of: key.stringValue) else { return false }
        marks.mark(object, index)
        return true
    }

    /// The member's value, marked read, or `keyNotFound`.
    private func member(_ key: Key) throws -> JSONValue {
        guard let index = object.index(of: key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        marks.mark(object, index)
        return object.values[index]
    }

    /// The member's value, marked read, or nil when it is absent or null.
    private func presentMember(_ key: Key) -> JSONValue? {
        guard let index = object.index(of: key.stringValue) else { return nil }
        marks.mark(object, index)
        let value = object.values[index]
        return value.isNull ? nil : value
    }

    private func at(_ key: Key) -> TreeLocation { TreeLocation(parent: node, key: key) }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decodeBool(at: at(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decodeString(at: at(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decodeFloatingPoint(Double.self, at: at(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decodeFloatingPoint(Float.self, at: at(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decodeInteger(Int.self, at: at(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decodeInteger(Int8.self, at: at(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decodeInteger(Int16.self, at: at(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decodeInteger(Int32.self, at: at(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decodeInteger(Int64.self, at: at(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decodeInteger(UInt.self, at: at(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decodeInteger(UInt8.self, at: at(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decodeInteger(UInt16.self, at: at(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decodeInteger(UInt32.self, at: at(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decodeInteger(UInt64.self, at: at(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try member(key).decode(T.self, at: at(key), marks: marks)
    }

    // The optional fields of the formulary: one lookup each instead of the default
    // implementation's three (contains, decodeNil, decode).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try presentMember(key)?.decodeBool(at: at(key)) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try presentMember(key)?.decodeString(at: at(key)) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try presentMember(key)?.decodeFloatingPoint(Double.self, at: at(key))
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentMember(key)?.decodeInteger(Int.self, at: at(key)) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentMember(key)?.decode(T.self, at: at(key), marks: marks)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeValueDecoder(member(key), node: at(key).node, marks: marks).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeValueDecoder(member(key), node: at(key).node, marks: marks).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(key: SuperKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try superDecoder(key: key)
    }

    /// The decoder for a member (null when absent, as JSONDecoder does).
    private func superDecoder(key: some CodingKey) throws -> any Decoder {
        var value = JSONValue.null
        if let index = object.index(of: key.stringValue) {
            marks.mark(object, index)
            value = object.values[index]
        }
        return TreeValueDecoder(value, node: CodingPathNode(parent: node, key: key), marks: marks)
    }
}

/// The key `superDecoder()` reads: "super".
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
