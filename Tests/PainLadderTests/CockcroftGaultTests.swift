import Testing
@testable import PainLadder

/// Worked examples computed by hand from clinical-reference.md §2.6.
@Suite struct CockcroftGaultTests {
    func crcl(_ age: Int, _ kg: Double, _ sex: Patient.Sex, _ value: Double, _ unit: SerumCreatinine.Unit) -> Double? {
        CockcroftGault.creatinineClearance(ageYears: age, weightKg: kg, sex: sex,
                                           creatinine: SerumCreatinine(value: value, unit: unit))
    }

    @Test func siMale() throws {
        // (140 − 60) × 72 × 1.23 / 88 = 7084.8 / 88 = 80.509…
        let value = try #require(crcl(60, 72, .male, 88, .micromolPerLitre))
        #expect(abs(value - 80.509) < 0.001)
    }

    @Test func siFemale() throws {
        // (140 − 60) × 72 × 1.04 / 88 = 5990.4 / 88 = 68.072…
        let value = try #require(crcl(60, 72, .female, 88, .micromolPerLitre))
        #expect(abs(value - 68.073) < 0.001)
    }

    @Test func siOlderLighterWoman() throws {
        // (140 − 85) × 50 × 1.04 / 120 = 2860 / 120 = 23.833…
        let value = try #require(crcl(85, 50, .female, 120, .micromolPerLitre))
        #expect(abs(value - 23.833) < 0.001)
    }

    @Test func usMale() throws {
        // (140 − 60) × 72 / (72 × 1.0) = 80
        let value = try #require(crcl(60, 72, .male, 1.0, .milligramsPerDecilitre))
        #expect(abs(value - 80) < 1e-9)
    }

    @Test func usFemale() throws {
        // 80 × 0.85 = 68
        let value = try #require(crcl(60, 72, .female, 1.0, .milligramsPerDecilitre))
        #expect(abs(value - 68) < 1e-9)
    }

    @Test func usHigherCreatinine() throws {
        // (140 − 70) × 80 / (72 × 2.0) = 5600 / 144 = 38.888…
        let value = try #require(crcl(70, 80, .male, 2.0, .milligramsPerDecilitre))
        #expect(abs(value - 38.889) < 0.001)
    }

    /// 1.0 mg/dL is 88.4 µmol/L: the two formulas agree to within 1 % (1.23 ≈ 88.4 / 72 = 1.228;
    /// 1.04 ≈ 0.85 × 1.228 = 1.044), while mixing the units up would be an 88-fold error.
    @Test(arguments: [Patient.Sex.male, .female], [0.6, 1.0, 1.7, 3.2])
    func unitsAgree(sex: Patient.Sex, mgPerDl: Double) throws {
        let us = try #require(crcl(72, 68, sex, mgPerDl, .milligramsPerDecilitre))
        let si = try #require(crcl(72, 68, sex, mgPerDl * 88.4, .micromolPerLitre))
        #expect(abs(si - us) / us < 0.01)
        let converted = SerumCreatinine(value: mgPerDl, unit: .milligramsPerDecilitre).micromolPerLitre
        #expect(abs(converted - mgPerDl * 88.4) < 1e-9)
        #expect(abs(SerumCreatinine(value: 88.4, unit: .micromolPerLitre).milligramsPerDecilitre - 1.0) < 1e-12)
    }

    @Test func impossibleInputsGiveNil() {
        #expect(crcl(140, 72, .male, 88, .micromolPerLitre) == nil)
        #expect(crcl(60, 0, .male, 88, .micromolPerLitre) == nil)
        #expect(crcl(60, 72, .male, 0, .micromolPerLitre) == nil)
        #expect(crcl(60, -5, .female, 1, .milligramsPerDecilitre) == nil)
        #expect(crcl(60, .nan, .female, 1, .milligramsPerDecilitre) == nil)
    }

    @Test func patientUsesAgeOnTheDate() throws {
        var p = Fixtures.patient(born: "1966-06-15")
        p.weightKg = 72
        p.serumCreatinine = SerumCreatinine(value: 88, unit: .micromolPerLitre)
        // Day before the 60th birthday: age 59 → 81 × 72 × 1.23 / 88 = 81.515…
        let before = try #require(p.renalEstimate(on: Fixtures.d("2026-06-14"), weightRule: nil)?.crCl)
        #expect(abs(before - 81.515) < 0.001)
        // On the birthday: age 60 → 80.509…
        let on = try #require(p.renalEstimate(on: Fixtures.d("2026-06-15"), weightRule: nil)?.crCl)
        #expect(abs(on - 80.509) < 0.001)
    }

    @Test func measuredValueWins() {
        var p = Fixtures.patient(crCl: 42)
        p.weightKg = 72
        p.serumCreatinine = SerumCreatinine(value: 88, unit: .micromolPerLitre)
        #expect(p.renalEstimate(on: Fixtures.d("2026-01-01"), weightRule: nil)?.crCl == 42)
    }

    @Test func unknownWithoutWeightOrCreatinine() {
        var p = Fixtures.patient()
        #expect(p.renalEstimate(on: Fixtures.d("2026-01-01"), weightRule: nil)?.crCl == nil)
        p.weightKg = 72
        #expect(p.renalEstimate(on: Fixtures.d("2026-01-01"), weightRule: nil)?.crCl == nil)
        p.weightKg = nil
        p.serumCreatinine = SerumCreatinine(value: 88, unit: .micromolPerLitre)
        #expect(p.renalEstimate(on: Fixtures.d("2026-01-01"), weightRule: nil)?.crCl == nil)
    }
}
