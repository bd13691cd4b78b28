import PainLadder
import Testing

/// The one check for stored text, and the one escape for showing what older rows hold.
struct StoredTextTests {
    @Test(arguments: [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E,
                      0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF] as [UInt32])
    func controlBidiAndZeroWidthAreRefusedNamingTheCharacter(_ value: UInt32) {
        let text = "a" + String(Unicode.Scalar(value)!) + "b"
        #expect(throws: PainLadderError.self) { try StoredText.check(text, field: .note) }
        do {
            try StoredText.check(text, field: .note)
        } catch let PainLadderError.invalidValue(field, _, allowed) {
            #expect(field == .note)
            let hex = String(value, radix: 16, uppercase: true)
            #expect(allowed.description.contains("U+" + String(repeating: "0", count: 4 - hex.count) + hex), "\(allowed)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func ordinaryTextPassesAndComesBackUnescaped() throws {
        for text in ["Dr Rao", "Zoë O'Brien-Nguyễn", "痛み 🙂 👍🏽", "\"quoted\"; = + - @", "שלום", "مرحبا"] {
            try StoredText.check(text, field: .name)
            #expect(StoredText.escaped(text) == text)
        }
    }

    @Test func eachFieldHasItsLimit() throws {
        #expect(StoredText.limit(.name) == 200)
        #expect(StoredText.limit(.by) == 100)
        #expect(StoredText.limit(.account) == 100)
        #expect(StoredText.limit(.note) == 1_000)
        #expect(StoredText.limit(.reason) == 500)
        try StoredText.check(String(repeating: "a", count: 1_000), field: .note)
        #expect(throws: PainLadderError.self) { try StoredText.check(String(repeating: "a", count: 1_001), field: .note) }
        #expect(throws: PainLadderError.self) { try StoredText.check(String(repeating: "a", count: 101), field: .by) }
        #expect(throws: PainLadderError.self) { try StoredText.check(" ", field: .reason, required: true) }
        try StoredText.check("", field: .note)
    }

    @Test func escapedShowsEachHiddenCharacterAsItsSwiftEscape() {
        #expect(StoredText.escaped("a\u{1B}]0;x\u{07}b") == #"a\u{1B}]0;x\u{7}b"#)
        #expect(StoredText.escaped("Dr Rao\n#7 taken") == #"Dr Rao\n#7 taken"#)
        #expect(StoredText.escaped("a\tb\rc") == #"a\tb\rc"#)
        #expect(StoredText.escaped("x\u{202E}y\u{200B}z\u{9B}") == #"x\u{202E}y\u{200B}z\u{9B}"#)
    }
}
