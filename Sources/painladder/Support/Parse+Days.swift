import PainLadder

extension Parse {
    /// A number of days: "7", "7d" or "2w" (weeks), from 0 to 3650 days.
    static func days(_ text: String, field: String) throws -> Int {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        let (digits, factor) = t.hasSuffix("w") ? (String(t.dropLast()), 7) : t.hasSuffix("d") ? (String(t.dropLast()), 1) : (t, 1)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let n = Int(digits), n * factor <= 3650 else {
            throw BadArgument(field: field, given: text,
                                               allowed: "a number of days such as 7, 7d or 2w (at most 3650 days)")
        }
        return n * factor
    }
}
