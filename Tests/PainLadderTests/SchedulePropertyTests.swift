import Foundation
import SeededRandom
import Testing
@testable import FormularyData
@testable import PainLadder

/// One generated case: a patient, a drug, a variant, a start date, maybe own times and a local cap.
struct GeneratedCase: CustomStringConvertible {
    var patient: Patient
    var drug: String
    var variant: String?
    var start: LocalDate
    var times: [LocalTime]?
    var cap: Milligrams?

    var description: String {
        "\(drug)/\(variant ?? "default") from \(start), born \(patient.birthDate), \(patient.sex), "
            + "crCl \(patient.creatinineClearance.map { "\($0)" } ?? "-"), weight \(patient.weightKg.map { "\($0)" } ?? "-"), "
            + "creatinine \(patient.serumCreatinine.map { "\($0.value) \($0.unit.rawValue)" } ?? "-"), frail \(patient.frail), "
            + "dx \(patient.diagnosis), conditions \(patient.conditions), medicines \(patient.medicines), "
            + "times \(times.map { $0.map(\.description) } ?? []), cap \(cap.map(String.init) ?? "-")"
    }

    static func make(_ rng: inout SplitMix, formulary: Formulary) -> GeneratedCase {
        let drug = formulary.drugs.randomElement(using: &rng)!
        let start = LocalDate(year: 2024, month: 1, day: 1)!.adding(days: Int.random(in: 0...1800, using: &rng))
        let birth = start.adding(days: -Int.random(in: (18 * 365)...(98 * 365), using: &rng))
        var p = Patient(id: "G", birthDate: birth, sex: Bool.random(using: &rng) ? .male : .female,
                        timeZone: "Europe/London",
                        diagnosis: "")
        // Mostly diagnoses on the ladder; now and then one that leaves it (trigeminal, excluded).
        let onLadder = formulary.diagnoses.filter { ["peripheral", "central"].contains($0.category) }
        p.diagnosis = (Int.random(in: 0..<8, using: &rng) == 0 ? formulary.diagnoses : onLadder)
            .randomElement(using: &rng)!.id
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: p.creatinineClearance = Double(Int.random(in: 5...150, using: &rng)) + [0, 0.5, 0.99].randomElement(using: &rng)!
        case 1:
            p.weightKg = Double.random(in: 38...150, using: &rng)
            p.serumCreatinine = SerumCreatinine(value: Double.random(in: 40...700, using: &rng), unit: .micromolPerLitre)
        case 2:
            p.weightKg = Double.random(in: 38...150, using: &rng)
            p.serumCreatinine = SerumCreatinine(value: Double.random(in: 0.5...8, using: &rng), unit: .milligramsPerDecilitre)
        default: break   // renal function unknown
        }
        p.frail = Int.random(in: 0..<3, using: &rng) == 0
        p.hepaticImpairment = Int.random(in: 0..<20, using: &rng) == 0
        p.pregnancyPotential = Bool.random(using: &rng)
        let conditions = ["heart-block", "hypertension", "respiratory-disease", "asthma", "heart-failure", "drug-misuse"]
        p.conditions = conditions.filter { _ in Int.random(in: 0..<12, using: &rng) == 0 }
        let medicines = formulary.medicineClasses.keys.sorted() + ["paracetamol"]
        p.medicines = medicines.filter { _ in Int.random(in: 0..<60, using: &rng) == 0 }

        let variants: [String?] = [nil] + drug.variants.map(\.id)
        var times: [LocalTime]?
        if Int.random(in: 0..<3, using: &rng) == 0 {
            let count = Int.random(in: 1...4, using: &rng)
            let minutes = Set((0..<count).map { _ in Int.random(in: 0..<(24 * 60), using: &rng) }).sorted()
            times = minutes.map { LocalTime(hour: $0 / 60, minute: $0 % 60)! }
        }
        let cap = Int.random(in: 0..<4, using: &rng) == 0
            ? Int.random(in: 1...drug.maximumDailyDose.value, using: &rng) : nil
        return GeneratedCase(patient: p, drug: drug.id, variant: variants.randomElement(using: &rng)!,
                             start: start, times: times, cap: cap)
    }
}

