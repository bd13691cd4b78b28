/// A JSON array read item by item. As in JSONDecoder, the index moves on only after an
/// item decodes, so a failed `try?` can try the same item as another type.
struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let node: CodingPathNode?
    let marks: ReadMarks
    private(set) var currentIndex = 0

    init(items: [JSONValue], node: CodingPathNode?, marks: ReadMarks) {
        self.items = items
        self.node = node
        self.marks = marks
    }

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var here: TreeLocation { TreeLocation(parent: node, key: IndexKey(currentIndex)) }

    /// The current item, or `valueNotFound` past the end.
    private func current(_ type: Any.Type) throws -> JSONValue {
        guard currentIndex < items.count else {
            throw DecodingError.valueNotFound(type, .init(
                codingPath: here.codingPath, debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    /// Decodes the current item and only then moves on.
    private mutating func next<T>(_ type: T.Type, _ read: (JSONValue, TreeLocation) throws -> T) throws -> T {
        let value = try read(current(T.self), here)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Any?.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.decodeBool(at: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.decodeString(at: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.decodeFloatingPoint(Double.self, at: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.decodeFloatingPoint(Float.self, at: $1) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.decodeInteger(Int.self, at: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.decodeInteger(Int8.self, at: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.decodeInteger(Int16.self, at: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.decodeInteger(Int32.self, at: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.decodeInteger(Int64.self, at: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.decodeInteger(UInt.self, at: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.decodeInteger(UInt8.self, at: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.decodeInteger(UInt16.self, at: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.decodeInteger(UInt32.self, at: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.decodeInteger(UInt64.self, at: $1) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let marks = marks
        return try next(type) { try $0.decode(T.self, at: $1, marks: marks) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let marks = marks
        return try next(KeyedDecodingContainer<NestedKey>.self) {
            try TreeValueDecoder($0, node: $1.node, marks: marks).container(keyedBy: NestedKey.self)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let marks = marks
        return try next((any UnkeyedDecodingContainer).self) {
            try TreeValueDecoder($0, node: $1.node, marks: marks).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        let marks = marks
        return try next((any Decoder).self) { TreeValueDecoder($0, node: $1.node, marks: marks) }
    }
}
