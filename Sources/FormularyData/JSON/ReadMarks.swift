/// Which members of a document's objects have been read, indexed by
/// ``JSONObject/firstMember`` + position: one flat array for the whole document, shared by
/// every reader of it. What is left unread is what no model asked for (``UnknownFields``).
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

    /// True when every member was read: the usual case, checked in one pass.
    var all: Bool { !read.contains(false) }
}
