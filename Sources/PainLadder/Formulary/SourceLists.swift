/// Finds every `sources` list in a value's JSON form: every ``Sourced`` value and every
/// rule, including ones in fields added later, without a list of where they are.
enum SourceLists {
    /// Calls `body` with each `sources` list in `value` and the path of the object holding
    /// it (`variants[0].usualTarget`, "" for the value itself), in a fixed order: an
    /// object's own list first, then its other members by sorted key, depth first. The
    /// validator reports the first bad list, so the order decides which error is shown.
    ///
    /// `path` renders the field only when asked: a valid formulary never needs it.
    static func visit<T: Encodable>(_ value: T, prefix: String = "",
                                    _ body: (_ tags: [String], _ path: () -> String) throws -> Void) throws {
        var path: [JSONPathComponent] = prefix.isEmpty ? [] : [.key(prefix)]
        try walk(try TreeEncoder.encode(value), path: &path, body)
    }

    private static func walk(_ value: JSONValue, path: inout [JSONPathComponent],
                             _ body: (_ tags: [String], _ path: () -> String) throws -> Void) throws {
        switch value {
        case let .object(object):
            if case let .array(items)? = object["sources"] {
                let tags = items.map(\.tagText)
                let here = path
                try body(tags) { JSONPathComponent.render(here) }
            }
            for index in object.keys.indices.sorted(by: { object.keys[$0] < object.keys[$1] })
            where object.keys[index] != "sources" {
                path.append(.key(object.keys[index]))
                try walk(object.values[index], path: &path, body)
                path.removeLast()
            }
        case let .array(items):
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                try walk(item, path: &path, body)
                path.removeLast()
            }
        default:
            break
        }
    }
}

private extension JSONValue {
    /// A tag as text. Tags are strings in every model; anything else is shown as written so
    /// that it is reported as an unknown tag rather than skipped.
    var tagText: String {
        switch self {
        case let .string(text): text
        case let .number(text): text
        case let .bool(flag): flag ? "true" : "false"
        case .null: "null"
        case .object: "{…}"
        case .array: "[…]"
        }
    }
}
