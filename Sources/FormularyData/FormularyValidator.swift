import Foundation
import PainLadder

/// Checks a formulary for the mistakes that would make a plan unsafe or a rule dead:
/// numbers without sources, doses no product can make, steps above a maximum, overlapping
/// renal bands, rules that name medicines or diagnoses nobody knows.
///
/// Every failure is a ``PainLadderError/invalidFormulary(file:drug:field:problem:)`` naming
/// the file, the drug (if any), the field path inside that file (`variants[0].steps`) and
/// the problem in plain words. The first problem found is thrown.
public enum FormularyValidator {
    /// The branches of care a diagnosis can belong to (`diagnoses.json`).
    public static let diagnosisCategories: Set<String> = ["peripheral", "central", "trigeminal", "excluded"]
    /// Side-effect severities (`pathway.holdStepUpAtSeverity`).
    public static let severities: [String] = ["mild", "moderate", "severe"]

    /// Checks a whole formulary.
    ///
    /// - Parameters:
    ///   - file: the folder's name, used for problems that belong to no single file.
    ///   - drugFiles: drug id → the file it was read from, to name it in errors
    ///     (defaults to `<id>.json`).
    public static func validate(_ formulary: Formulary, file: String, drugFiles: [String: String] = [:]) throws {
        let knownSources = Set(formulary.sources.keys)
        try checkSourcesFile(formulary.sources)
        try checkDiagnoses(formulary.diagnoses)
        try checkMedicines(formulary.medicineClasses)

        let vocabulary = Vocabulary(formulary)
        var seenIds: Set<String> = []
        for (index, drug) in formulary.drugs.enumerated() {
            let ctx = Context(file: drugFiles[drug.id] ?? "\(drug.id.isEmpty ? "drug \(index + 1)" : drug.id).json",
                              drug: drug.id.isEmpty ? nil : drug.id)
            guard isIdentifier(drug.id) else {
                throw ctx.fail("id", "'\(drug.id)' must be lower-case letters, digits and hyphens")
            }
            guard seenIds.insert(drug.id).inserted else {
                throw ctx.fail("id", "'\(drug.id)' is listed twice in \(FormularyLoader.indexFile)")
            }
            guard formulary.medicineClasses[drug.id] != nil else {
                throw ctx.fail("id", "'\(drug.id)' is not in medicines.json, so no rule can name it")
            }
            try checkSourceTags(in: drug, known: knownSources, ctx: ctx)
            try checkDrug(drug, vocabulary: vocabulary, ctx: ctx)
        }
        if formulary.drugs.isEmpty {
            throw Context(file: FormularyLoader.indexFile, drug: nil).fail("drugs", "lists no drug")
        }
        try checkPathway(formulary.pathway, knownSources: knownSources, vocabulary: vocabulary)
    }

    /// Applies a clinic's overlay after checking it: known drugs, caps above zero, no higher
    /// than the drug's maximum and split by the schedule engine for every titration they end,
    /// every value sourced, and a ladder order of known drugs without repeats.
    public static func apply(_ overlay: LocalOverlay, to formulary: Formulary, file: String) throws -> Formulary {
        let ctx = Context(file: file, drug: nil)
        guard !overlay.name.isBlank else {
            throw ctx.fail("name", "is empty")
        }
        var result = formulary
        result.localName = overlay.name
        for (tag, source) in (overlay.sources ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard !tag.isBlank else {
                throw ctx.fail("sources", "has an empty tag")
            }
            guard !source.title.isBlank else {
                throw ctx.fail("sources.\(tag).title", "is empty")
            }
            if let existing = formulary.sources[tag], existing != source {
                throw ctx.fail("sources.\(tag)", "is already defined differently in sources.json; use a new tag")
            }
            result.sources[tag] = source
        }
        let known = Set(result.sources.keys)
        let drugIds = formulary.drugs.map(\.id)
        for (id, cap) in (overlay.caps ?? [:]).sorted(by: { $0.key < $1.key }) {
            let field = "caps.\(id)"
            guard let drug = formulary.drugs.first(where: { $0.id == id }) else {
                throw ctx.fail(field, "'\(id)' is not a drug in the formulary (known: \(drugIds.joined(separator: ", ")))")
            }
            let drugCtx = Context(file: file, drug: id)
            try checkSources(cap.sources, field: field, known: known, ctx: drugCtx)
            guard cap.value > 0 else {
                throw drugCtx.fail("\(field).value", "must be above 0 mg/day (got \(cap.value))")
            }
            guard cap.value <= drug.maximumDailyDose.value else {
                throw drugCtx.fail("\(field).value",
                                   "\(cap.value) mg/day is above the drug's maximum of \(drug.maximumDailyDose.value) mg/day")
            }
            // The cap ends the titration of every profile whose own maximum it does not exceed:
            // the engine must be able to split it for each of them, or it would silently stop below.
            let products = Products(drug.strengths.value, upTo: cap.value)
            let profiles = drug.variants.map { ($0, $0.maximumDailyDose?.value ?? drug.maximumDailyDose.value) }
                + drug.renalBands.compactMap { band in band.titration.map { ($0, band.maximumDailyDose.value) } }
            for (profile, limit) in profiles where cap.value <= limit {
                guard engineSplits(cap.value, profile: profile, products: products,
                                   maximumSingleDose: drug.maximumSingleDose?.value) else {
                    throw drugCtx.fail("\(field).value", "\(cap.value) mg/day cannot be made from \(describe(drug.strengths.value)) in up to \(profile.defaultTimes.count) doses")
                }
            }
        }
        if let order = overlay.ladderOrder {
            try checkLadderOrder(order, field: "ladderOrder", drugIds: drugIds, known: known, ctx: ctx)
        }
        result.localCaps = overlay.caps ?? [:]
        if let order = overlay.ladderOrder { result.pathway.ladderOrder = order }
        return result
    }

