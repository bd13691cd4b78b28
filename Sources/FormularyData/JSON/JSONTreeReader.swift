/// Reads one value of a parsed document as the type a model needs, with errors that name
/// where it is (``JSONReadError``).
///
/// The formulary's types read themselves through this (`Drug(json:)` and friends) rather
/// than through `Decodable`. The reason is cost: on Linux, the code Swift synthesizes for
/// `Decodable` makes the runtime look up conformances (`CodingKeys: CodingKey`,
/// `Int: Decodable`…) by scanning every conformance record of every loaded library, about
/// 0.6 M instructions per type, dozens of types, on every command. Plain functions over a
/// tree make no such lookups.
///
/// Scalars follow JSONDecoder's rules, a little stricter: an `Int` is a number with no
/// fractional part (`7`, `7.0`, `7e0`; `7.5` is refused, not rounded, and so is
/// `7.0000000000000000001`, which JSONDecoder rounds through a Double), a `Double` any
/// number, correctly rounded.
struct JSONTreeReader {
    let value: JSONValue
    let marks: ReadMarks
    /// The path of the container holding `value`, and `value`'s own key or index in it; kept
    /// apart so that reading a scalar never allocates a path node.
    private let parent: JSONPathNode?
    private let component: JSONPathComponent?

    /// A reader for the root of `document`, marking reads in `marks`.
    init(_ document: JSONDocument, marks: ReadMarks) {
        self.init(document.root, marks: marks, parent: nil, component: nil)
    }

    fileprivate init(_ value: JSONValue, marks: ReadMarks, parent: JSONPathNode?, component: JSONPathComponent?) {
        self.value = value
        self.marks = marks
        self.parent = parent
        self.component = component
    }

    /// The path from the root to this value.
    var path: [JSONPathComponent] {
        var path = JSONPathNode.components(parent)
        if let component { path.append(component) }
        return path
    }

    /// This value's path as a node, for readers of its members or items.
    private var node: JSONPathNode? {
        guard let component else { return parent }
        return JSONPathNode(parent: parent, component: component)
    }

    var isNull: Bool { value.isNull }

    /// An error about this value.
    func error(_ kind: JSONReadError.Kind) -> JSONReadError {
        JSONReadError(path: path, kind: kind)
    }

    /// `null` or a value of another JSON type than `expected`.
    private func mismatch(_ expected: String) -> JSONReadError {
        error(isNull ? .null : .wrongType(expected: expected))
    }

    // MARK: - Scalars

    func string() throws -> String {
        guard case let .string(text) = value else { throw mismatch("String") }
        return text
    }

    func bool() throws -> Bool {
        guard case let .bool(flag) = value else { throw mismatch("Bool") }
        return flag
    }

    func int() throws -> Int {
        guard case let .number(text) = value else { throw mismatch("Int") }
        switch JSONNumber.integer(text, as: Int.self) {
        case let .success(number): return number
        case .failure(.notWhole): throw error(.invalid("\(text) is not a whole number (expected Int)"))
        case .failure(.outOfRange): throw error(.invalid("\(text) does not fit in Int"))
        }
    }

    func double() throws -> Double {
        guard case let .number(text) = value else { throw mismatch("Double") }
        switch JSONNumber.floatingPoint(text, as: Double.self) {
        case let .success(number): return number
        case .failure: throw error(.invalid("\(text) is not representable as Double"))
        }
    }

    /// A string enum's case, with JSONDecoder's message for a string that names none.
    func rawValue<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        let text = try string()
        guard let found = E(rawValue: text) else {
            throw error(.invalid("Cannot initialize \(E.self) from invalid String value \(text)"))
        }
        return found
    }

    // MARK: - Containers

    func object() throws -> JSONObjectReader {
        guard case let .object(object) = value else { throw mismatch("Dictionary<String, Any>") }
        return JSONObjectReader(object: object, marks: marks, node: node)
    }

    /// Each item read by `item`, in order.
    func array<T>(_ item: (JSONTreeReader) throws -> T) throws -> [T] {
        guard case let .array(items) = value else { throw mismatch("Array<Any>") }
        let node = node
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, element) in items.enumerated() {
            result.append(try item(JSONTreeReader(element, marks: marks, parent: node, component: .index(index))))
        }
        return result
    }

    func strings() throws -> [String] { try array { reader in try reader.string() } }
    func ints() throws -> [Int] { try array { reader in try reader.int() } }

    /// An object read as a dictionary: every member, each value read by `value`.
    func dictionary<T>(_ value: (JSONTreeReader) throws -> T) throws -> [String: T] {
        let object = try object()
        var result: [String: T] = [:]
        result.reserveCapacity(object.object.keys.count)
        for index in object.object.keys.indices {
            result[object.object.keys[index]] = try value(object.member(at: index))
        }
        return result
    }
}

/// The members of one JSON object, read by name. Every member asked for is marked read,
/// present or null; the rest are the unknown fields.
struct JSONObjectReader {
    let object: JSONObject
    let marks: ReadMarks
    fileprivate let node: JSONPathNode?

    /// The error for a required member that is absent.
    func missing(_ key: String) -> JSONReadError {
        JSONReadError(path: JSONPathNode.components(node) + [.key(key)], kind: .missing)
    }

    fileprivate func member(at index: Int) -> JSONTreeReader {
        marks.mark(object, index)
        return JSONTreeReader(object.values[index], marks: marks, parent: node, component: .key(object.keys[index]))
    }

    /// A required member (it may still be `null`; reading it as a type then says so).
    func member(_ key: String) throws -> JSONTreeReader {
        guard let index = object.index(of: key) else { throw missing(key) }
        return member(at: index)
    }

    /// An optional member: `nil` when absent or `null`.
    func optionalMember(_ key: String) -> JSONTreeReader? {
        guard let index = object.index(of: key) else { return nil }
        let reader = member(at: index)
        return reader.isNull ? nil : reader
    }

    func read<T>(_ key: String, _ body: (JSONTreeReader) throws -> T) throws -> T {
        try body(member(key))
    }

    func readIfPresent<T>(_ key: String, _ body: (JSONTreeReader) throws -> T) throws -> T? {
        guard let reader = optionalMember(key) else { return nil }
        return try body(reader)
    }

    func string(_ key: String) throws -> String { try member(key).string() }
    func int(_ key: String) throws -> Int { try member(key).int() }
    func double(_ key: String) throws -> Double { try member(key).double() }
    func bool(_ key: String) throws -> Bool { try member(key).bool() }
    func strings(_ key: String) throws -> [String] { try member(key).strings() }

    func optionalString(_ key: String) throws -> String? { try optionalMember(key)?.string() }
    func optionalInt(_ key: String) throws -> Int? { try optionalMember(key)?.int() }
    func optionalDouble(_ key: String) throws -> Double? { try optionalMember(key)?.double() }
    func optionalBool(_ key: String) throws -> Bool? { try optionalMember(key)?.bool() }
    func optionalStrings(_ key: String) throws -> [String]? { try optionalMember(key)?.strings() }

    func array<T>(_ key: String, _ item: (JSONTreeReader) throws -> T) throws -> [T] {
        try member(key).array(item)
    }

    func rawValue<E: RawRepresentable>(_ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        try member(key).rawValue(E.self)
    }
}
