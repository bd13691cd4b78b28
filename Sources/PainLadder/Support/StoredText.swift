/// The one check for free text PainLadder stores (names, medicines, conditions, notes,
/// reasons, who acted, side effects, impacts, assessment answers), so every interface
/// refuses the same things: what is stored is one line a terminal shows as written.
///
/// No field allows a line break or any other control character (C0, DEL, C1), a
/// bidirectional control (U+061C, U+200E/200F, U+202A–202E, U+2066–2069) or a zero-width
/// character (U+200B–200D, U+2060, U+FEFF): a newline in an author's name forged a history
/// line, escape codes in a name retitled the terminal, and bidi and zero-width characters
/// make text read differently from what is stored. Each field has its own length limit
/// (``limit(_:)``), counted in characters as a person sees them.
///
/// ```swift
/// try StoredText.check("took it with food", field: .note)          // fine
/// try StoredText.check("Dr Rao\n#7 taken 75 mg", field: .by)        // invalidValue(.by, …)
/// ```
public enum StoredText {
    /// The most characters `field` may hold: a name 200, who acted 100, a note 1,000, a reason 500.
    public static func limit(_ field: Field) -> Int {
        switch field {
        case .note: 1_000
        case .reason, .overrideReason, .impact, .answer: 500
        case .name, .symptom: 200
        case .by, .account, .medicine, .condition, .addMedicine, .removeMedicine, .addCondition, .removeCondition,
             .stoppedMedicine: 100
        default: 500
        }
    }

    /// Refuses `text` for `field` with one ``PainLadderError/invalidValue(field:given:allowed:)``
    /// naming the first character that may not be stored, or the length; `required` also
    /// refuses a blank text.
    public static func check(_ text: String, field: Field, required: Bool = false) throws {
        let limit = limit(field)
        if required && text.isBlank {
            throw PainLadderError.invalidValue(field: field, given: "(empty)", allowed: "some text")
        }
        if let refused = firstRefused(in: text) {
            throw PainLadderError.invalidValue(
                field: field, given: text,
                allowed: "one line of at most \(limit) characters without control, bidirectional or zero-width characters (found \(refused.codePoint))")
        }
        guard text.count <= limit else {
            throw PainLadderError.invalidValue(field: field, given: text,
                                               allowed: "one line of at most \(limit) characters (given \(text.count))")
        }
    }

    /// Each of `texts` checked for `field` (repeated options: medicines, conditions, answers).
    public static func check(_ texts: [String], field: Field) throws {
        for text in texts { try check(text, field: field) }
    }

    /// The first character no stored text may hold, if any.
    public static func firstRefused(in text: String) -> Unicode.Scalar? {
        // The usual text is printable ASCII: one comparison a byte, no property lookups.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        return text.unicodeScalars.first(where: isRefused)
    }

    /// Whether `scalar` is a control, bidirectional or zero-width character.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true                           // C0, DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidi controls
        case 0x200B...0x200D, 0x2060, 0xFEFF: true                    // zero-width
        case 0x2028, 0x2029: true                                     // line and paragraph separators
        default: false
        }
    }
}

extension StoredText {
    /// `text` with every character ``isRefused(_:)`` written as its Swift escape: `\n`, `\r`,
    /// `\t`, else `\u{1B}`. What older rows hold (stored before this check) is shown through
    /// this by every renderer, so it can neither drive a terminal nor forge a line; text that
    /// passes ``check(_:field:required:)`` comes back unchanged.
    public static func escaped(_ text: String) -> String {
        guard firstRefused(in: text) != nil else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isRefused(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// "U+001B", as a message names a character that cannot be shown.
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
