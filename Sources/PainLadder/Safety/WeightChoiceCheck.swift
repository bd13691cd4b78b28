import Foundation

/// Without a height, Cockcroft–Gault can only use actual weight; the sources dose by ideal or
/// adjusted body weight (``DosingWeightRule``). This warns when that choice matters for a
/// drug: when, for some height from the pathway's `heightUnknownShortestCm` up, the weight
/// the rule would use puts the clearance in another renal band, or on the other side of a
/// rule's creatinine clearance threshold.
///
/// ```swift
/// // 150 kg man, 60, creatinine 150 µmol/L, no height: 98 mL/min on actual weight;
/// // with a height of 150 cm or more the rule gives 58–89 mL/min: gabapentin's band may differ
/// WeightChoiceCheck.finding(gabapentin, patient: p, on: today, in: formulary)?.rule  // "height-unknown-weight-choice"
/// ```
public enum WeightChoiceCheck {
    public static let rule = "height-unknown-weight-choice"

    public static func finding(_ drug: Drug, patient: Patient, on date: LocalDate, in formulary: Formulary) -> SafetyFinding? {
        guard patient.creatinineClearance == nil, patient.heightCm == nil, let actual = patient.weightKg,
              let creatinine = patient.serumCreatinine, let weightRule = formulary.pathway.cockcroftGaultWeight,
              let shortest = formulary.pathway.heightUnknownShortestCm else { return nil }
        let thresholds = (formulary.pathway.rules + drug.rules).compactMap(\.when.crClBelow)
        guard !drug.renalBands.isEmpty || !thresholds.isEmpty else { return nil }
        let age = patient.age(on: date)
        func crCl(_ kg: Double) -> Double? {
            CockcroftGault.creatinineClearance(ageYears: age, weightKg: kg, sex: patient.sex, creatinine: creatinine)
        }
        func place(_ value: Double) -> [Bool] {
            drug.renalBands.map { $0.contains(value) } + thresholds.map { value < $0 }
        }
        guard let onActual = crCl(actual) else { return nil }
        var low = Double.infinity, high = -Double.infinity
        var otherBands: [String] = []
        var differs = false
        // Whole centimetres from the shortest height until the rule uses actual weight (taller
        // people have a higher ideal weight, so it stays actual from there).
        var height = shortest.value.rounded(.up)
        while height <= 250 {
            let weight = weightRule.value.weight(actualKg: actual, heightCm: height, sex: patient.sex)
            if weight.kind == .actual { break }
            if let value = crCl(weight.kg) {
                low = min(low, value)
                high = max(high, value)
                if place(value) != place(onActual) {
                    differs = true
                    let band = DoseLimits.renalBand(for: drug, crCl: value)?.label ?? "no renal band"
                    if !otherBands.contains(band) { otherBands.append(band) }
                }
            }
            height += 1
        }
        guard differs else { return nil }
        let sources = weightRule.sources + shortest.sources.filter { !weightRule.sources.contains($0) }
        let band = DoseLimits.renalBand(for: drug, crCl: onActual)?.label ?? "no renal band"
        return SafetyFinding(
            drug: drug.id, rule: rule, kind: .caution,
            message: "Height unknown: Cockcroft–Gault used actual weight (\(kg(actual)) kg): \(Int(onActual.rounded())) mL/min (\(band)). "
                + "The sources use ideal or adjusted body weight: for a height from \(Int(shortest.value)) cm that gives "
                + "\(Int(low.rounded()))–\(Int(high.rounded())) mL/min (\(otherBands.joined(separator: "; "))). Record the height to dose by the right weight.",
            sources: sources, status: EvidenceStatus.leastCertain([weightRule.status, shortest.status]) ?? .unconfirmed)
    }

    /// "150" or "72.5".
    static func kg(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
