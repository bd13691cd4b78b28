/// Encodes an `Encodable` value into a ``JSONValue`` tree, as JSONEncoder would shape it
/// (members in the order the type encodes them, `nil` optionals left out), without
/// producing text. The validator walks the tree to find every `sources` list of a drug.
///
/// Like ``TreeDecoder``, it makes no protocol casts: scalars reach it through the
/// containers' concrete `encode` overloads. Doubles keep Swift's own text (`75.0`, not
/// JSONEncoder's `75`); non-finite ones are refused as JSONEncoder refuses them.
enum TreeEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let box = EncodingBox()
        try value.encode(to: TreeValueEncoder(box: box, node: nil))
        return box.tree()
    }
}

/// The value one encoder is building. A class because containers are handed out by value
/// and written to later, and a nested container must write into its parent's tree.
final class EncodingBox {
    enum Content {
        case empty
        case scalar(JSONValue)
        case object
        case array
    }

    /// An object member or array item: a finished scalar, or a box still being filled.
    enum Child {
        case value(JSONValue)
        case box(EncodingBox)

        var tree: JSONValue {
            switch self {
            case let .value(value): value
            case let .box(box): box.tree()
            }
        }
    }

    var content = Content.empty
    /// Object member names, parallel to `children` (objects only).
    var keys: [String] = []
    var children: [Child] = []

    /// Makes this box an object (or keeps it one: a type may ask for its keyed container twice).
    func becomeObject() {
        if case .object = content { return }
        content = .object
        keys = []
        children = []
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array
        keys = []
        children = []
    }

    /// Sets a member; encoding the same key again replaces it, as in JSONEncoder.
    func set(_ key: String, _ child: Child) {
        if let index = keys.firstIndex(of: key) {
            children[index] = child
        } else {
            keys.append(key)
            children.append(child)
        }
    }

    func tree() -> JSONValue {
        switch content {
        case .empty: .object(JSONObject(keys: [], values: []))  // JSONEncoder writes {} for a type that encodes nothing
        case let .scalar(value): value
        case .object: .object(JSONObject(keys: keys, values: children.map(\.tree)))
        case .array: .array(children.map(\.tree))
        }
    }
}

/// The `Encoder` handed to a type's `encode(to:)`.
final class TreeValueEncoder: Encoder {
    let box: EncodingBox
    let node: CodingPathNode?

    init(box: EncodingBox, node: CodingPathNode?) {
        self.box = box
        self.node = node
    }

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeObject()
        return KeyedEncodingContainer(TreeKeyedEncodingContainer<Key>(box: box, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeArray()
        return TreeUnkeyedEncodingContainer(box: box, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleValueEncodingContainer(box: box, node: node)
    }
}

/// Scalars as tree values; anything else encodes itself into a new box.
enum TreeEncoding {
    static func child<T: Encodable>(_ value: T, node: CodingPathNode?, key: any CodingKey) throws -> EncodingBox.Child {
        // Scalars are the bulk of a document; checked by metatype (free), not by casting to a protocol.
        if T.self == String.self { return .value(.string(value as! String)) }
        if T.self == Int.self { return .value(.number(String(value as! Int))) }
        if T.self == Bool.self { return .value(.bool(value as! Bool)) }
        if T.self == Double.self { return .value(try number(value as! Double, node: node, key: key)) }
        let box = EncodingBox()
        try value.encode(to: TreeValueEncoder(box: box, node: CodingPathNode(parent: node, key: key)))
        return .box(box)
    }

    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, node: CodingPathNode?, key: (any CodingKey)?) throws -> JSONValue {
        guard value.isFinite else {
            var path = CodingPathNode.path(node)
            if let key { path.append(key) }
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        return .number(value.description)
    }
}
