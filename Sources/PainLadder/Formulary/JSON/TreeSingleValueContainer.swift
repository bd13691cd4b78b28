/// The value a decoder stands for, read as one scalar (or as any `Decodable`).
struct TreeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TreeValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var value: JSONValue { decoder.value }
    private var here: TreeLocation { TreeLocation(parent: decoder.node, key: nil) }

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try value.decodeBool(at: here) }
    func decode(_ type: String.Type) throws -> String { try value.decodeString(at: here) }
    func decode(_ type: Double.Type) throws -> Double { try value.decodeFloatingPoint(Double.self, at: here) }
    func decode(_ type: Float.Type) throws -> Float { try value.decodeFloatingPoint(Float.self, at: here) }
    func decode(_ type: Int.Type) throws -> Int { try value.decodeInteger(Int.self, at: here) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.decodeInteger(Int8.self, at: here) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.decodeInteger(Int16.self, at: here) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.decodeInteger(Int32.self, at: here) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.decodeInteger(Int64.self, at: here) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.decodeInteger(UInt.self, at: here) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.decodeInteger(UInt8.self, at: here) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.decodeInteger(UInt16.self, at: here) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.decodeInteger(UInt32.self, at: here) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.decodeInteger(UInt64.self, at: here) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value.decode(T.self, at: here, marks: decoder.marks) }
}
