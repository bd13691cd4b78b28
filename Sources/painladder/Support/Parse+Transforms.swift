import Foundation
import PainLadder

/// Parse's readers as option transforms (`transform: Parse.date("--born")`): the value is read
/// while the command line is parsed, and a bad one is still PainLadder's one line naming the
/// flag, with exit 65 (``ConversionFailure`` finds it inside argument-parser's error).
extension Parse {
    static func date(_ field: String) -> @Sendable (String) throws -> LocalDate {
        { try date($0, field: field) }
    }

    static func timeZone(_ field: String) -> @Sendable (String) throws -> TimeZone {
        { try timeZone($0, field: field) }
    }

    static func number(_ field: String, _ range: ClosedRange<Double>, unit: String) -> @Sendable (String) throws -> Double {
        { try number($0, field: field, range: range, unit: unit) }
    }

    static func milligrams(_ field: String) -> @Sendable (String) throws -> Milligrams {
        { try milligrams($0, field: field) }
    }

    static func days(_ field: String) -> @Sendable (String) throws -> Int {
        { try days($0, field: field) }
    }

    static func yesNo(_ field: String) -> @Sendable (String) throws -> Bool {
        { try yesNo($0, field: field) }
    }

    /// One word of `T`'s cases; `allowed` words the list in the message when a bad word is
    /// refused ("male or female"), else the words joined by commas.
    static func choice<T: RawRepresentable & CaseIterable & Sendable>(
        _ field: String, as type: T.Type, allowed: String? = nil
    ) -> @Sendable (String) throws -> T where T.RawValue == String {
        { try choice($0, field: field, as: type, allowed: allowed) }
    }

    /// Free text as an option's transform: one line of at most 500 characters, and some text
    /// where `required`.
    static func text(_ field: Field, required: Bool = false) -> @Sendable (String) throws -> FreeText {
        { try FreeText($0, field: field, required: required) }
    }
}
