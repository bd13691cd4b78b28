/// Decodes `Decodable` values from a parsed ``JSONDocument`` as `JSONDecoder` would (same
/// values, same `DecodingError` kinds and coding paths), and records which object members
/// the model read, so that ``UnknownFields`` can refuse the ones it never asked for.
///
/// Why not JSONDecoder: for every new generic type it meets it asks the runtime whether the
/// type conforms to its private marker protocols, a scan of every conformance in the
/// process, and the formulary has dozens of such types; loading it that way cost most of
/// every command's time. This decoder compares metatypes for the few scalar types it
/// handles itself and otherwise calls `init(from:)`: no protocol casts.
///
/// ```swift
/// let document = try JSONTreeParser.parse(data)
/// let marks = ReadMarks(document)
/// let drug = try TreeDecoder.decode(Drug.self, from: document.root, marks: marks)
/// ```
///
/// Scalars follow JSONDecoder's default strategies: numbers for numeric types (an integer
/// type refuses a fraction), strings for `String` and `URL`. `Date` and `Data` would decode
/// through their own `Codable` forms, not JSONDecoder's strategies; the formulary has neither.
enum TreeDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from root: JSONValue, marks: ReadMarks) throws -> T {
        try root.decode(T.self, at: TreeLocation(parent: nil, key: nil), marks: marks)
    }
}

/// Which members of a document's objects a decoder has read, indexed by
/// ``JSONObject/firstMember`` + position. Shared by every container of one decoding.
final class ReadMarks {
    private(set) var read: [Bool]

    init(count: Int) {
        read = Array(repeating: false, count: count)
    }

    convenience init(_ document: JSONDocument) {
        self.init(count: document.memberCount)
    }

    func mark(_ object: JSONObject, _ index: Int) {
        read[object.firstMember + index] = true
    }

    func isRead(_ object: JSONObject, _ index: Int) -> Bool {
        read[object.firstMember + index]
    }

    /// True when every member of the document was read (the usual case, checked in one pass).
    var all: Bool { !read.contains(false) }
}

/// A coding path as a linked list, built only as deep as decoding goes and turned into an
/// array only when asked (an error, or a type that reads `codingPath`).
final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(parent: CodingPathNode?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func path(_ node: CodingPathNode?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = node
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// The key of an array item, as JSONDecoder names it ("Index 2", intValue 2).
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// Where a value sits: its container's path and its own key (nil for the container's own value).
/// Kept apart so that scalars, the bulk of a document, never allocate a path node.
struct TreeLocation {
    let parent: CodingPathNode?
    let key: (any CodingKey)?

    var codingPath: [any CodingKey] {
        var path = CodingPathNode.path(parent)
        if let key { path.append(key) }
        return path
    }

    var node: CodingPathNode? {
        guard let key else { return parent }
        return CodingPathNode(parent: parent, key: key)
    }
}

/// The `Decoder` handed to a type's `init(from:)`: one value of the tree and where it is.
final class TreeValueDecoder: Decoder {
    let value: JSONValue
    let node: CodingPathNode?
    let marks: ReadMarks

    init(_ value: JSONValue, node: CodingPathNode?, marks: ReadMarks) {
        self.value = value
        self.node = node
        self.marks = marks
    }

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case let .object(object):
            return KeyedDecodingContainer(TreeKeyedContainer<Key>(object: object, node: node, marks: marks))
        case .null:
            throw DecodingError.valueNotFound([String: Any].self, .init(
                codingPath: codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead"))
        default:
            throw value.typeMismatch([String: Any].self, codingPath: codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case let .array(items):
            return TreeUnkeyedContainer(items: items, node: node, marks: marks)
        case .null:
            throw DecodingError.valueNotFound([Any].self, .init(
                codingPath: codingPath, debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
        default:
            throw value.typeMismatch([Any].self, codingPath: codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TreeSingleValueContainer(decoder: self)
    }
}
