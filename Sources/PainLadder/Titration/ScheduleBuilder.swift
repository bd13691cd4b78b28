/// Builds a patient's dated titration schedule from the formulary. Pure: no clock, no I/O.
///
/// What it does, in order:
/// 1. Finds the drug (``PainLadderError/unknownDrug(_:known:)``) and the variant: the one
///    asked for (``PainLadderError/invalidValue(field:given:allowed:)`` for `variant` when
///    unknown), else `elderly` for a frail patient when the drug has it, else `standard`.
/// 2. Evaluates the safety rules on `startDate` (``SafetyEvaluator``): the first hard stop
///    is thrown as ``PainLadderError/hardStop(drug:rule:message:sources:)``; cautions are
///    kept in ``Schedule/cautions``; ``Schedule/offLabel`` is set from the licence.
/// 3. With a known creatinine clearance, picks the renal band that contains it: the band's
///    titration (if any) replaces the variant's, and its maximum caps the dose. Bands list
///    the impaired ranges only, so a clearance outside every band is dosed as normal.
/// 4. Caps everything at the patient's maximum (``DoseLimits``): the lowest of the drug's,
///    the variant's, the band's and the local cap.
/// 5. Expands the steps (``StepExpansion``), splits each daily total into administrations
///    (``DoseSplitter``) at the chosen times (``TimeSelection``), and makes each dose from
///    real strengths (``Dispensing``).
///    A maximum below the first step that the strengths cannot make leaves no step:
///    ``PainLadderError/notPossible(_:)``.
/// 6. Dates the steps: step 1 on `startDate`, each next one after the previous step's usual
///    days (never fewer than its minimum). Steps up to the usual target are planned; the
///    ones above it are listed with `beyondTarget`, dated as if the pace continued.
///
/// ```swift
/// let formulary = try FormularyLoader.bundled()
/// let schedule = try ScheduleBuilder.build(formulary: formulary, drugID: "gabapentin", variantID: nil,
///                                          patient: patient, startDate: LocalDate(year: 2026, month: 3, day: 2)!,
///                                          times: nil)
/// schedule.steps[0].administrations[0].instruction   // "300 mg: 1 × 300 mg capsule at 22:00"
/// ```
public enum ScheduleBuilder {
    /// - Parameters:
    ///   - variantID: `nil` for the default (`elderly` if the patient is frail, else `standard`).
    ///   - times: the patient's dose times, strictly increasing, at least as many as the most
    ///     administrations any step needs; `nil` for the variant's default times.
    ///   - alsoTaking: drugs the patient is on in other courses, checked like medicines.
    public static func build(formulary: Formulary, drugID: String, variantID: String?, patient: Patient,
                             startDate: LocalDate, times: [LocalTime]?,
                             alsoTaking: [String] = []) throws -> Schedule {
        let drug = try formulary.drug(drugID)
        let variant = try resolveVariant(drug, requested: variantID, frail: patient.frail)

        let findings = SafetyEvaluator.evaluate(drug, for: patient, on: startDate, in: formulary,
                                                alsoTaking: alsoTaking)
        if let stop = findings.first(where: { $0.kind == .hardStop }) {
            throw PainLadderError.hardStop(drug: drug.id, rule: stop.rule, message: stop.message,
                                           sources: stop.sources)
        }

        let crCl = patient.creatinineClearance(on: startDate)
        // Bands list the impaired ranges only: a clearance outside every band needs no adjustment.
        let band = DoseLimits.renalBand(for: drug, crCl: crCl)
        let profile = band?.titration ?? variant
        let (limitName, limit) = DoseLimits.limitingMaximum(drug: drug, variant: variant, renalBand: band,
                                                            localCap: formulary.localCaps[drug.id],
                                                            localName: formulary.localName)
        let maximum = DoseLimits.labelled(limit, limitName)
        let strengths = drug.strengths.value
        let singleMax = drug.maximumSingleDose?.value
        // What can be made, worked out once for every dose up to the maximum.
        let table = DoseSplitter.reachable(upTo: max(0, maximum.value), strengths: strengths)
        func makeable(_ mg: Milligrams) -> Bool {
            mg > 0 && (mg < table.count ? table[mg] : Dispensing.units(for: mg, from: strengths) != nil)
        }

        // Doses per administration for one step, before any limit on times.
        func doses(_ step: StepTemplate) -> [Milligrams]? {
            if let explicit = step.doses {
                let fine = !explicit.isEmpty && explicit.allSatisfy { $0 <= (singleMax ?? .max) && makeable($0) }
                return fine && explicit.reduce(0, +) == step.dailyDose ? explicit : nil
            }
            let count = DoseSplitter.administrationCount(for: step.dailyDose,
                                                         administrationsPerDay: profile.administrationsPerDay.value,
                                                         strengths: strengths, maximumSingleDose: singleMax)
            return DoseSplitter.split(step.dailyDose, into: count, strengths: strengths, maximumSingleDose: singleMax,
                                      makeable: makeable)
        }
        var unitsCache: [Milligrams: [UnitCount]] = [:]
        func units(_ mg: Milligrams) -> [UnitCount] {
            if let known = unitsCache[mg] { return known }
            let made = Dispensing.units(for: mg, from: strengths)!   // makeable(mg) was checked
            unitsCache[mg] = made
            return made
        }

        let templates = try StepExpansion.expand(profile, maximum: maximum.value, drug: drug.id) { doses($0) != nil }
        guard !templates.isEmpty else {
            let first = profile.steps.value.first?.dailyDose
            throw PainLadderError.notPossible(
                "\(drug.id): this patient's maximum of \(maximum.value) mg/day (\(limitName)) is below the first step\(first.map { " (\($0) mg/day)" } ?? "") and cannot be made from the strengths; no schedule can start")
        }
        let split = templates.map { doses($0)! }
        let needed = split.map(\.count).max() ?? 1
        let dayTimes = try chooseTimes(times, default: profile.defaultTimes, needed: needed, drug: drug.id,
                                       variant: profile.id)

        let target = min(profile.usualTarget.value, maximum.value)
        let usualTarget = profile.usualTarget.value <= maximum.value ? profile.usualTarget : maximum
        var steps: [TitrationStep] = []
        var date = startDate
        for (i, (template, parts)) in zip(templates, split).enumerated() {
            let at = TimeSelection.times(count: parts.count, from: dayTimes, fewerDosesAt: profile.fewerDosesAt)
            let administrations = zip(at, parts).map { time, dose in
                Administration(time: time, doseMg: dose, units: units(dose))
            }
            let interval = profile.daysBetweenSteps.value
            let minimumDays = template.minimumDays ?? interval.minimum
            let usualDays = max(template.usualDays ?? interval.usual, minimumDays)
            steps.append(TitrationStep(number: i + 1, startDate: date, administrations: administrations,
                                       minimumDays: minimumDays, beyondTarget: template.dailyDose > target))
            date = date.adding(days: usualDays)
        }

        return Schedule(drug: drug.id, variant: variant.id, renalBand: band?.label, steps: steps,
                        maximumDailyDose: maximum, usualTarget: usualTarget,
                        cautions: findings.filter { $0.kind == .caution },
                        offLabel: SafetyEvaluator.isOffLabel(drug, patient: patient, formulary: formulary))
    }

