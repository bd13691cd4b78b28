/// Builds a patient's dated titration schedule from the formulary. Pure: no clock, no I/O.
///
/// What it does, in order:
/// 1. Finds the drug (``PainLadderError/unknownDrug(_:known:)``) and the variant: the one
///    asked for (``PainLadderError/invalidValue(field:given:allowed:)`` for `variant` when
///    unknown), else `elderly` for a frail patient when the drug has it, else `standard`.
/// 2. Evaluates the safety rules on `startDate` (``SafetyEvaluator``): the first hard stop
///    is thrown as ``PainLadderError/hardStop(drug:rule:message:sources:)``; cautions are
///    kept in ``Schedule/cautions``; ``Schedule/offLabel`` is set from the licence.
/// 3. With a known creatinine clearance (``Patient/renalEstimate(on:in:)``: measured, or
///    Cockcroft–Gault on the weight the formulary's rule chooses), picks the renal band that
///    contains it. Bands list the impaired ranges only, so a clearance outside every band is
///    dosed as normal. With it unknown for a drug dosed by it, refuses
///    (``RenalPrecondition``) unless ``StartOverride/kidneyFunctionUnknown`` is given; then an
///    older or frail patient is planned within the most cautious band, with a notice.
///    A hard stop on age passes only with ``StartOverride/age``, shown as unlicensed.
/// 3a. When the band has its own titration, the plan takes the more cautious of every
///    parameter of the two (``CautiousTitration``): lower doses, longer intervals.
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
                             alsoTaking: [String] = [], overrides: Set<StartOverride> = []) throws -> Schedule {
        let drug = try formulary.drug(drugID)
        let variant = try resolveVariant(drug, requested: variantID, frail: patient.frail)

        let findings = SafetyEvaluator.evaluate(drug, for: patient, on: startDate, in: formulary,
                                                alsoTaking: alsoTaking)
        let rules = formulary.pathway.rules + drug.rules
        var passed: Set<StartOverride> = []
        var overridden: [SafetyFinding] = []
        for stop in findings where stop.kind == .hardStop {
            let rule = rules.first { $0.id == stop.rule }
            guard let override = overrides.first(where: { $0.passes(rule, id: stop.rule) }) else {
                throw PainLadderError.hardStop(drug: drug.id, rule: stop.rule, message: stop.message, sources: stop.sources)
            }
            passed.insert(override)
            overridden.append(SafetyFinding(drug: drug.id, rule: Schedule.overriddenPrefix + stop.rule, kind: .caution,
                                            message: "UNLICENSED, started on a clinician's override: \(stop.message)",
                                            sources: stop.sources, status: stop.status))
        }

        let crCl = patient.creatinineClearance(on: startDate, in: formulary)
        // Bands list the impaired ranges only: a clearance outside every band needs no adjustment.
        var band = DoseLimits.renalBand(for: drug, crCl: crCl)
        var capped: SafetyFinding?
        if let refusal = RenalPrecondition.refusal(drug, patient: patient, on: startDate, in: formulary) {
            guard overrides.contains(.kidneyFunctionUnknown) else {
                throw PainLadderError.hardStop(drug: drug.id, rule: refusal.rule, message: refusal.message, sources: refusal.sources)
            }
            passed.insert(.kidneyFunctionUnknown)
            if let cautious = RenalPrecondition.cappedBand(drug, patient: patient, on: startDate, formulary: formulary) {
                band = cautious
                capped = RenalPrecondition.cappedNotice(drug, band: cautious, formulary: formulary)
            }
        }
        // An override on the record must name a refusal that was really passed.
        if let unused = overrides.subtracting(passed).map(\.rawValue).sorted().first {
            throw PainLadderError.invalidValue(field: .override, given: unused,
                                               allowed: "only a refusal this start passes (nothing here needs '\(unused)')")
        }

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

        // Doses per administration for one step of `profile`, before any limit on times.
        func doses(_ step: StepTemplate, _ profile: TitrationVariant) -> [Milligrams]? {
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

        // Every profile that applies, the variant first; the plan takes the more cautious of each parameter.
        let profiles = [variant] + [band?.titration].compactMap { $0 }
        let expanded = try profiles.map { profile in
            (profile: profile, templates: try StepExpansion.expand(profile, maximum: maximum.value, drug: drug.id) { doses($0, profile) != nil })
        }
        let titration = CautiousTitration(expanded)
        guard !titration.entries.isEmpty else {
            let first = profiles.compactMap { $0.steps.value.first?.dailyDose }.min()
            throw PainLadderError.notPossible(
                "\(drug.id): this patient's maximum of \(maximum.value) mg/day (\(limitName)) is below the first step\(first.map { " (\($0) mg/day)" } ?? "") and cannot be made from the strengths; no schedule can start")
        }
        let split = titration.entries.map { doses($0.template, $0.profile)! }
        let needed = split.map(\.count).max() ?? 1
        let timesFrom = profiles.first { $0.defaultTimes.count >= needed } ?? titration.lead
        let dayTimes = try chooseTimes(times, default: timesFrom.defaultTimes, needed: needed, drug: drug.id,
                                       variant: timesFrom.id)

        let profileTarget = titration.usualTarget
        let target = min(profileTarget.value, maximum.value)
        let usualTarget = profileTarget.value <= maximum.value ? profileTarget : maximum
        var steps: [TitrationStep] = []
        var date = startDate
        for (i, (entry, parts)) in zip(titration.entries, split).enumerated() {
            let at = TimeSelection.times(count: parts.count, from: dayTimes, fewerDosesAt: entry.profile.fewerDosesAt)
            let administrations = zip(at, parts).map { time, dose in
                Administration(time: time, doseMg: dose, units: units(dose))
            }
            let template = entry.template
            steps.append(TitrationStep(number: i + 1, startDate: date, administrations: administrations,
                                       minimumDays: template.minimumDays!, beyondTarget: template.dailyDose > target))
            date = date.adding(days: template.usualDays!)
        }

        return Schedule(drug: drug.id, variant: variant.id, renalBand: band?.label, steps: steps,
                        maximumDailyDose: maximum, usualTarget: usualTarget,
                        cautions: overridden + [capped].compactMap { $0 } + findings.filter { $0.kind == .caution },
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