    // MARK: - Dose splitting

    /// Whether the schedule engine (``DoseSplitter``) can split `dose` mg/day for `profile`:
    /// into as many administrations as the engine gives it, at most the profile's times. One
    /// rule for listed steps, generated steps and a clinic's cap, so a dose the validator
    /// accepts is one the engine can make.
    static func engineSplits(_ dose: Milligrams, profile: TitrationVariant, products: Products,
                             maximumSingleDose: Milligrams?) -> Bool {
        let count = min(profile.defaultTimes.count, DoseSplitter.administrationCount(
            for: dose, administrationsPerDay: profile.administrationsPerDay.value, strengths: products.strengths,
            maximumSingleDose: maximumSingleDose))
        return DoseSplitter.split(dose, into: count, strengths: products.strengths, maximumSingleDose: maximumSingleDose,
                                  makeable: products.canMake) != nil
    }

    /// Which doses a drug's strengths can make, worked out once per drug: validating a
    /// formulary asks this for hundreds of doses, and the formulary loads on every command.
    /// Agrees with ``Dispensing/units(for:from:)`` being non-nil.
    struct Products {
        let strengths: [Strength]
        /// Greatest common divisor of the strengths: every makeable dose is a multiple.
        let unit: Int
        /// `reachable[n]`: n × unit mg can be made.
        private let reachable: [Bool]

        init(_ strengths: [Strength], upTo limit: Milligrams) {
            self.strengths = strengths
            let mgs = Array(Set(strengths.map(\.mg).filter { $0 > 0 })).sorted()
            let unit = mgs.reduce(0, FormularyValidator.gcd)
            self.unit = unit
            guard unit > 0 else { reachable = []; return }
            let count = max(0, min(limit, 100_000)) / unit
            var table = Array(repeating: false, count: count + 1)
            table[0] = true
            let steps = mgs.map { $0 / unit }
            if count > 0 {
                for n in 1...count {
                    table[n] = steps.contains { $0 <= n && table[n - $0] }
                }
            }
            reachable = table
        }

        func canMake(_ dose: Milligrams) -> Bool {
            guard dose > 0, unit > 0, dose % unit == 0 else { return false }
            let n = dose / unit
            if n < reachable.count { return reachable[n] }
            return Dispensing.units(for: dose, from: strengths) != nil
        }
    }

    // MARK: - Files other than drugs

    private static func checkSourcesFile(_ sources: [String: Source]) throws {
        let ctx = Context(file: "sources.json", drug: nil)
        guard !sources.isEmpty else { throw ctx.fail("(top level)", "lists no source") }
        for (tag, source) in sources.sorted(by: { $0.key < $1.key }) {
            guard !tag.isBlank else { throw ctx.fail("(top level)", "has an empty tag") }
            guard !source.title.isBlank else {
                throw ctx.fail("\(tag).title", "is empty")
            }
        }
    }

    private static func checkDiagnoses(_ diagnoses: [Diagnosis]) throws {
        let ctx = Context(file: "diagnoses.json", drug: nil)
        guard !diagnoses.isEmpty else { throw ctx.fail("(top level)", "lists no diagnosis") }
        var seen: Set<String> = []
        for (i, d) in diagnoses.enumerated() {
            guard isIdentifier(d.id) else { throw ctx.fail("[\(i)].id", "'\(d.id)' must be lower-case letters, digits and hyphens") }
            guard seen.insert(d.id).inserted else { throw ctx.fail("[\(i)].id", "'\(d.id)' is listed twice") }
            guard !diagnosisCategories.contains(d.id) else {
                throw ctx.fail("[\(i)].id", "'\(d.id)' is also a category name; rules could not tell them apart")
            }
            guard !d.label.isBlank else { throw ctx.fail("[\(i)].label", "is empty") }
            guard diagnosisCategories.contains(d.category) else {
                throw ctx.fail("[\(i)].category", "'\(d.category)' is not one of \(diagnosisCategories.sorted().joined(separator: ", "))")
            }
        }
    }

