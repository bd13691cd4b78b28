import Foundation
import Testing
@testable import PainLadder

/// `isBlank` and `trimmingHorizontalWhitespace()` mean what Foundation's
/// `trimmingCharacters(in: .whitespaces)` means, which the validators used before.
@Suite("Whitespace")
struct WhitespaceTests {
    @Test func blankMeansSpacesAndTabsOnly() {
        #expect("".isBlank)
        #expect("  \t ".isBlank)
        #expect("\u{00A0}\u{2003}\u{3000}".isBlank)  // no-break, em and ideographic spaces are Zs
        #expect(!" x ".isBlank)
        #expect(!"\n".isBlank)  // newlines are not in .whitespaces
        #expect("\u{200B}".isBlank)  // zero-width space (Cf): Foundation counts it, so do we
        #expect(!"\u{200C}".isBlank)  // but not the zero-width non-joiner
    }

    @Test func trimmingRemovesBothEndsOnly() {
        #expect("  dry mouth\t".trimmingHorizontalWhitespace() == "dry mouth")
        #expect("\u{3000}眠気\u{00A0}".trimmingHorizontalWhitespace() == "眠気")
        #expect("x".trimmingHorizontalWhitespace() == "x")
        #expect(" \t ".trimmingHorizontalWhitespace() == "")
        #expect("\nx\n".trimmingHorizontalWhitespace() == "\nx\n")
    }

    /// Every scalar up to U+3100 (Latin, punctuation, the General Punctuation spaces, CJK
    /// space) and the rest of the Zs and format characters: alone and around a letter.
    @Test func agreesWithFoundationScalarByScalar() {
        let scalars = (0..<0x3100).compactMap(Unicode.Scalar.init) + [0xFEFF, 0xFF01, 0x1680, 0x202F, 0x205F, 0xE0020]
            .compactMap(Unicode.Scalar.init)
        var disagreements: [UInt32] = []
        for scalar in scalars {
            let alone = String(scalar)
            let around = "\(alone)a\(alone)"
            if alone.isBlank != alone.trimmingCharacters(in: .whitespaces).isEmpty
                || around.trimmingHorizontalWhitespace() != around.trimmingCharacters(in: .whitespaces) {
                disagreements.append(scalar.value)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.map { String($0, radix: 16) })")
    }
}
