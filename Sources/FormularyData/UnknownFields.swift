import PainLadder

/// Refuses JSON fields the model does not know (a misspelt `maximumDailyDoes` must not be
/// silently ignored).
///
/// ``JSONObjectReader`` marks every object member a type reads; a member left unread is a
/// field no type asked for. A member whose value is `null` is let through, as an absent
/// optional would be.
enum UnknownFields {
    /// Throws `invalidFormulary` naming the first unknown field of `root` (keys in sorted
    /// order, depth first) and the drug (the document's `id`), if there is one.
    static func check(_ root: JSONValue, marks: ReadMarks, file: String) throws {
        guard let path = firstUnknown(in: root, marks: marks) else { return }
        throw PainLadderError.invalidFormulary(file: file, drug: drugName(root), field: path,
                                               problem: "is not a known field")
    }

    /// The path of the first unread, non-null member (`variants[0].usualTarget.notes`), or nil.
    static func firstUnknown(in root: JSONValue, marks: ReadMarks) -> String? {
        // The usual case, a file whose every member was read, costs one pass over the marks.
        guard !marks.all else { return nil }
        var path: [JSONPathComponent] = []
        return search(root, marks: marks, path: &path) ? JSONPathComponent.render(path) : nil
    }

    private static func search(_ value: JSONValue, marks: ReadMarks, path: inout [JSONPathComponent]) -> Bool {
        switch value {
        case let .object(object):
            // Sorted, so that of two unknown fields the same one is named every time.
            for index in object.keys.indices.sorted(by: { object.keys[$0] < object.keys[$1] }) {
                path.append(.key(object.keys[index]))
                let member = object.values[index]
                if marks.isRead(object, index) {
                    if search(member, marks: marks, path: &path) { return true }
                } else if !member.isNull {
                    return true
                }
                path.removeLast()
            }
        case let .array(items):
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                if search(item, marks: marks, path: &path) { return true }
                path.removeLast()
            }
        default:
            break
        }
        return false
    }

    /// A drug file's `id`, to name the drug in the error.
    static func drugName(_ root: JSONValue) -> String? {
        guard case let .object(object) = root, case let .string(id)? = object["id"] else { return nil }
        return id
    }
}
