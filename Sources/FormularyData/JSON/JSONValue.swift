/// A parsed JSON document as a tree: what ``JSONTreeParser`` builds and ``JSONTreeReader``
/// reads the formulary from.
///
/// Numbers keep their literal text, so each reader converts them exactly once into the
/// type the model asks for (an `Int` field refuses `1.5`, a `Double` field reads `0.1`
/// correctly rounded) instead of through a lossy intermediate.
enum JSONValue: Sendable, Equatable {
    case object(JSONObject)
    case array([JSONValue])
    case string(String)
    /// The number exactly as written (`75`, `-0.5`, `1e2`); the parser has checked its syntax.
    case number(String)
    case bool(Bool)
    case null

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// A JSON object: its members in file order.
struct JSONObject: Sendable {
    /// Member names, in file order; never repeated (the parser refuses duplicate keys).
    var keys: [String]
    /// Member values, parallel to `keys`.
    var values: [JSONValue]
    /// The position of this object's first member among all members of the document, in
    /// parse order. A reader marks the members it reads in one flat array indexed by
    /// `firstMember + i` (see ``ReadMarks``) instead of a set per object.
    var firstMember: Int

    init(keys: [String], values: [JSONValue], firstMember: Int = 0) {
        self.keys = keys
        self.values = values
        self.firstMember = firstMember
    }

    /// The index of `key` among the members, if present. A linear scan: formulary objects
    /// have at most a few dozen members, where hashing costs more than comparing.
    func index(of key: String) -> Int? {
        keys.firstIndex(of: key)
    }

    subscript(key: String) -> JSONValue? {
        index(of: key).map { values[$0] }
    }
}

extension JSONObject: Equatable {
    /// Same members in the same order; where the object sits in its document does not matter.
    static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}