    private static func checkMedicines(_ medicines: [String: [String]]) throws {
        let ctx = Context(file: "medicines.json", drug: nil)
        for (name, classes) in medicines.sorted(by: { $0.key < $1.key }) {
            guard isIdentifier(name) else { throw ctx.fail(name, "'\(name)' must be lower-case letters, digits and hyphens") }
            guard !classes.isEmpty else { throw ctx.fail(name, "lists no class") }
            for (i, c) in classes.enumerated() where !isIdentifier(c) {
                throw ctx.fail("\(name)[\(i)]", "'\(c)' must be lower-case letters, digits and hyphens")
            }
        }
    }

    private static func checkPathway(_ pathway: PathwaySettings, knownSources: Set<String>, vocabulary: Vocabulary) throws {
        let ctx = Context(file: FormularyLoader.indexFile, drug: nil)
        try checkSourceTags(in: pathway, prefix: "pathway", known: knownSources, ctx: ctx)
        guard severities.contains(pathway.holdStepUpAtSeverity.value) else {
            throw ctx.fail("pathway.holdStepUpAtSeverity.value",
                           "'\(pathway.holdStepUpAtSeverity.value)' is not one of \(severities.joined(separator: ", "))")
        }
        if let order = pathway.ladderOrder {
            try checkLadderOrder(order, field: "pathway.ladderOrder", drugIds: vocabulary.drugIds, known: knownSources, ctx: ctx)
        }
        try checkRules(pathway.rules, field: "pathway.rules", vocabulary: vocabulary, ctx: ctx)
        if let bands = pathway.painChangeBands?.value {
            let values = [bands.minimalPercent, bands.moderatePercent, bands.substantialPercent]
            guard values[0] > 0, values[2] <= 100, values[0] < values[1], values[1] < values[2] else {
                throw ctx.fail("pathway.painChangeBands.value",
                               "must rise from minimal to moderate to substantial, above 0 and at most 100 per cent")
            }
        }
        if let policy = pathway.renalFunctionUnknown?.value, !(18...130).contains(policy.capFromAge) {
            throw ctx.fail("pathway.renalFunctionUnknown.value.capFromAge", "must be from 18 to 130 (got \(policy.capFromAge))")
        }
        if let rule = pathway.cockcroftGaultWeight?.value {
            guard rule.idealUpToPercent >= 100, rule.idealUpToPercent <= 200 else {
                throw ctx.fail("pathway.cockcroftGaultWeight.value.idealUpToPercent", "must be from 100 to 200 (got \(rule.idealUpToPercent))")
            }
            guard rule.adjustedFraction > 0, rule.adjustedFraction < 1 else {
                throw ctx.fail("pathway.cockcroftGaultWeight.value.adjustedFraction", "must be above 0 and below 1 (got \(rule.adjustedFraction))")
            }
        }
        if let shortest = pathway.heightUnknownShortestCm?.value, !(100...250).contains(shortest) {
            throw ctx.fail("pathway.heightUnknownShortestCm.value", "must be from 100 to 250 cm (got \(shortest))")
        }
        if let severe = pathway.referralSeverePain?.value, !(severe > 0 && severe <= 10) {
            throw ctx.fail("pathway.referralSeverePain.value", "'\(severe)' is not a pain score above 0 and at most 10")
        }
    }

    private static func checkLadderOrder(_ order: Sourced<[String]>, field: String, drugIds: [String],
                                         known: Set<String>, ctx: Context) throws {
        try checkSources(order.sources, field: field, known: known, ctx: ctx)
        guard !order.value.isEmpty else { throw ctx.fail("\(field).value", "is empty") }
        var seen: Set<String> = []
        for (i, id) in order.value.enumerated() {
            guard drugIds.contains(id) else {
                throw ctx.fail("\(field).value[\(i)]", "'\(id)' is not a drug in the formulary (known: \(drugIds.joined(separator: ", ")))")
            }
            guard seen.insert(id).inserted else { throw ctx.fail("\(field).value[\(i)]", "'\(id)' is listed twice") }
        }
    }

    // MARK: - Drugs