@Suite struct SchedulePropertyTests {
    let formulary: Formulary
    init() throws { formulary = try FormularyLoader.bundled() }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func schedulesKeepTheSafetyRules(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        var built = 0, refused = 0, badTimes = 0, tooLow = 0
        for _ in 0..<500 {
            let c = GeneratedCase.make(&rng, formulary: formulary)
            var f = formulary
            if let cap = c.cap { f.localCaps[c.drug] = Sourced(cap, sources: ["LOCAL"], status: .local) }
            let drug = try f.drug(c.drug)
            let schedule: Schedule
            do {
                schedule = try ScheduleBuilder.build(formulary: f, drugID: c.drug, variantID: c.variant,
                                                     patient: c.patient, startDate: c.start, times: c.times)
            } catch let PainLadderError.hardStop(_, rule, _, _) {
                // Refused only for a hard stop the evaluator really finds, or (issue 12) for kidney
                // function unknown where the drug's dose depends on it.
                let findings = SafetyEvaluator.evaluate(drug, for: c.patient, on: c.start, in: f)
                if let stop = findings.first(where: { $0.kind == .hardStop }) {
                    #expect(stop.rule == rule, "\(c)")
                } else {
                    #expect(rule == SafetyEvaluator.renalFunctionUnknownRule && band(drug, case: c) == nil
                            && RenalPrecondition.applies(to: drug, in: f), "\(c)")
                }
                refused += 1
                continue
            } catch let PainLadderError.invalidValue(field, _, _) {
                // Own times refused only when fewer than the schedule needs.
                #expect(field == .times, "\(c)")
                let given = try #require(c.times, "\(c)")
                let full = try ScheduleBuilder.build(formulary: f, drugID: c.drug, variantID: c.variant,
                                                     patient: c.patient, startDate: c.start, times: nil)
                let needed = full.steps.map(\.administrations.count).max() ?? 0
                #expect(given.count < needed, "\(c)")
                badTimes += 1
                continue
            } catch let PainLadderError.notPossible(message) {
                // No schedule only when the maximum (a local cap here) is below the first step.
                let first = try #require(firstStep(drug, case: c), "\(c)")
                #expect(limits(drug, case: c).min()! < first, "\(c): \(message)")
                tooLow += 1
                continue
            }
            built += 1
            check(schedule, drug: drug, case: c, formulary: f)
        }
        // The generator must reach every outcome, mostly schedules.
        // Issue 12: a quarter of the patients have kidney function unknown, refused for three drugs of four.
        #expect(built > 250 && refused > 0 && tooLow > 0 && badTimes > 0, "built \(built), refused \(refused), bad times \(badTimes), max below first step \(tooLow)")
    }

    func band(_ drug: Drug, case c: GeneratedCase) -> RenalBand? {
        guard let crCl = c.patient.renalEstimate(on: c.start, weightRule: nil)?.crCl else { return nil }
        return drug.renalBands.first { $0.contains(crCl) }
    }

    func variantID(_ drug: Drug, case c: GeneratedCase) -> String {
        c.variant ?? (c.patient.frail && drug.variant("elderly") != nil ? "elderly" : "standard")
    }

    func limits(_ drug: Drug, case c: GeneratedCase) -> [Milligrams] {
        var limits = [drug.maximumDailyDose.value]
        if let m = drug.variant(variantID(drug, case: c))?.maximumDailyDose?.value { limits.append(m) }
        if let band = band(drug, case: c) {
            limits.append(band.maximumDailyDose.value)
            if let m = band.titration?.maximumDailyDose?.value { limits.append(m) }
        }
        if let cap = c.cap { limits.append(cap) }
        return limits
    }

    func firstStep(_ drug: Drug, case c: GeneratedCase) -> Milligrams? {
        // Issue 12: the lower first step of the variant and the band's titration.
        let profiles = [drug.variant(variantID(drug, case: c)), band(drug, case: c)?.titration].compactMap { $0 }
        return profiles.compactMap { $0.steps.value.first?.dailyDose }.min()
    }

    func check(_ s: Schedule, drug: Drug, case c: GeneratedCase, formulary f: Formulary) {
        let context = Comment(rawValue: c.description)
        #expect(!s.steps.isEmpty, context)
        #expect(s.steps.first?.startDate == c.start, context)
        #expect(s.steps.map(\.number) == Array(1...max(1, s.steps.count)), context)

        // The patient's maximum is the lowest limit that applies, worked out here independently.
        #expect(s.renalBand == band(drug, case: c)?.label, context)
        #expect(s.maximumDailyDose.value == limits(drug, case: c).min(), context)

        var seenBeyond = false
        for (i, step) in s.steps.enumerated() {
            // No step above the patient's maximum.
            #expect(step.dailyTotal <= s.maximumDailyDose.value, context)
            // Real strengths that sum to each dose, within the single-dose maximum, at increasing times.
            for a in step.administrations {
                #expect(a.units.allSatisfy { u in u.count > 0 && drug.strengths.value.contains(u.strength) }, context)
                #expect(a.units.reduce(0) { $0 + $1.count * $1.strength.mg } == a.doseMg, context)
                if let single = drug.maximumSingleDose?.value { #expect(a.doseMg <= single, context) }
            }
            let times = step.administrations.map(\.time)
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, context)
            if let given = c.times { #expect(times.allSatisfy(given.contains), context) }
            // Planned steps first, then the ones beyond the target.
            if step.beyondTarget { seenBeyond = true } else { #expect(!seenBeyond, context) }
            #expect(step.beyondTarget == (step.dailyTotal > s.usualTarget.value), context)
            guard i + 1 < s.steps.count else { continue }
            let next = s.steps[i + 1]
            // Dates strictly increasing, never faster than the step's minimum.
            #expect(step.startDate < next.startDate, context)
            #expect(step.startDate.days(to: next.startDate) >= step.minimumDays, context)
            // Doses strictly increasing.
            #expect(step.dailyTotal < next.dailyTotal, context)
        }
    }

    /// The splitter alone, over many totals and strength sets: parts are makeable, sum to the
    /// total, respect the single-dose maximum, never decrease, and differ by no more than
    /// needed when equal parts are impossible.
    @Test func splitsAreMakeableAndEveningHeavy() {
        var rng = SplitMix(seed: 42)
        let sets: [[Int]] = [[100, 300, 400, 600, 800], [25, 50, 75, 100, 150, 200, 225, 300], [10, 25, 50], [20, 30, 40, 60]]
        var made = 0
        var tries = 0
        for _ in 0..<500 {
            tries += 1
            let mg = sets.randomElement(using: &rng)!
            let strengths = mg.map { Strength(mg: $0, form: "x") }
            // Mostly whole numbers of the smallest unit (the doses a titration reaches), sometimes anything.
            let total = Int.random(in: 0..<4, using: &rng) == 0
                ? Int.random(in: 1...3600, using: &rng)
                : mg.min()! * Int.random(in: 1...(3600 / mg.min()!), using: &rng)
            let perDay = Int.random(in: 1...4, using: &rng)
            let single: Int? = Bool.random(using: &rng) ? mg.randomElement(using: &rng)! * Int.random(in: 1...4, using: &rng) : nil
            guard let parts = DoseSplitter.split(total, administrationsPerDay: perDay, strengths: strengths,
                                                 maximumSingleDose: single) else {
                continue
            }
            made += 1
            let context = Comment(rawValue: "\(total) mg in \(perDay) from \(mg), single max \(single.map(String.init) ?? "-") → \(parts)")
            #expect(parts.reduce(0, +) == total, context)
            #expect(parts.allSatisfy { Dispensing.units(for: $0, from: strengths) != nil }, context)
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0 <= $1 }, context)
            if let single { #expect(parts.allSatisfy { $0 <= single }, context) }
            #expect(parts.count >= 1, context)
        }
        #expect(made > tries / 2, "\(made) of \(tries) split")
    }
}
