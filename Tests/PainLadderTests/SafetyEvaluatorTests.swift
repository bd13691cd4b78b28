import Testing
@testable import PainLadder

@Suite struct SafetyEvaluatorTests {
    let formulary = Fixtures.formulary()
    let day = Fixtures.d("2026-03-02")

    func rules(_ drug: Drug, _ p: Patient, alsoTaking: [String] = []) -> [String] {
        SafetyEvaluator.evaluate(drug, for: p, on: day, in: formulary, alsoTaking: alsoTaking).map(\.rule)
    }

    @Test func medicineMatchesByNameCaseInsensitively() {
        #expect(rules(Fixtures.gabapentin, Fixtures.patient(medicines: ["Pregabalin"])) == ["gabapentin-with-pregabalin"])
    }

    @Test func medicineMatchesByClass() {
        // tramadol is an opioid in medicineClasses; "MORPHINE" → "Morphine" → "Opioid".
        #expect(rules(Fixtures.gabapentin, Fixtures.patient(medicines: ["tramadol"])) == ["gabapentinoid-with-opioid"])
        #expect(rules(Fixtures.gabapentin, Fixtures.patient(medicines: ["MORPHINE"])) == ["gabapentinoid-with-opioid"])
        // A patient medicine recorded as the class itself also matches.
        #expect(rules(Fixtures.gabapentin, Fixtures.patient(medicines: ["opioid"])) == ["gabapentinoid-with-opioid"])
        #expect(rules(Fixtures.gabapentin, Fixtures.patient(medicines: ["sertraline"])).isEmpty)
    }

    @Test func otherActiveDrugsCountAsMedicines() {
        #expect(rules(Fixtures.gabapentin, Fixtures.patient(), alsoTaking: ["pregabalin"]) == ["gabapentin-with-pregabalin"])
    }

    @Test func diagnosisMatchesByIdOrCategory() {
        // The pathway rule lists the category "trigeminal"; the patient has the id.
        for drug in [Fixtures.amitriptyline, Fixtures.duloxetine, Fixtures.gabapentin, Fixtures.pregabalin] {
            let found = SafetyEvaluator.evaluate(drug, for: Fixtures.patient(diagnosis: "trigeminal-neuralgia", crCl: 90),
                                                 on: day, in: formulary)
            #expect(found.first?.rule == "trigeminal-neuralgia")
            #expect(found.first?.kind == .hardStop)
        }
        var byID = Fixtures.formulary()
        byID.pathway.rules = [Fixtures.rule("dpn", .caution, RuleCondition(diagnosesAny: ["Diabetic-Peripheral-Neuropathy"]))]
        #expect(SafetyEvaluator.evaluate(Fixtures.gabapentin, for: Fixtures.patient(), on: day, in: byID).map(\.rule) == ["dpn"])
    }

    @Test func conditionsAreJoinedByAnd() {
        var f = Fixtures.formulary()
        f.pathway.rules = [Fixtures.rule("old-and-opioid", .caution, RuleCondition(medicinesAny: ["opioid"], ageAtLeast: 65))]
        let old = Fixtures.patient(born: "1950-01-01", medicines: ["tramadol"])
        let young = Fixtures.patient(born: "1990-01-01", medicines: ["tramadol"])
        let oldNoOpioid = Fixtures.patient(born: "1950-01-01")
        #expect(SafetyEvaluator.evaluate(Fixtures.duloxetine, for: old, on: day, in: f).map(\.rule).contains("old-and-opioid"))
        #expect(!SafetyEvaluator.evaluate(Fixtures.duloxetine, for: young, on: day, in: f).map(\.rule).contains("old-and-opioid"))
        #expect(!SafetyEvaluator.evaluate(Fixtures.duloxetine, for: oldNoOpioid, on: day, in: f).map(\.rule).contains("old-and-opioid"))
    }

    @Test func ageAtLeastUsesAgeOnTheDate() {
        // Born 1961-03-02: 65 on 2026-03-02, 64 the day before.
        let p = Fixtures.patient(born: "1961-03-02")
        #expect(SafetyEvaluator.evaluate(Fixtures.amitriptyline, for: p, on: day, in: formulary).map(\.rule) == ["amitriptyline-elderly"])
        #expect(SafetyEvaluator.evaluate(Fixtures.amitriptyline, for: p, on: day.adding(days: -1), in: formulary).isEmpty)
    }

