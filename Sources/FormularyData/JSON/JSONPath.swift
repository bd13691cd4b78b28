/// One step into a JSON tree: a member name or an array index.
enum JSONPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)

    /// Renders a path the way formulary errors name fields: `variants[0].steps.value`,
    /// `[2].category` for a top-level array; the empty path is "".
    ///
    /// A path deeper than ``renderedDepth`` shows its first and last few components around
    /// "…(N levels)…": a 100,000-deep document would otherwise make a 1.6 KB message line.
    static func render<C: Collection>(_ path: C) -> String where C.Element == JSONPathComponent {
        guard path.count > renderedDepth else { return join(path) }
        let end = renderedDepth / 2
        let hidden = path.count - 2 * end
        return join(path.prefix(end)) + ".…(\(hidden) levels)…" + join(path.suffix(end), continuing: true)
    }

    /// The most components a rendered path shows in full.
    static let renderedDepth = 12

    private static func join<C: Collection>(_ path: C, continuing: Bool = false) -> String
    where C.Element == JSONPathComponent {
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += text.isEmpty && !continuing ? key : ".\(key)"
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// A path as a linked list, innermost component first: readers share their parent's path
/// instead of copying an array at every level, and only an error turns it into an array.
final class JSONPathNode: Sendable {
    let parent: JSONPathNode?
    let component: JSONPathComponent

    init(parent: JSONPathNode?, component: JSONPathComponent) {
        self.parent = parent
        self.component = component
    }

    /// The components from the root down to `node`.
    static func components(_ node: JSONPathNode?) -> [JSONPathComponent] {
        var components: [JSONPathComponent] = []
        var node = node
        while let current = node {
            components.append(current.component)
            node = current.parent
        }
        return components.reversed()
    }
}
