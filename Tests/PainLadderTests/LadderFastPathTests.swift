import Foundation
import Testing
@testable import PainLadder

/// The ladder check every review runs (a schedule per drug) uses two fast paths: dose
/// splitting by linked choices, and rule terms normalised on bytes. Both agree with the
/// straightforward versions.
@Suite("Ladder check: fast dose splitting and rule terms")
struct LadderFastPathTests {
    static let strengthSets: [[Strength]] = [
        [10, 25, 50].map { Strength(mg: $0, form: "tablet") },
        [25, 50, 75, 100, 150, 200, 225, 300].map { Strength(mg: $0, form: "capsule") },
        [100, 300, 400, 600, 800].map { Strength(mg: $0, form: "capsule") },
        [20, 30, 60].map { Strength(mg: $0, form: "capsule") },
        [Strength(mg: 3, form: "tablet"), Strength(mg: 7, form: "tablet"), Strength(mg: 7, form: "capsule"),
         Strength(mg: 7, form: "tablet"), Strength(mg: 0, form: "tablet")],
        [Strength(mg: 50, form: "tablet")],
    ]

    static func sorted(_ strengths: [Strength]) -> [Strength] {
        Array(Set(strengths.filter { $0.mg > 0 })).sorted { ($0.mg, $0.form) > ($1.mg, $1.form) }
    }

    @Test(arguments: 0..<strengthSets.count)
    func dispensingAgreesWithTheCountsSearch(set: Int) {
        let strengths = Self.strengthSets[set]
        for dose in Array(1...400) + [599, 600, 1_199, 1_200, 2_400, 3_600] {
            #expect(Dispensing.units(for: dose, from: strengths) == Dispensing.unitsByCounts(for: dose, sorted: Self.sorted(strengths)),
                    "\(strengths.map(\.mg)) \(dose) mg")
        }
    }

    @Test func randomStrengthsAgree() {
        var r = TestRandom(seed: 11)
        for _ in 0..<40 {
            let strengths = (0..<r.int(1...6)).map { _ in Strength(mg: r.int(1...120), form: r.pick(["tablet", "capsule"])) }
            for _ in 0..<15 {
                let dose = r.int(1...500)
                #expect(Dispensing.units(for: dose, from: strengths) == Dispensing.unitsByCounts(for: dose, sorted: Self.sorted(strengths)),
                        "\(strengths) \(dose) mg")
            }
        }
    }

    // Hand-worked: 75 mg from 10, 25 and 50 mg tablets is 50 + 25 (2 units); 60 mg is
    // 50 + 10 (2 units) rather than 25 + 25 + 10 (3); 35 mg is 25 + 10; 5 mg cannot be made.
    @Test func dispensingByHand() {
        let tabs = Self.strengthSets[0]
        let t = { (mg: Int) in Strength(mg: mg, form: "tablet") }
        #expect(Dispensing.units(for: 75, from: tabs) == [UnitCount(strength: t(50), count: 1), UnitCount(strength: t(25), count: 1)])
        #expect(Dispensing.units(for: 60, from: tabs) == [UnitCount(strength: t(50), count: 1), UnitCount(strength: t(10), count: 1)])
        #expect(Dispensing.units(for: 35, from: tabs) == [UnitCount(strength: t(25), count: 1), UnitCount(strength: t(10), count: 1)])
        #expect(Dispensing.units(for: 5, from: tabs) == nil)
    }

    @Test func ruleTermsAgreeWithFoundation() {
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", " ", "\t", " \t Tramadol\t ", "Opioid ", "  ", "\n x \n", "\r\n", "A B", "SSRI\u{0B}"]
        texts += ["\u{00A0}Tramadol\u{00A0}", "\u{3000}x", "Ünïcode ", " İ", "ẞ", "e\u{301} "]
        var r = TestRandom(seed: 5)
        for _ in 0..<300 {
            texts.append(String(decoding: (0..<r.int(0...12)).map { _ in UInt8(r.pick([9, 10, 13, 32, 32, 65, 90, 97, 122, 45, 48])) },
                                as: UTF8.self))
        }
        for text in texts {
            #expect(RuleMatcher.key(text) == RuleMatcher.keyFoundation(text), "\(text.debugDescription)")
        }
    }

    // By hand: a course that was not effective, not tolerated or contraindicated takes its
    // drug off the ladder; effective or the patient's choice does not.
    @Test func failingOutcomes() {
        #expect(LadderReview.failingOutcomes == [.notEffective, .notTolerated, .contraindicated])
        for outcome in Course.Outcome.allCases {
            #expect(LadderReview.fails(outcome) == LadderReview.failingOutcomes.contains(outcome))
        }
    }
}
