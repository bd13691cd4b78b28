import Foundation
import SeededRandom
import Testing
@testable import FormularyData
@testable import PainLadder

/// Issue 12: over 3,000 random patients (``SafetyCaseGenerator``) and every drug, with
/// and without the start overrides and a local cap, a plan is never above a cap that applies,
/// never steps sooner than a minimum that applies, never starts what a hard stop forbids, and
/// is at or below every single titration profile that applies, step by step and day by day.
/// Every refusal is one line naming its rule and source. The limits are worked out here from
/// the formulary directly, not through ``DoseLimits`` or ``CautiousTitration``.
@Suite struct PatientSafetyPropertyTests {
    let formulary: Formulary
    let oracle: HardStopOracle
    init() throws {
        formulary = try FormularyLoader.bundled()
        oracle = try HardStopOracle()
    }

    struct Tally {
        var built = 0, capped = 0, unlicensed = 0, hardStops = 0, renalRefusals = 0, notPossible = 0, merged = 0
        /// Starts the oracle forbids by a brand name, a generic name or a recent MAOI.
        var byBrand = 0, recentMAOI = 0, oracleStops = 0
    }

    @Test func randomPatientsStayWithinEveryLimit() throws {
        var rng = SplitMix(seed: 20261202)
        let generator = SafetyCaseGenerator()
        var tally = Tally()
        for _ in 0..<3_000 {
            let patient = generator.patient(&rng, formulary: formulary)
            for drug in formulary.drugs {
                var f = formulary
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    f.localCaps[drug.id] = Sourced(Int.random(in: 1...drug.maximumDailyDose.value, using: &rng), sources: ["LOCAL"], status: .local)
                }
                let overrides = Set(StartOverride.allCases.filter { _ in Bool.random(using: &rng) })
                try check(drug, patient, f, overrides: overrides, tally: &tally)
            }
        }
        // The generator reaches every outcome.
        #expect(tally.built > 1_000 && tally.capped > 20 && tally.unlicensed > 20 && tally.hardStops > 100
                && tally.renalRefusals > 100 && tally.merged > 100, "\(tally)")
        #expect(tally.byBrand > 50 && tally.recentMAOI > 50 && tally.oracleStops > 200, "\(tally)")
    }

    func check(_ drug: Drug, _ p: Patient, _ f: Formulary, overrides: Set<StartOverride>, tally: inout Tally) throws {
        let date = SafetyCaseGenerator.start
        let context = Comment(rawValue: "\(drug.id), overrides \(overrides.map(\.rawValue).sorted()), \(p)")
        let rules = f.pathway.rules + drug.rules
        let stops = SafetyEvaluator.evaluate(drug, for: p, on: date, in: f).filter { $0.kind == .hardStop }
        let passable = { (rule: String) in overrides.contains { $0.passes(rules.first { $0.id == rule }, id: rule) } }
        let crCl = p.creatinineClearance(on: date, in: f)
        let renalUnknown = crCl == nil && f.pathway.renalFunctionUnknown != nil
            && (!drug.renalBands.isEmpty || rules.contains { $0.kind == .hardStop && $0.when.crClBelow != nil })

        // What the oracle forbids (brand names, recent MAOIs) is among the evaluator's hard
        // stops, and no override passes it: the start must be refused.
        let mustStop = oracle.forbidden(drug.id, p, on: date)
        for rule in mustStop {
            #expect(stops.contains { $0.rule == rule } && !passable(rule), "\(rule) missing: \(context)")
        }
        if !mustStop.isEmpty {
            tally.oracleStops += 1
            if mustStop.contains(where: { $0.hasSuffix("recently-stopped") }) { tally.recentMAOI += 1 }
            let brands = Set(f.medicineNames.flatMap(\.names).map { $0.lowercased() })
            if p.medicines.contains(where: { brands.contains($0.lowercased()) }) { tally.byBrand += 1 }
        }

        let schedule: Schedule
        do {
            schedule = try ScheduleBuilder.build(formulary: f, drugID: drug.id, variantID: nil, patient: p, startDate: date,
                                                 times: nil, overrides: overrides)
        } catch let error as PainLadderError {
            let line = error.description
            #expect(!line.contains("\n"), context)
            switch error {
            case let .hardStop(_, rule, _, sources):
                #expect(!sources.isEmpty && line.contains("rule \(rule)") && line.contains("source \(sources[0])"), context)
                if rule == SafetyEvaluator.renalFunctionUnknownRule {
                    #expect(renalUnknown && !overrides.contains(.kidneyFunctionUnknown), context)
                    tally.renalRefusals += 1
                } else {
                    #expect(stops.contains { $0.rule == rule } && !passable(rule), context)
                    tally.hardStops += 1
                }
            case .invalidValue(field: .override, _, _):
                // An override nothing needed.
                break
            case .notPossible:
                tally.notPossible += 1
            default:
                Issue.record("unexpected refusal \(line): \(context)")
            }
            return
        }
        tally.built += 1
        #expect(mustStop.isEmpty, "started although \(mustStop) forbids it: \(context)")

        // Nothing started that a hard stop forbids: every one was passed by an override and is shown.
        for stop in stops {
            #expect(passable(stop.rule), context)
            #expect(schedule.standingNotices.contains { $0.rule == Schedule.overriddenPrefix + stop.rule }, context)
            tally.unlicensed += 1
        }
        #expect(!renalUnknown || overrides.contains(.kidneyFunctionUnknown), context)

        // The caps that apply, independently: drug, variant, renal band (the real one, or the
        // lowest while kidney function is unknown for an older or frail patient), band titration, local cap.
        let variant = p.frail ? (drug.variant("elderly") ?? drug.variant("standard")!) : drug.variant("standard")!
        var band = crCl.flatMap { c in drug.renalBands.first { $0.contains(c) } }
        if renalUnknown, let policy = f.pathway.renalFunctionUnknown?.value,
           p.age(on: date) >= policy.capFromAge || (p.frail && policy.capWhenFrail) {
            band = drug.renalBands.min { $0.maximumDailyDose.value < $1.maximumDailyDose.value }
            if band != nil {
                #expect(schedule.standingNotices.contains { $0.rule == RenalPrecondition.cappedRule }, context)
                tally.capped += 1
            }
        }
        var caps = [drug.maximumDailyDose.value]
        if let m = variant.maximumDailyDose?.value { caps.append(m) }
        if let band { caps.append(band.maximumDailyDose.value) }
        if let m = band?.titration?.maximumDailyDose?.value { caps.append(m) }
        if let m = f.localCaps[drug.id]?.value { caps.append(m) }
        let cap = caps.min()!
        #expect(schedule.maximumDailyDose.value == cap, context)
        #expect(schedule.steps.allSatisfy { $0.dailyTotal <= cap }, context)

        // Every profile that applies, and for each step position its minimum days.
        let profiles = [variant] + [band?.titration].compactMap { $0 }
        if profiles.count > 1 { tally.merged += 1 }
        // A step at the cap itself exists only when the products can make that dose.
        let capMade = schedule.steps.contains { $0.dailyTotal == cap }
        for (k, step) in schedule.steps.enumerated() {
            for profile in profiles {
                // A listed step's own minimum while the profile's own plan still has a step k; its general one after.
                let listed = profile.steps.value
                let own = Self.plan(profile, cap: cap, capMade: capMade, from: date).count
                let minimum = k < listed.count && k < own ? (listed[k].minimumDays ?? profile.daysBetweenSteps.value.minimum)
                                                          : profile.daysBetweenSteps.value.minimum
                #expect(step.minimumDays >= minimum, "step \(k + 1) minimum \(step.minimumDays) < \(profile.id)'s \(minimum): \(context)")
            }
            if k + 1 < schedule.steps.count {
                #expect(step.startDate.days(to: schedule.steps[k + 1].startDate) >= step.minimumDays, context)
                #expect(step.dailyTotal < schedule.steps[k + 1].dailyTotal, context)
            }
        }

        // Never faster or higher than a single profile: step k is no higher than each profile's
        // step k (its own plan up to the cap) and starts no earlier.
        for profile in profiles {
            let alone = Self.plan(profile, cap: cap, capMade: capMade, from: date)
            for (k, step) in schedule.steps.enumerated() where k < alone.count {
                #expect(step.dailyTotal <= alone[k].dose, "step \(k + 1) \(step.dailyTotal) above \(profile.id)'s \(alone[k].dose): \(context)")
                #expect(step.startDate >= alone[k].from, "step \(k + 1) on \(step.startDate) before \(profile.id)'s \(alone[k].from): \(context)")
            }
        }
    }

    /// One profile's own plan, as its data reads: the listed steps, then `thenIncrement` steps,
    /// a step above the cap replaced by one at the cap (when `capMade`); each lasting its usual days.
    static func plan(_ profile: TitrationVariant, cap: Milligrams, capMade: Bool, from start: LocalDate) -> [(dose: Milligrams, from: LocalDate)] {
        var doses: [(Milligrams, Int)] = []
        let interval = profile.daysBetweenSteps.value
        for step in profile.steps.value {
            let days = max(step.usualDays ?? interval.usual, step.minimumDays ?? interval.minimum)
            if step.dailyDose > cap {
                if capMade, cap > (doses.last?.0 ?? 0) { doses.append((cap, days)) }
                break
            }
            doses.append((step.dailyDose, days))
        }
        if let increment = profile.thenIncrement?.value, let last = doses.last?.0, last < cap,
           doses.count == profile.steps.value.count {
            var total = last
            while total + increment <= cap {
                total += increment
                doses.append((total, max(interval.usual, interval.minimum)))
            }
            if capMade, total < cap { doses.append((cap, max(interval.usual, interval.minimum))) }
        }
        var date = start
        return doses.map { dose, days in
            defer { date = date.adding(days: days) }
            return (dose, date)
        }
    }
}