    /// The variant asked for, or the default for this patient.
    public static func resolveVariant(_ drug: Drug, requested: String?, frail: Bool) throws -> TitrationVariant {
        if let requested {
            guard let found = drug.variant(requested.lowercased()) ?? drug.variant(requested) else {
                throw PainLadderError.invalidValue(field: .variant, given: requested,
                                                   allowed: Phrase(drug.variants.map(\.id).joined(separator: ", ")))
            }
            return found
        }
        if frail, let elderly = drug.variant("elderly") { return elderly }
        if let standard = drug.variant("standard") ?? drug.variants.first { return standard }
        throw PainLadderError.invalidFormulary(file: "\(drug.id).json", drug: drug.id, field: "variants",
                                               problem: "has no titration variant")
    }

    /// The caller's times after checking them, or the variant's defaults.
    static func chooseTimes(_ given: [LocalTime]?, default defaults: [LocalTime], needed: Int, drug: String,
                            variant: String) throws -> [LocalTime] {
        guard let given else {
            guard defaults.count >= needed, zip(defaults, defaults.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw PainLadderError.invalidFormulary(
                    file: "\(drug).json", drug: drug, field: "variants.\(variant).defaultTimes",
                    problem: "needs at least \(needed) strictly increasing times, has \(defaults.map(\.description).joined(separator: ", "))")
            }
            return defaults
        }
        let increasing = zip(given, given.dropFirst()).allSatisfy { $0 < $1 }
        guard increasing, given.count >= needed else {
            let problem = increasing ? "" : " in strictly increasing order"
            throw PainLadderError.invalidValue(
                field: .times, given: given.map(\.description).joined(separator: ","),
                allowed: "at least \(needed) different times (HH:MM)\(problem), earliest first: \(drug) needs \(needed) administration\(needed == 1 ? "" : "s") a day")
        }
        return given
    }
}