    private static func checkDrug(_ drug: Drug, vocabulary: Vocabulary, ctx: Context) throws {
        guard !drug.name.isBlank else { throw ctx.fail("name", "is empty") }
        for (system, code) in drug.codes.sorted(by: { $0.key < $1.key })
        where code.isBlank {
            throw ctx.fail("codes.\(system)", "is empty")
        }
        for (system, code) in (drug.codeSources ?? [:]).sorted(by: { $0.key < $1.key })
        where drug.codes[system] != code.value {
            throw ctx.fail("codeSources.\(system).value", "'\(code.value)' is not the drug's \(system) code ('\(drug.codes[system] ?? "none")')")
        }

        guard !drug.licensedFor.value.isEmpty else { throw ctx.fail("licensedFor.value", "is empty") }
        for (i, d) in drug.licensedFor.value.enumerated() where !vocabulary.diagnosisTerms.contains(d) {
            throw ctx.fail("licensedFor.value[\(i)]", "'\(d)' is not a diagnosis id or category in diagnoses.json")
        }

        // Products.
        let strengths = drug.strengths.value
        guard !strengths.isEmpty else { throw ctx.fail("strengths.value", "is empty: every dose must be made of something") }
        for (i, s) in strengths.enumerated() {
            guard s.mg > 0 else { throw ctx.fail("strengths.value[\(i)].mg", "must be above 0 (got \(s.mg))") }
            guard !s.form.isBlank else { throw ctx.fail("strengths.value[\(i)].form", "is empty") }
            // A handful of products: a scan, not a Set<Strength> (whose first use costs a
            // runtime conformance lookup on every command).
            guard !strengths[..<i].contains(s) else { throw ctx.fail("strengths.value[\(i)]", "\(s.mg) mg \(s.form) is listed twice") }
        }

        // Limits.
        let maximum = drug.maximumDailyDose.value
        guard maximum > 0 else { throw ctx.fail("maximumDailyDose.value", "must be above 0 mg/day (got \(maximum))") }
        let products = Products(strengths, upTo: maximum)
        guard products.canMake(maximum) else {
            throw ctx.fail("maximumDailyDose.value", "\(maximum) mg cannot be made from \(describe(strengths))")
        }
        let single = drug.maximumSingleDose?.value
        if let single {
            guard single > 0 else { throw ctx.fail("maximumSingleDose.value", "must be above 0 mg (got \(single))") }
            guard single <= maximum else {
                throw ctx.fail("maximumSingleDose.value", "\(single) mg is above the maximum daily dose of \(maximum) mg")
            }
            guard products.canMake(single) else {
                throw ctx.fail("maximumSingleDose.value", "\(single) mg cannot be made from \(describe(strengths))")
            }
        }
        // A bound on typed doses below the maximum would refuse a dose the plan allows.
        if let limit = drug.doseEntryLimit?.value, limit <= maximum {
            throw ctx.fail("doseEntryLimit.value", "\(limit) mg is not above the maximum daily dose of \(maximum) mg")
        }
        if let ceiling = drug.noAddedBenefitAbove?.value, ceiling <= 0 || ceiling > maximum {
            throw ctx.fail("noAddedBenefitAbove.value", "must be above 0 and at most the maximum daily dose of \(maximum) mg (got \(ceiling))")
        }
        if let advice = drug.overdose?.value, advice.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ctx.fail("overdose.value", "is empty: say what to do, or leave the value out")
        }

        // Titration variants.
        guard !drug.variants.isEmpty else { throw ctx.fail("variants", "is empty: a drug needs a standard titration") }
        guard drug.variants.contains(where: { $0.id == "standard" }) else {
            throw ctx.fail("variants", "has no 'standard' variant")
        }
        var variantIds: Set<String> = []
        for (i, variant) in drug.variants.enumerated() {
            let path = "variants[\(i)]"
            guard isIdentifier(variant.id) else { throw ctx.fail("\(path).id", "'\(variant.id)' must be lower-case letters, digits and hyphens") }
            guard variantIds.insert(variant.id).inserted else { throw ctx.fail("\(path).id", "'\(variant.id)' is listed twice") }
            var limit = maximum
            if let own = variant.maximumDailyDose?.value {
                guard own > 0 else { throw ctx.fail("\(path).maximumDailyDose.value", "must be above 0 mg/day (got \(own))") }
                guard own <= maximum else {
                    throw ctx.fail("\(path).maximumDailyDose.value", "\(own) mg/day is above the drug's maximum of \(maximum) mg/day")
                }
                limit = own
            }
            try checkTitration(variant, path: path, maximum: limit, maximumName: "maximum daily dose",
                               products: products, maximumSingleDose: single, ctx: ctx)
        }

        try checkRenalBands(drug, products: products, maximumSingleDose: single, ctx: ctx)
        try checkRules(drug.rules, field: "rules", vocabulary: vocabulary, ctx: ctx)
        try checkAfterStopping(drug.afterStopping ?? [], vocabulary: vocabulary, ctx: ctx)
        try checkTaper(drug.taper.value, maximum: maximum, ctx: ctx)
        try checkSideEffects(drug.sideEffects, ctx: ctx)

        let trial = drug.adequateTrial.value
        guard trial.minimumWeeks >= 1 else { throw ctx.fail("adequateTrial.value.minimumWeeks", "must be at least 1 (got \(trial.minimumWeeks))") }
        guard trial.minimumWeeks <= trial.maximumWeeks else {
            throw ctx.fail("adequateTrial.value", "minimumWeeks (\(trial.minimumWeeks)) is above maximumWeeks (\(trial.maximumWeeks))")
        }
        guard (0...trial.maximumWeeks).contains(trial.weeksAtHighestTolerated) else {
            throw ctx.fail("adequateTrial.value.weeksAtHighestTolerated",
                           "must be from 0 to maximumWeeks (\(trial.maximumWeeks)); got \(trial.weeksAtHighestTolerated)")
        }

