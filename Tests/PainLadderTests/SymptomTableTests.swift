import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The symptom table and the byte-level normalising give what the character rule gives.
@Suite("Symptom matching: table and ASCII fast path")
struct SymptomTableTests {
    static let formulary = try! FormularyLoader.bundled()

    static let nonASCII = ["Drowsinéss", "ＤＲＯＷＳＩＮＥＳＳ", "İnsomnia", "naüsea", "sleepy 😴", "dry–mouth", "Ⅻ", "²", "٣ days",
                           "ǅ", "ß", "ﬁne", "e\u{301}", "\u{301}", "Σίσυφος", "дрожь", "頭痛", "\u{00A0}dizzy\u{00A0}", "\u{200B}"]

    @Test func asciiFastPathAgreesWithTheCharacterRule() {
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", "   ", "Dry Mouth!", "can't pee", "blurred\r\nvision", "A-Z a-z 0-9", "\t\n\u{7F}", "Passed_Out..."]
        var r = TestRandom(seed: 7)
        for _ in 0..<500 {
            texts.append(String(decoding: (0..<r.int(0...40)).map { _ in UInt8(r.int(0...127)) }, as: UTF8.self))
        }
        for text in texts + Self.nonASCII {
            #expect(SymptomMatcher.normalise(text) == SymptomMatcher.normaliseUnicode(text), "\(text.debugDescription)")
        }
    }

    @Test func tableAgreesWithMatchingOneByOne() throws {
        for drug in Self.formulary.drugs {
            let table = SymptomMatcher.Table(drug: drug)
            for text in RandomRecord.symptomTexts(drug) + Self.nonASCII {
                let fast = table.match(text), slow = Reference.symptom(text, drug: drug)
                let direct = SymptomMatcher.match(text, drug: drug)
                #expect(fast?.effect == slow?.effect && fast?.redFlag == slow?.redFlag, "\(drug.id) \(text.debugDescription)")
                #expect(direct?.effect == slow?.effect && direct?.redFlag == slow?.redFlag, "\(drug.id) \(text.debugDescription)")
            }
        }
    }

    // Hand-worked from Data/formulary/amitriptyline.json: ids, labels and aliases, ignoring
    // case, spaces, hyphens and punctuation.
    @Test func amitriptylineByHand() throws {
        let table = SymptomMatcher.Table(drug: try Self.formulary.drug("amitriptyline"))
        #expect(table.match("Dry Mouth!")?.effect.id == "dry-mouth")
        #expect(table.match("Dry Mouth!")?.redFlag == false)
        #expect(table.match("PASSED-OUT")?.effect.id == "fainting")
        #expect(table.match("PASSED-OUT")?.redFlag == true)
        #expect(table.match("can't pee")?.effect.id == "urinary-retention-severe")
        #expect(table.match("muddled")?.effect.id == "confusion")
        #expect(table.match("very confused")?.effect.id == "confusional-state")
        #expect(table.match("headache") == nil)
        #expect(table.match("Drowsinéss") == nil)   // an accent is a different letter
    }
}
