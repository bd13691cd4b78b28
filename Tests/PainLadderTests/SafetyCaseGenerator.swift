import Foundation
import SeededRandom
@testable import PainLadder

/// Random patients for the safety property test, one dimension at a time. A dimension sets
/// one facet of the patient (age, kidney function, frailty, …); another facet is one more
/// element of ``dimensions`` (e.g. medicines by brand name and their stop dates).
struct SafetyCaseGenerator {
    typealias Dimension = (inout SplitMix, inout Patient, Formulary) -> Void

    /// The start date every case uses; birth dates are worked out from it.
    static let start = LocalDate(year: 2026, month: 3, day: 2)!

    var dimensions: [Dimension] = [
        // Age 0 to 120 at the start (a birth date may give no more; PatientRules), any day of the year.
        { rng, p, _ in
            p.birthDate = Self.start.adding(days: -(Int.random(in: 0...119, using: &rng) * 365 + Int.random(in: 0...364, using: &rng)))
        },
        { rng, p, _ in p.sex = Bool.random(using: &rng) ? .male : .female },
        // Kidney function: measured, creatinine in either unit with weight (and maybe height), or unknown.
        { rng, p, _ in
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: p.creatinineClearance = Double(Int.random(in: 5...150, using: &rng)) + [0, 0.5, 0.99].randomElement(using: &rng)!
            case 1, 2:
                p.weightKg = Double.random(in: 30...200, using: &rng)
                p.serumCreatinine = Int.random(in: 0..<2, using: &rng) == 0
                    ? SerumCreatinine(value: Double.random(in: 30...900, using: &rng), unit: .micromolPerLitre)
                    : SerumCreatinine(value: Double.random(in: 0.4...10, using: &rng), unit: .milligramsPerDecilitre)
            case 3: p.weightKg = Double.random(in: 30...200, using: &rng)   // weight alone: still unknown
            default: break
            }
            if Bool.random(using: &rng) { p.heightCm = Double.random(in: 130...210, using: &rng) }
        },
        { rng, p, _ in p.frail = Int.random(in: 0..<3, using: &rng) == 0 },
        { rng, p, _ in p.hepaticImpairment = Int.random(in: 0..<10, using: &rng) == 0 },
        { rng, p, _ in p.pregnancyPotential = Int.random(in: 0..<4, using: &rng) == 0 },
        { rng, p, f in p.diagnosis = f.diagnoses.randomElement(using: &rng)!.id },
        { rng, p, f in
            let known = PainLadderTestConditions.all(f)
            p.conditions = known.filter { _ in Int.random(in: 0..<15, using: &rng) == 0 }
        },
        // Medicines by generic name or class.
        { rng, p, f in
            let names = f.medicineClasses.keys.sorted()
            p.medicines = names.filter { _ in Int.random(in: 0..<40, using: &rng) == 0 }
        },
        // Medicines by brand name or synonym, typed in any case ("LYRICA", "nardil"); one patient
        // in ten also takes a gabapentinoid by brand.
        { rng, p, f in
            let brands = f.medicineNames.flatMap(\.names).sorted()
            p.medicines += brands.filter { _ in Int.random(in: 0..<100, using: &rng) == 0 }.map { Self.anyCase($0, &rng) }
            if Int.random(in: 0..<10, using: &rng) == 0 {
                p.medicines.append(Self.anyCase(["Lyrica", "Alzain", "Axalid", "Lecaent", "Neurontin"].randomElement(using: &rng)!, &rng))
            }
        },
        // A recent stop: one patient in four stopped a medicine 0–30 days before the start, two
        // times in three an MAOI (by generic or brand name: Nardil, linezolid, Azilect, …).
        { rng, p, f in
            guard Int.random(in: 0..<4, using: &rng) == 0 else { return }
            let maois = f.medicineNames.filter { f.medicineClasses[$0.ingredient]?.contains("maoi") == true }.flatMap { [$0.ingredient] + $0.names }
                + f.medicineClasses.filter { $0.value.contains("maoi") }.map(\.key)
            let pool = Int.random(in: 0..<3, using: &rng) < 2 ? Array(Set(maois)).sorted()
                : (f.medicineClasses.keys + f.medicineNames.flatMap(\.names)).sorted()
            let name = Self.anyCase(pool.randomElement(using: &rng)!, &rng)
            p.stoppedMedicines = [StoppedMedicine(name: name, stopped: Self.start.adding(days: -Int.random(in: 0...30, using: &rng)))]
        },
    ]

    /// As typed, upper-cased or lower-cased.
    static func anyCase(_ name: String, _ rng: inout SplitMix) -> String {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: name.uppercased()
        case 1: name.lowercased()
        default: name
        }
    }

    func patient(_ rng: inout SplitMix, formulary: Formulary) -> Patient {
        var p = Patient(id: "S", birthDate: Self.start, sex: .female, timeZone: "Europe/London", diagnosis: "")
        for dimension in dimensions { dimension(&rng, &p, formulary) }
        return p
    }
}

/// The conditions the formulary's rules act on, sorted (so a seed gives the same patients).
enum PainLadderTestConditions {
    static func all(_ f: Formulary) -> [String] {
        Set((f.drugs.flatMap(\.rules) + f.pathway.rules).flatMap { $0.when.conditionsAny ?? [] }).sorted()
    }
}
