import Foundation

/// `switch DRUG`: ends the current course with its outcome and plans the next one.
///
/// 1. Refusals: the same drug; a drug already tried and stopped as not effective or not
///    tolerated (unless `tried-before` is overridden); a cross-taper the formulary's pair
///    guidance refuses (gabapentin ↔ pregabalin: it would double the gabapentinoid); a
///    direct switch between drugs with no conversion; a new drug that a hard stop rules out
///    for this patient (unless `ruled-out` is overridden, rule by rule).
/// 2. The old drug: its taper from today, exactly as `stop` (``StopDecision``), or an abrupt
///    stop with `--abrupt`; a course already tapering keeps its taper. A direct switch has no
///    taper: the old drug's last dose is today.
/// 3. The new course, built by ``ScheduleBuilder`` for this patient (standard, elderly or
///    renal-band start and maximum), starts:
///    - `sequential` (default): on the old drug's stop date;
///    - `cross-taper`: today, day 1 of the taper, at its usual (low) first step; where the
///      pair says so, its step-ups wait until the old dose has fallen by the given fraction
///      (gabapentin → duloxetine: 60 mg once gabapentin is halved);
///    - `direct`: tomorrow, at the step of the new schedule nearest below the converted dose
///      (the conversion table, with its status), never above this patient's maximum.
/// 4. Warnings, shown and recorded on both courses' decision: the new drug's cautions for
///    this patient (with the old drug as a co-medicine while it can still act: while they
///    overlap, or within the pair's `oldDrugActsForDays` of its last dose, e.g. amitriptyline
///    and duloxetine: serotonin syndrome and CYP2D6), the old drug's cautions that adds, the
///    pair's warnings, and any hard stop overridden. The pair's cross-taper advice is
///    returned only for a cross-taper.
/// 5. Reviews: the new course's early review from the day it starts (or `--next-review`).
enum SwitchPlanner {
    static func decide(_ r: DecisionRequest, _ c: DecisionContext) throws -> DecisionResult {
        let old = try c.formulary.drug(c.course.drug)
        let new = try c.formulary.drug(r.switchTo!)
        guard new.id != old.id else {
            throw PainLadderError.invalidValue(field: .switchTo, given: r.switchTo!, allowed: "a drug other than the current one (\(old.id))")
        }
        let switching = c.formulary.switching
        let pair = switching?.pair(from: old.id, to: new.id)
        let outcome = r.outcome ?? c.course.outcome!
        var used: [(OverrideLimit, String)] = []

        if let tried = c.courses.last(where: { $0.drug == new.id && $0.id != c.course.id
            && ($0.outcome == .notEffective || $0.outcome == .notTolerated) }) {
            guard r.overrides.contains(.triedBefore) else {
                throw PainLadderError.notPossible(
                    "switch: \(new.name) was already tried (course \(tried.id ?? 0) from \(tried.startDate)) and stopped as "
                        + "\(tried.outcome!.rawValue); to try it again add \(.override) tried-before with \(.overrideReason)")
            }
            used.append((.triedBefore, "\(OverrideLimit.triedBefore.recordedName):\(new.id)"))
        } else if let prior = c.patient.priorTreatments?.last(where: { $0.drug == new.id && $0.failed }) {
            guard r.overrides.contains(.triedBefore) else {
                throw PainLadderError.notPossible(
                    "switch: \(new.name) was already tried before PainLadder (until \(prior.until)) and stopped as "
                        + "\(prior.outcome.rawValue); to try it again add \(.override) tried-before with \(.overrideReason)")
            }
            used.append((.triedBefore, "\(OverrideLimit.triedBefore.recordedName):\(new.id)"))
        }

        var conversion: DoseConversion?
        switch r.mode {
        case .crossTaper:
            if let pair, !pair.crossTaper.allowed {
                throw PainLadderError.notPossible("switch \(.crossTaper) refused: \(pair.crossTaper.message) \(pair.crossTaper.citation)")
            }
        case .direct:
            guard !r.abrupt else {
                throw PainLadderError.conflictingValues(field: .abrupt, with: .direct,
                                                   allowed: "\(.sequential) or \(.crossTaper) (a direct switch already stops the old drug overnight)")
            }
            guard let id = pair?.directConversion, let table = switching?.conversion(id: id) else {
                let offered = (switching?.pairs ?? []).filter { $0.directConversion != nil }.map { "\($0.from) → \($0.to)" }
                throw PainLadderError.invalidValue(
                    field: .direct, given: "\(old.id) → \(new.id)",
                    allowed: offered.isEmpty ? "no direct switch (the formulary has no dose conversion)"
                        : "only where the formulary gives a dose conversion: \(offered.joined(separator: ", "))")
            }
            conversion = table
        case .sequential:
            break
        }

        // The old drug.
        let current = c.plan.step(on: c.today)
        var taper: TaperPlan
        var oldOverrides: [Override] = []
        if r.mode == .direct {
            guard let current, !current.administrations.isEmpty, c.course.status != .tapering else {
                throw PainLadderError.notPossible(
                    "switch \(.direct): \(old.name) has no steady dose today to convert (\(c.course.status == .tapering ? "it is tapering" : "not started")); use \(.sequential)")
            }
            taper = TaperPlan(drug: old.id, fromDailyMg: current.dailyTotal, daysOnDrug: max(0, c.course.startDate.days(to: c.today)),
                              longUse: nil, minimumDays: 0, steps: [], stopDate: c.today.adding(days: 1), abrupt: false,
                              direct: true, rule: old.taper,
                              note: "Direct switch: the last dose of \(old.name) is today; \(new.name) starts tomorrow at the converted dose.")
        } else {
            (taper, oldOverrides) = try StopDecision.taperOrStop(r, c, drug: old)
        }
        let overlaps = r.mode == .crossTaper && taper.stopDate > c.today
        let start: LocalDate = switch r.mode {
        case .sequential: taper.stopDate
        case .crossTaper: c.today
        case .direct: c.today.adding(days: 1)
        }

        // The new drug, for this patient; hard stops refuse unless overridden one by one.
        var formulary = c.formulary
        var overridden: [SafetyFinding] = []
        var startOverrides: Set<StartOverride> = []
        var schedule: Schedule
        while true {
            do {
                schedule = try ScheduleBuilder.build(formulary: formulary, drugID: new.id, variantID: nil, patient: c.patient,
                                                     startDate: start, times: nil, alsoTaking: overlaps ? [old.id] : [],
                                                     overrides: startOverrides)
                break
            } catch let PainLadderError.hardStop(drug, rule, message, sources) {
                guard r.overrides.contains(.ruledOut) else {
                    throw PainLadderError.notPossible(
                        "switch: \(PainLadderError.hardStop(drug: drug, rule: rule, message: message, sources: sources).description); "
                            + "to switch anyway add \(.override) ruled-out with \(.overrideReason)")
                }
                let status = (formulary.pathway.rules + new.rules).first { $0.id == rule }?.status ?? .confirmed
                overridden.append(SafetyFinding(drug: drug, rule: rule, kind: .hardStop, message: message, sources: sources, status: status))
                used.append((.ruledOut, "\(OverrideLimit.ruledOut.recordedName):\(rule)"))
                // Age and unknown kidney function pass as at start (shown as unlicensed, or capped);
                // any other rule is taken out of the formulary for this build.
                let known = (formulary.pathway.rules + new.rules).first { $0.id == rule }
                if let start = StartOverride.allCases.first(where: { $0.passes(known, id: rule) }), !startOverrides.contains(start) {
                    startOverrides.insert(start)
                } else {
                    formulary = without(rule: rule, drug: new.id, in: formulary)
                }
            }
        }
        let newOverrides = try Decisions.overrides(used: used, r, c)

        var details: [String: String] = ["from": old.id, "to": new.id, "mode": r.mode.rawValue, "outcome": outcome.rawValue,
                                         "stopDate": taper.stopDate.description, "newCourseStarts": start.description]
        if taper.abrupt { details["abrupt"] = "yes" }

        // How the conversion reads for this dose (shown whatever the mode; used for the dose when direct).
        var use: ConversionUse?
        if let table = conversion ?? switching?.conversion(between: old.id, and: new.id), let dose = current?.dailyTotal, dose > 0 {
            let converted = table.convert(dose, from: old.id)
            use = ConversionUse(table: table, fromDrug: old.id, fromMg: dose, toDrug: new.id, toMg: converted?.mg,
                                row: converted?.row, usedForDose: r.mode == .direct)
            details["conversion"] = use!.summary
        }
        if r.mode == .direct {
            guard let target = use?.toMg else {
                throw PainLadderError.notPossible("switch \(.direct): \(use?.summary ?? "no conversion"); use \(.sequential)")
            }
            schedule = startingAt(target, schedule, start: start, drug: new)
            details["directStartMg"] = String(schedule.plannedSteps.first?.dailyTotal ?? 0)
        }
        if overlaps, let fraction = pair?.newStepUpAfterOldReducedBy, schedule.steps.count > 1 {
            let threshold = Double(taper.fromDailyMg) * (1 - fraction.value)
            let reached = taper.steps.first { Double($0.dailyTotal) <= threshold }?.startDate ?? taper.stopDate
            let shift = max(0, schedule.steps[1].startDate.days(to: reached))
            for i in schedule.steps.indices.dropFirst() {
                schedule.steps[i].startDate = schedule.steps[i].startDate.adding(days: shift)
            }
            details["newStepUpFrom"] = schedule.steps[1].startDate.description
        }

        // The old drug can still act when the new one starts: the plans overlap, or the pair's
        // wash-out has not passed since the old drug's last dose (amitriptyline and its active
        // metabolite after a sequential switch to duloxetine).
        let stillActs = overlaps || (pair?.oldDrugActs(on: start, stopDate: taper.stopDate) ?? false)
        var warnings = schedule.cautions + overridden
        if stillActs && !overlaps {
            // The schedule was built without the old drug (a hard stop for a co-medicine the
            // patient no longer takes would refuse a switch that is safe): its cautions only.
            let alone = Set(schedule.cautions.map(\.rule))
            warnings += SafetyEvaluator.evaluate(new, for: c.patient, on: start, in: formulary, alsoTaking: [old.id])
                .filter { $0.kind == .caution && !alone.contains($0.rule) }
        }
        if stillActs {
            let alone = Set(SafetyEvaluator.evaluate(old, for: c.patient, on: c.today, in: c.formulary).map(\.rule))
            warnings += SafetyEvaluator.evaluate(old, for: c.patient, on: c.today, in: c.formulary, alsoTaking: [new.id])
                .filter { $0.kind == .caution && !alone.contains($0.rule) }
        }
        warnings += (pair?.warnings ?? []).filter { $0.when == .always || stillActs }.map { $0.finding(from: old.id, to: new.id) }
        var seen: Set<String> = []
        warnings = warnings.filter { seen.insert("\($0.drug)/\($0.rule)").inserted }

        let decision = Decision(kind: .switch, by: r.by, reason: r.reason, details: details, warnings: warnings)
        let what = taper.abrupt ? "stopped at once" : "last dose \(taper.stopDate.adding(days: -1))"
        let oldPlan = Decisions.nextVersion(c, r, schedule: StopDecision.scheduleEnding(in: taper, plan: c.plan, today: c.today, drug: old),
                                            reason: "switching to \(new.name) (\(r.mode.rawValue), \(outcome.rawValue)); \(what): \(r.reason)",
                                            holdReason: nil, newOverrides: oldOverrides, nextReview: nil, decision: decision)
        let review = r.nextReview ?? ReviewSchedule.next(after: .switch, drug: new, from: start)
        let first = schedule.plannedSteps.first?.dailyTotal ?? 0
        let newCourse = Course(patientID: c.patient.id, drug: new.id, variant: schedule.variant, startDate: start,
                               status: schedule.titrationStatus(held: false, today: start, current: first),
                               createdAt: c.now, createdBy: r.by)
        let newPlan = PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: c.now, author: r.by,
                                  reason: "started by switching from \(old.name) (\(r.mode.rawValue)): \(r.reason)",
                                  schedule: schedule, effectiveFrom: start,
                                  effectiveTime: PlanVersion.effectiveTime(at: c.now, on: start, zone: c.patient.zone),
                                  overrides: newOverrides, nextReviewDate: review,
                                  decision: decision)
        return DecisionResult(decision: decision, plan: oldPlan, courseStatus: taper.stopDate <= c.today ? .stopped : .tapering,
                              outcome: outcome, taper: taper, newCourse: newCourse, newPlan: newPlan, conversion: use,
                              // The pair's advice is about a cross-taper: shown only for one.
                              guidance: r.mode == .crossTaper ? pair?.crossTaper : nil)
    }

    /// The formulary without one safety rule (a hard stop a clinician overrode for this switch).
    static func without(rule: String, drug: String, in formulary: Formulary) -> Formulary {
        var f = formulary
        f.pathway.rules.removeAll { $0.id == rule }
        if let i = f.drugs.firstIndex(where: { $0.id == drug }) { f.drugs[i].rules.removeAll { $0.id == rule } }
        return f
    }

    /// The schedule from its highest step at or below `target` mg/day (its first step when
    /// all are above), dated from `start` with the usual spacing.
    static func startingAt(_ target: Milligrams, _ schedule: Schedule, start: LocalDate, drug: Drug) -> Schedule {
        let steps = schedule.steps
        guard let index = steps.lastIndex(where: { $0.dailyTotal <= target }), index > 0 else { return schedule }
        let plan = PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: .distantPast, author: "", reason: "",
                               schedule: schedule, effectiveFrom: start)
        let layout = PlanLayout(plan: plan, today: start, fallbackDays: drug.variants.first?.daysBetweenSteps.value.usual ?? 7)
        var first = steps[index]
        first.beyondTarget = false
        let laid = layout.relaid([(first, layout.duration(of: steps[index]))]
                                    + steps[(index + 1)...].map { ($0, layout.duration(of: $0)) }, from: start)
        return layout.schedule(with: laid)
    }
}
