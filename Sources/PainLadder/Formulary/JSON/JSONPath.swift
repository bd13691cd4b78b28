/// One step into a JSON tree: a member name or an array index.
enum JSONPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)

    /// Renders a path the way formulary errors name fields: `variants[0].steps.value`,
    /// `[2].category` for a top-level array; the empty path is "".
    static func render<C: Collection>(_ path: C) -> String where C.Element == JSONPathComponent {
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += text.isEmpty ? key : ".\(key)"
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }
}
