/// Blank checks and trimming with the meaning of Foundation's
/// `trimmingCharacters(in: .whitespaces)` (tab, the Unicode space separators of category
/// Zs, and, as CoreFoundation has always counted it, U+200B ZERO WIDTH SPACE; not
/// newlines), without its cost: the validators ask this of every label and message
/// in the formulary on every command, and Foundation's version bridges each string to
/// UTF-16 and back.
extension Unicode.Scalar {
    /// In `CharacterSet.whitespaces`: U+0009, general category Zs, or U+200B.
    var isHorizontalWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }  // the usual case, without a property lookup
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}

extension String {
    /// Empty once spaces and tabs are trimmed: `s.trimmingCharacters(in: .whitespaces).isEmpty`.
    package var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isHorizontalWhitespace)
    }

    /// Spaces and tabs trimmed from both ends: `s.trimmingCharacters(in: .whitespaces)`.
    package func trimmingHorizontalWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isHorizontalWhitespace }) else { return "" }
        if first == startIndex, scalars.index(after: last) == endIndex { return self }  // nothing to trim: no copy
        return String(self[first..<scalars.index(after: last)])
    }
}
