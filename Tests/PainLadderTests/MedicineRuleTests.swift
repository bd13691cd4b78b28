import Testing
@testable import FormularyData
@testable import PainLadder

/// The bundled rules against medicines by brand, stopped medicines (washouts) and the
/// contraindications and cautions of issue 12, item 6. Start date 2026-03-02 throughout.
@Suite struct MedicineRuleTests {
    let formulary = try! FormularyLoader.bundled()
    let start = Fixtures.d("2026-03-02")

    func rules(_ drug: String, _ p: Patient) throws -> [String] {
        SafetyEvaluator.evaluate(try formulary.drug(drug), for: p, on: start, in: formulary).map(\.rule)
    }

    func hardStops(_ drug: String, _ p: Patient) throws -> [String] {
        SafetyEvaluator.evaluate(try formulary.drug(drug), for: p, on: start, in: formulary)
            .filter { $0.kind == .hardStop }.map(\.rule)
    }

    func patient(crCl: Double = 90, medicines: [String] = [], stopped: [(String, String)] = [],
                 conditions: [String] = [], born: String = "1966-01-01") -> Patient {
        var p = Fixtures.patient(born: born, crCl: crCl, conditions: conditions, medicines: medicines)
        p.stoppedMedicines = stopped.isEmpty ? nil : stopped.map { StoppedMedicine(name: $0.0, stopped: Fixtures.d($0.1)) }
        return p
    }

    @Test func brandNamesMatchTheIngredientRules() throws {
        #expect(try hardStops("gabapentin", patient(medicines: ["Lyrica"])) == ["gabapentin-with-pregabalin"])
        #expect(try hardStops("pregabalin", patient(medicines: ["NEURONTIN"])) == ["pregabalin-with-gabapentin"])
        #expect(try hardStops("duloxetine", patient(medicines: ["Nardil"])) == ["duloxetine-maoi"])
        #expect(try hardStops("duloxetine", patient(medicines: ["linezolid"])) == ["duloxetine-maoi"])
        #expect(try hardStops("amitriptyline", patient(medicines: ["Methylene Blue"])) == ["amitriptyline-maoi"])
        #expect(try rules("duloxetine", patient(medicines: ["Zoloft"])).contains("duloxetine-serotonergic"))
        #expect(try hardStops("duloxetine", patient(medicines: ["Zapain"])).isEmpty)
    }

    /// Hand-worked: stopped 2026-02-20 is 10 days before 03-02 (< 14: refused); 02-16 is 14
    /// days (allowed); 02-17 is 13 (refused); 02-10 is 20 (allowed).
    @Test func anMAOIStoppedWithin14DaysRefusesDuloxetineAndAmitriptyline() throws {
        let cases: [(String, Bool)] = [("2026-02-20", true), ("2026-02-17", true), ("2026-02-16", false),
                                       ("2026-02-10", false), ("2026-03-02", true)]
        for (day, refused) in cases {
            let p = patient(stopped: [("Nardil", day)])
            #expect(try hardStops("duloxetine", p) == (refused ? ["duloxetine-maoi-recently-stopped"] : []), "\(day)")
            #expect(try hardStops("amitriptyline", p) == (refused ? ["amitriptyline-maoi-recently-stopped"] : []), "\(day)")
            #expect(try hardStops("pregabalin", p).isEmpty)
        }
    }

    @Test func aMedicineStoppedAfterTheStartIsStillTakenOnIt() throws {
        let p = patient(stopped: [("linezolid", "2026-03-05")])
        #expect(try hardStops("duloxetine", p) == ["duloxetine-maoi"])
    }

    @Test func amitriptylineContraindications() throws {
        #expect(try hardStops("amitriptyline", patient(conditions: ["manic-phase"])) == ["amitriptyline-manic-phase"])
        #expect(try hardStops("amitriptyline", patient(conditions: ["acute-porphyria"])) == ["amitriptyline-acute-porphyria"])
    }

    @Test func amitriptylineCautions() throws {
        let cases: [(String, String)] = [
            ("angle-closure-glaucoma", "amitriptyline-angle-closure-glaucoma"),
            ("urinary-retention", "amitriptyline-urinary-retention"),
            ("prostatic-hypertrophy", "amitriptyline-urinary-retention"),
            ("epilepsy", "amitriptyline-epilepsy"),
            ("suicide-risk", "amitriptyline-suicide-risk"),
        ]
        for (condition, rule) in cases {
            let p = patient(conditions: [condition])
            #expect(try rules("amitriptyline", p).contains(rule), "\(condition)")
            #expect(try hardStops("amitriptyline", p).isEmpty, "\(condition)")
        }
        // 65 on 2026-03-02 for someone born 1961-03-02; 64 the day before their birthday.
        #expect(try rules("amitriptyline", patient(born: "1961-03-02")).contains("amitriptyline-age-65"))
        #expect(try !rules("amitriptyline", patient(born: "1961-03-03")).contains("amitriptyline-age-65"))
    }

    @Test func duloxetineCautions() throws {
        let cases: [(String, String)] = [
            ("hyponatraemia", "duloxetine-hyponatraemia"), ("epilepsy", "duloxetine-seizures"),
            ("bipolar-disorder", "duloxetine-mania"), ("history-of-mania", "duloxetine-mania"),
            ("angle-closure-glaucoma", "duloxetine-glaucoma"), ("raised-intraocular-pressure", "duloxetine-glaucoma"),
        ]
        for (condition, rule) in cases {
            let p = patient(conditions: [condition])
            #expect(try rules("duloxetine", p).contains(rule), "\(condition)")
            #expect(try hardStops("duloxetine", p).isEmpty, "\(condition)")
        }
    }
}