        let reviews = drug.reviews.value
        guard reviews.earlyDays >= 1 else { throw ctx.fail("reviews.value.earlyDays", "must be at least 1 day (got \(reviews.earlyDays))") }
        guard reviews.regularDays >= reviews.earlyDays else {
            throw ctx.fail("reviews.value.regularDays", "\(reviews.regularDays) days is shorter than earlyDays (\(reviews.earlyDays))")
        }

        if let cd = drug.controlledDrug?.value {
            guard !cd.schedule.isBlank else { throw ctx.fail("controlledDrug.value.schedule", "is empty") }
            guard cd.maximumSupplyDays >= 1 else { throw ctx.fail("controlledDrug.value.maximumSupplyDays", "must be at least 1 day") }
            guard cd.prescriptionValidDays >= 1 else { throw ctx.fail("controlledDrug.value.prescriptionValidDays", "must be at least 1 day") }
        }
    }

    /// One titration profile (a variant, or a renal band's own titration) against its maximum.
    private static func checkTitration(_ v: TitrationVariant, path: String, maximum: Milligrams, maximumName: String,
                                       products: Products, maximumSingleDose: Milligrams?, ctx: Context) throws {
        let strengths = products.strengths
        guard !v.label.isBlank else { throw ctx.fail("\(path).label", "is empty") }

        // Administrations and times. A variant may list more times than its usual number of
        // administrations (duloxetine: once daily, but 120 mg/day is split in two).
        let administrations = v.administrationsPerDay.value
        guard administrations >= 1 else {
            throw ctx.fail("\(path).administrationsPerDay.value", "must be at least 1 (got \(administrations))")
        }
        let times = v.defaultTimes
        guard times.count >= administrations else {
            throw ctx.fail("\(path).defaultTimes", "lists \(times.count) time(s) for \(administrations) administrations a day")
        }
        for i in times.indices.dropFirst() where !(times[i - 1] < times[i]) {
            throw ctx.fail("\(path).defaultTimes[\(i)]", "\(times[i]) does not come after \(times[i - 1]); list times earliest first, without repeats")
        }
        let maxDoses = times.count

        // The pace.
        let interval = v.daysBetweenSteps.value
        guard interval.minimum >= 1 else {
            throw ctx.fail("\(path).daysBetweenSteps.value.minimum", "must be at least 1 day (got \(interval.minimum))")
        }
        guard interval.minimum <= interval.usual else {
            throw ctx.fail("\(path).daysBetweenSteps.value", "minimum (\(interval.minimum) days) is longer than usual (\(interval.usual) days)")
        }

        func engineSplits(_ dose: Milligrams) -> Bool {
            FormularyValidator.engineSplits(dose, profile: v, products: products, maximumSingleDose: maximumSingleDose)
        }
        func checkDaily(_ dose: Milligrams, field: @autoclosure () -> String) throws {
            guard dose <= maximum else {
                throw ctx.fail(field(), "\(dose) mg/day is above the \(maximumName) of \(maximum) mg/day")
            }
            guard engineSplits(dose) else {
                throw ctx.fail(field(), "\(dose) mg/day cannot be made from \(describe(strengths)) in up to \(maxDoses) doses\(maximumSingleDose.map { " of at most \($0) mg" } ?? "")")
            }
        }

        // Listed steps.
        let steps = v.steps.value
        guard !steps.isEmpty else { throw ctx.fail("\(path).steps.value", "is empty") }
        var reachable: [Milligrams] = []
        var previous = 0
        for (i, step) in steps.enumerated() {
            var field: String { "\(path).steps.value[\(i)]" }  // built only for an error
            guard step.dailyDose > 0 else { throw ctx.fail(field, "must be above 0 mg/day (got \(step.dailyDose))") }
            guard step.dailyDose > previous else {
                throw ctx.fail(field, "\(step.dailyDose) mg/day does not go up from the step before (\(previous) mg/day); steps must increase")
            }
            previous = step.dailyDose
            if let doses = step.doses {
                guard !doses.isEmpty else { throw ctx.fail("\(field).doses", "is empty") }
                guard doses.count <= maxDoses else {
                    throw ctx.fail("\(field).doses", "gives \(doses.count) doses but the variant has only \(maxDoses) default time(s)")
                }
                guard doses.reduce(0, +) == step.dailyDose else {
                    throw ctx.fail("\(field).doses", "add up to \(doses.reduce(0, +)) mg, not the step's dailyDose of \(step.dailyDose) mg")
                }
                for (j, dose) in doses.enumerated() {
                    guard dose > 0 else { throw ctx.fail("\(field).doses[\(j)]", "must be above 0 mg (got \(dose))") }
                    if let limit = maximumSingleDose, dose > limit {
                        throw ctx.fail("\(field).doses[\(j)]", "\(dose) mg is above the maximum single dose of \(limit) mg")
                    }
                    guard products.canMake(dose) else {
                        throw ctx.fail("\(field).doses[\(j)]", "\(dose) mg cannot be made from \(describe(strengths))")
                    }
                }
                guard step.dailyDose <= maximum else {
                    throw ctx.fail(field, "\(step.dailyDose) mg/day is above the \(maximumName) of \(maximum) mg/day")
                }
            } else {
                try checkDaily(step.dailyDose, field: field)
            }
            let usual = step.usualDays ?? interval.usual
            let minimum = step.minimumDays ?? interval.minimum
            guard minimum >= 1 else { throw ctx.fail("\(field).minimumDays", "must be at least 1 day (got \(minimum))") }
            guard usual >= 1 else { throw ctx.fail("\(field).usualDays", "must be at least 1 day (got \(usual))") }
            guard minimum <= usual else {
                throw ctx.fail(field, "minimum (\(minimum) days) is longer than usual (\(usual) days)")
            }
            reachable.append(step.dailyDose)
        }

        // Steps after the list, by a fixed increment, up to the maximum.
        if let increment = v.thenIncrement?.value {
            guard increment > 0 else { throw ctx.fail("\(path).thenIncrement.value", "must be above 0 mg/day (got \(increment))") }
            var dose = previous + increment
            while dose <= maximum {
                try checkDaily(dose, field: "\(path).thenIncrement")
                reachable.append(dose)
                dose += increment
            }
        }
        // The maximum itself is a dose a clinician may choose (the core may also stop a
        // last increment at it).
        guard engineSplits(maximum) else {
            throw ctx.fail(path, "the \(maximumName) of \(maximum) mg/day cannot be made from \(describe(strengths)) in up to \(maxDoses) doses")
        }

        let target = v.usualTarget.value
        guard target > 0 else { throw ctx.fail("\(path).usualTarget.value", "must be above 0 mg/day (got \(target))") }
        guard target <= maximum else {
            throw ctx.fail("\(path).usualTarget.value", "\(target) mg/day is above the \(maximumName) of \(maximum) mg/day")
        }
        guard reachable.contains(target) else {
            throw ctx.fail("\(path).usualTarget.value", "\(target) mg/day is not one of the steps (\(reachable.map(String.init).joined(separator: ", ")) mg/day)")
        }
    }

    private static func checkRenalBands(_ drug: Drug, products: Products, maximumSingleDose: Milligrams?, ctx: Context) throws {
        var labels: Set<String> = []
        for (i, band) in drug.renalBands.enumerated() {
            let path = "renalBands[\(i)]"
            guard !band.label.isBlank else { throw ctx.fail("\(path).label", "is empty") }
            guard labels.insert(band.label).inserted else { throw ctx.fail("\(path).label", "'\(band.label)' is listed twice") }
            guard band.minimumCrCl != nil || band.belowCrCl != nil else {
                throw ctx.fail(path, "needs minimumCrCl, belowCrCl or both")
            }
            if let low = band.minimumCrCl, low < 0 { throw ctx.fail("\(path).minimumCrCl", "must not be negative (got \(low))") }
            if let high = band.belowCrCl, high <= 0 { throw ctx.fail("\(path).belowCrCl", "must be above 0 (got \(high))") }
            if let low = band.minimumCrCl, let high = band.belowCrCl, low >= high {
                throw ctx.fail(path, "minimumCrCl (\(low)) must be below belowCrCl (\(high))")
            }
            let cap = band.maximumDailyDose.value
            guard cap > 0 else { throw ctx.fail("\(path).maximumDailyDose.value", "must be above 0 mg/day (got \(cap))") }
            guard cap <= drug.maximumDailyDose.value else {
                throw ctx.fail("\(path).maximumDailyDose.value",
                               "\(cap) mg/day is above the drug's maximum of \(drug.maximumDailyDose.value) mg/day")
            }
            if let titration = band.titration {
                try checkTitration(titration, path: "\(path).titration", maximum: cap, maximumName: "band's maximum",
                                   products: products, maximumSingleDose: maximumSingleDose, ctx: ctx)
            }
        }
        // No two bands may claim the same clearance, and a lower clearance never allows more.
        let ordered = drug.renalBands.enumerated().sorted {
            ($0.element.minimumCrCl ?? -.infinity) < ($1.element.minimumCrCl ?? -.infinity)
        }
        for k in ordered.indices.dropFirst() {
            let (a, b) = (ordered[k - 1], ordered[k])
            let upper = a.element.belowCrCl ?? .infinity
            let lower = b.element.minimumCrCl ?? -.infinity
            guard lower >= upper else {
                throw ctx.fail("renalBands[\(b.offset)]", "overlaps renalBands[\(a.offset)] ('\(a.element.label)')")
            }
            guard a.element.maximumDailyDose.value <= b.element.maximumDailyDose.value else {
                throw ctx.fail("renalBands[\(a.offset)].maximumDailyDose.value",
                               "allows more (\(a.element.maximumDailyDose.value) mg/day) than the band above it, '\(b.element.label)' (\(b.element.maximumDailyDose.value) mg/day)")
            }
        }
    }

    private static func checkRules(_ rules: [SafetyRule], field: String, vocabulary: Vocabulary, ctx: Context) throws {
        var ids: Set<String> = []
        for (i, rule) in rules.enumerated() {
            // Paths are built only for an error: a valid formulary has hundreds of items.
            func path() -> String { "\(field)[\(i)]" }
            guard isIdentifier(rule.id) else { throw ctx.fail("\(path()).id", "'\(rule.id)' must be lower-case letters, digits and hyphens") }
            guard ids.insert(rule.id).inserted else { throw ctx.fail("\(path()).id", "'\(rule.id)' is used by another rule") }
            guard !rule.message.isBlank else { throw ctx.fail("\(path()).message", "is empty") }
            let when = rule.when
            guard when.crClBelow != nil || when.hepaticImpairment != nil || when.conditionsAny != nil
                || when.medicinesAny != nil || when.ageAtLeast != nil || when.pregnancyPotential != nil
                || when.diagnosesAny != nil || when.ageBelow != nil else {
                throw ctx.fail("\(path()).when", "is empty: the rule would apply to everyone")
            }
            if let days = when.stoppedWithinDays {
                guard when.medicinesAny != nil else {
                    throw ctx.fail("\(path()).when.stoppedWithinDays", "needs medicinesAny: which stopped medicines it counts from")
                }
                guard (1...366).contains(days) else {
                    throw ctx.fail("\(path()).when.stoppedWithinDays", "must be from 1 to 366 days (got \(days))")
                }
            }
            if let crCl = when.crClBelow, crCl <= 0 {
                throw ctx.fail("\(path()).when.crClBelow", "must be above 0 mL/min (got \(crCl))")
            }
            if let age = when.ageAtLeast, !(0...130).contains(age) {
                throw ctx.fail("\(path()).when.ageAtLeast", "must be from 0 to 130 (got \(age))")
            }
            if let age = when.ageBelow, !(1...130).contains(age) {
                throw ctx.fail("\(path()).when.ageBelow", "must be from 1 to 130 (got \(age))")
            }
            /// One list condition: not empty, identifiers, and (for medicines and diagnoses) known terms.
            func checkList(_ list: [String]?, _ name: String, known: Set<String>?, unknown: String) throws {
                guard let list else { return }
                guard !list.isEmpty else { throw ctx.fail("\(path()).when.\(name)", "is empty: the rule could never apply") }
                for (j, item) in list.enumerated() {
                    func itemField() -> String { "\(path()).when.\(name)[\(j)]" }
                    guard isIdentifier(item) else { throw ctx.fail(itemField(), "'\(item)' must be lower-case letters, digits and hyphens") }
                    if let known, !known.contains(item) { throw ctx.fail(itemField(), "'\(item)' \(unknown)") }
                }
            }
            try checkList(when.conditionsAny, "conditionsAny", known: nil, unknown: "")
            try checkList(when.medicinesAny, "medicinesAny", known: vocabulary.medicineTerms,
                          unknown: "is not a medicine or class in medicines.json")
            try checkList(when.diagnosesAny, "diagnosesAny", known: vocabulary.diagnosisTerms,
                          unknown: "is not a diagnosis id or category in diagnoses.json")
        }
    }

    private static func checkTaper(_ taper: TaperProfile, maximum: Milligrams, ctx: Context) throws {
        let path = "taper.value"
        guard taper.minimumDays >= 1 else { throw ctx.fail("\(path).minimumDays", "must be at least 1 day (got \(taper.minimumDays))") }
        guard taper.daysPerStep >= 1 else { throw ctx.fail("\(path).daysPerStep", "must be at least 1 day (got \(taper.daysPerStep))") }
        switch (taper.reductionMg, taper.reductionFraction) {
        case (nil, nil):
            throw ctx.fail(path, "needs reductionMg or reductionFraction")
        case (.some, .some):
            throw ctx.fail(path, "gives both reductionMg and reductionFraction; give one")
        case let (.some(mg), nil):
            guard mg > 0, mg <= maximum else {
                throw ctx.fail("\(path).reductionMg", "must be above 0 and at most the maximum of \(maximum) mg/day (got \(mg))")
            }
        case let (nil, .some(fraction)):
            guard fraction > 0, fraction < 1 else {
                throw ctx.fail("\(path).reductionFraction", "must be between 0 and 1 (got \(fraction))")
            }
        }
        if let long = taper.longUseDays, long < 1 {
            throw ctx.fail("\(path).longUseDays", "must be at least 1 day (got \(long))")
        }
        if let short = taper.shortUseMinimumDays {
            guard short >= 0, short <= taper.minimumDays else {
                throw ctx.fail("\(path).shortUseMinimumDays", "must be from 0 to minimumDays (\(taper.minimumDays)); got \(short)")
            }
        }
        for (i, s) in (taper.taperStrengths ?? []).enumerated() where s.mg <= 0 || s.mg > maximum {
            throw ctx.fail("\(path).taperStrengths[\(i)].mg", "must be above 0 and at most the maximum of \(maximum) mg/day (got \(s.mg))")
        }
    }

    private static func checkSideEffects(_ effects: SideEffects, ctx: Context) throws {
        var ids: Set<String> = []
        var words: [String: String] = [:]  // what a patient may type → the effect it means
        func check(_ list: [SideEffect], _ name: String, redFlags: Bool) throws {
            for (i, effect) in list.enumerated() {
                func path() -> String { "sideEffects.\(name).value[\(i)]" }
                guard isIdentifier(effect.id) else { throw ctx.fail("\(path()).id", "'\(effect.id)' must be lower-case letters, digits and hyphens") }
                guard ids.insert(effect.id).inserted else { throw ctx.fail("\(path()).id", "'\(effect.id)' is listed twice") }
                guard !effect.label.isBlank else { throw ctx.fail("\(path()).label", "is empty") }
                if redFlags, (effect.action ?? "").isBlank {
                    throw ctx.fail("\(path()).action", "is missing: a red flag must tell the patient what to do now")
                }
                func add(_ word: String) throws {
                    let key = word.lowercased().trimmingHorizontalWhitespace()
                    guard !key.isEmpty else { throw ctx.fail("\(path()).aliases", "has an empty alias") }
                    if let other = words[key], other != effect.id {
                        throw ctx.fail("\(path()).aliases", "'\(word)' already means '\(other)'")
                    }
                    words[key] = effect.id
                }
                try add(effect.id)
                for alias in effect.aliases ?? [] { try add(alias) }
            }
        }
        try check(effects.common.value, "common", redFlags: false)
        try check(effects.redFlags.value, "redFlags", redFlags: true)
    }

    // MARK: - Sources

    /// Checks every `sources` list in the value (every Sourced number and every rule) is
    /// non-empty and resolves; of several bad lists, reports the first in sorted-key order.
    private static func checkSourceTags<T: SourceListed>(in value: T, prefix: String = "", known: Set<String>, ctx: Context) throws {
        var visitor = SourceListVisitor(prefix: prefix)
        value.visitSourceLists(&visitor)
        var first: SourceList?
        for list in visitor.lists where list.tags.isEmpty || !list.tags.allSatisfy({ known.contains($0) }) {
            if let current = first, !SourceListVisitor.walkOrder(list.path, current.path) { continue }
            first = list
        }
        if let first {
            try checkSources(first.tags, field: JSONPathComponent.render(first.path), known: known, ctx: ctx)
        }
    }

    private static func checkSources(_ tags: [String], field: String, known: Set<String>, ctx: Context) throws {
        let path = field.isEmpty ? "sources" : "\(field).sources"
        guard !tags.isEmpty else { throw ctx.fail(path, "is empty: every clinical value needs at least one source") }
        for (i, tag) in tags.enumerated() where !known.contains(tag) {
            throw ctx.fail("\(path)[\(i)]", "'\(tag)' is not in sources.json")
        }
    }

    // MARK: - Helpers

    struct Context {
        var file: String
        var drug: String?

        func fail(_ field: String, _ problem: String) -> PainLadderError {
            .invalidFormulary(file: file, drug: drug, field: field, problem: problem)
        }
    }

    /// The words rules may use.
    struct Vocabulary {
        var drugIds: [String]
        var medicineTerms: Set<String>
        var diagnosisTerms: Set<String>

        init(_ formulary: Formulary) {
            drugIds = formulary.drugs.map(\.id)
            medicineTerms = Set(formulary.medicineClasses.keys).union(formulary.medicineClasses.values.joined())
            diagnosisTerms = Set(formulary.diagnoses.map(\.id)).union(FormularyValidator.diagnosisCategories)
        }
    }

    /// Lower-case ASCII letters, digits and inner hyphens. Checked on the UTF-8 bytes (any
    /// other byte, including every byte of a non-ASCII character, fails), not through
    /// Character properties: validation asks this hundreds of times per command.
    static func isIdentifier(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last,
              first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        return utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
    }

    fileprivate static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    private static func describe(_ strengths: [Strength]) -> String {
        strengths.map { "\($0.mg) mg \($0.form)" }.joined(separator: ", ")
    }
}
