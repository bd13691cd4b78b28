import PainLadder

/// Text a person types that PainLadder stores (a note, a reason, who decided), checked as the
/// command line is read by the library's own rule for that field (``StoredText``: its
/// characters and its length limit), so a bad value is named before anything is opened.
struct FreeText: Sendable, Equatable {
    let text: String

    init(_ text: String, field: Field, required: Bool = false) throws {
        do {
            try StoredText.check(text, field: field, required: required)
        } catch let PainLadderError.invalidValue(field, given, allowed) {
            throw BadArgument(field: ErrorText.flag(field), given: given, allowed: allowed.spelled(ErrorText.flag))
        }
        self.text = text
    }
}
