/// Text a person types (a note, a reason, who decided), checked as the command line is read:
/// one line of at most 500 characters (``Parse/text(_:field:required:)``).
struct FreeText: Sendable, Equatable {
    let text: String

    init(_ text: String, field: String, required: Bool = false) throws {
        try Parse.text(text, field: field, required: required)
        self.text = text
    }
}