    @Test func crClRuleNeedsAKnownClearance() {
        #expect(rules(Fixtures.duloxetine, Fixtures.patient(crCl: 29.9)) == ["duloxetine-crcl-below-30"])
        #expect(rules(Fixtures.duloxetine, Fixtures.patient(crCl: 30)).isEmpty)
        // Unknown: the rule does not match, but a caution says renal function is unknown.
        let unknown = SafetyEvaluator.evaluate(Fixtures.duloxetine, for: Fixtures.patient(), on: day, in: formulary)
        #expect(unknown.map(\.rule) == [SafetyEvaluator.renalFunctionUnknownRule])
        #expect(unknown.first?.kind == .caution)
    }

    @Test func renalUnknownCautionForDrugsWithBands() {
        let found = SafetyEvaluator.evaluate(Fixtures.pregabalin, for: Fixtures.patient(), on: day, in: formulary)
        #expect(found.map(\.rule) == [SafetyEvaluator.renalFunctionUnknownRule])
        #expect(found.first?.sources == ["SB"])
        // Known clearance: no caution. No bands and no renal rule: no caution.
        #expect(rules(Fixtures.pregabalin, Fixtures.patient(crCl: 80)).isEmpty)
        #expect(rules(Fixtures.amitriptyline, Fixtures.patient()).isEmpty)
    }

    @Test func cautionOnClearanceAloneDoesNotAskForRenalFunction() {
        var f = Fixtures.formulary()
        f.pathway.rules = [Fixtures.rule("renal-caution", .caution, RuleCondition(crClBelow: 50))]
        #expect(SafetyEvaluator.evaluate(Fixtures.amitriptyline, for: Fixtures.patient(), on: day, in: f).isEmpty)
        #expect(SafetyEvaluator.evaluate(Fixtures.amitriptyline, for: Fixtures.patient(crCl: 40), on: day, in: f)
            .map(\.rule) == ["renal-caution"])
    }

    @Test func booleanFlags() {
        #expect(rules(Fixtures.duloxetine, Fixtures.patient(crCl: 90, hepatic: true)) == ["duloxetine-hepatic"])
        #expect(rules(Fixtures.duloxetine, Fixtures.patient(crCl: 90, hepatic: false)).isEmpty)
    }

    @Test func conditionsMatchAnyListedItem() {
        #expect(rules(Fixtures.amitriptyline, Fixtures.patient(conditions: ["asthma", "Arrhythmia"])) == ["amitriptyline-heart-block"])
    }

    @Test func pathwayRulesComeFirst() {
        let p = Fixtures.patient(diagnosis: "trigeminal-neuralgia", conditions: ["heart-block"])
        #expect(rules(Fixtures.amitriptyline, p) == ["trigeminal-neuralgia", "amitriptyline-heart-block"])
    }

    @Test func offLabelByIdOrCategory() {
        // Duloxetine: licensed for the diagnosis id only.
        #expect(!SafetyEvaluator.isOffLabel(Fixtures.duloxetine, patient: Fixtures.patient(), formulary: formulary))
        #expect(SafetyEvaluator.isOffLabel(Fixtures.duloxetine, patient: Fixtures.patient(diagnosis: "post-herpetic-neuralgia"), formulary: formulary))
        // Gabapentin: licensed for the "peripheral" category; central pain is off-label.
        #expect(!SafetyEvaluator.isOffLabel(Fixtures.gabapentin, patient: Fixtures.patient(diagnosis: "post-herpetic-neuralgia"), formulary: formulary))
        #expect(SafetyEvaluator.isOffLabel(Fixtures.gabapentin, patient: Fixtures.patient(diagnosis: "central-post-stroke-pain"), formulary: formulary))
        #expect(!SafetyEvaluator.isOffLabel(Fixtures.pregabalin, patient: Fixtures.patient(diagnosis: "central-post-stroke-pain"), formulary: formulary))
    }
}
