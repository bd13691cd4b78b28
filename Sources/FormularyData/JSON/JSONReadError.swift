/// A JSON value that is not what the model needs, and where it is.
///
/// `field` and `problem` are worded as the formulary always worded JSONDecoder's errors
/// ("is missing", "has the wrong type (expected Int)", "is null"), so a mistake in a
/// formulary file gives the message it always gave.
struct JSONReadError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A required member is absent.
        case missing
        /// The value is of another JSON type; `expected` names the Swift type wanted
        /// (`Int`, `String`, `Dictionary<String, Any>` for an object, `Array<Any>` for an array).
        case wrongType(expected: String)
        /// The value is `null` where one is required.
        case null
        /// The value has the right type but is not acceptable: the whole problem, in words.
        case invalid(String)
    }

    /// Where: the member or item at fault (for `missing`, the absent member itself).
    var path: [JSONPathComponent]
    var kind: Kind

    /// `variants[0].steps.value`, or "(top level)".
    var field: String { path.isEmpty ? "(top level)" : JSONPathComponent.render(path) }

    var problem: String {
        switch kind {
        case .missing: "is missing"
        case let .wrongType(expected): "has the wrong type (expected \(expected))"
        case .null: "is null"
        case let .invalid(text): text
        }
    }
}
