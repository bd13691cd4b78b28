/// Turns a titration template into the daily totals of a plan, capped at a maximum.
///
/// The listed steps come first, then steps of `thenIncrement` mg/day until the maximum.
/// A step above the maximum is replaced by one partial step at the maximum, but only when
/// that dose can be made and is above the step before; nothing above the maximum is kept.
/// Generated steps whose dose cannot be made are skipped. A listed step that cannot be
/// made, or that does not rise above the one before, is a formulary error.
///
/// ```swift
/// // amitriptyline: [10], +10, maximum 75 → 10, 20, 30, 40, 50, 60, 70, 75
/// let totals = try StepExpansion.expand(profile, maximum: 75, drug: "amitriptyline") { _ in true }
/// ```
public enum StepExpansion {
    public static func expand(_ profile: TitrationVariant, maximum: Milligrams, drug: String,
                              makeable: (StepTemplate) -> Bool) throws -> [StepTemplate] {
        var result: [StepTemplate] = []
        var previous: Milligrams { result.last?.dailyDose ?? 0 }

        func addCapped(from template: StepTemplate?) {
            let capped = StepTemplate(dailyDose: maximum, doses: nil,
                                      usualDays: template?.usualDays, minimumDays: template?.minimumDays)
            if maximum > previous, makeable(capped) { result.append(capped) }
        }

        for (i, step) in profile.steps.value.enumerated() {
            guard step.dailyDose > previous else {
                throw PainLadderError.invalidFormulary(
                    file: "\(drug).json", drug: drug, field: "variants.\(profile.id).steps[\(i)]",
                    problem: "\(step.dailyDose) mg/day does not rise above the step before (\(previous) mg/day)")
            }
            if step.dailyDose > maximum {
                addCapped(from: step)
                return result
            }
            guard makeable(step) else {
                throw PainLadderError.invalidFormulary(
                    file: "\(drug).json", drug: drug, field: "variants.\(profile.id).steps[\(i)]",
                    problem: "\(step.dailyDose) mg/day cannot be made from the drug's strengths")
            }
            result.append(step)
        }
        guard let increment = profile.thenIncrement?.value, increment > 0 else { return result }
        var total = previous
        while total + increment <= maximum {
            total += increment
            let step = StepTemplate(dailyDose: total)
            if makeable(step) { result.append(step) }
        }
        addCapped(from: nil)
        return result
    }
}
