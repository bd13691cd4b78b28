/// `stop`: the course ends with its outcome, through the drug's taper (``TaperBuilder``).
///
/// The new plan keeps the steps lived so far, then the taper's reduced doses from today, then
/// a last step with no dose on the stop date. The course becomes `tapering` (with its
/// outcome recorded now) and counts as stopped from the stop date on; a taper that ends today
/// (nothing lower to step down to) stops the course at once. An abrupt stop (`--abrupt`, with
/// an override reason, e.g. a serious reaction) has no taper: no dose from today, the course
/// `stopped` at once, and an ``Override`` with limit `taper` on the plan.
enum StopDecision {
    static func decide(_ r: DecisionRequest, _ c: DecisionContext) throws -> DecisionResult {
        let drug = try c.formulary.drug(c.course.drug)
        let (taper, overrides) = try taperOrStop(r, c, drug: drug)
        let outcome = r.outcome ?? c.course.outcome!
        let review = r.nextReview ?? ReviewSchedule.next(after: .stop, drug: drug, from: c.today)
        var details = ["outcome": outcome.rawValue, "stopDate": taper.stopDate.description,
                       "taperDays": String(taper.days), "nextReview": review.description]
        if taper.abrupt { details["abrupt"] = "yes" }
        let decision = Decision(kind: .stop, by: r.by, reason: r.reason, details: details)
        let schedule = scheduleEnding(in: taper, plan: c.plan, today: c.today, drug: drug)
        let what = taper.abrupt ? "stopped at once" : taper.steps.isEmpty ? "stopped" : "tapering to a stop on \(taper.stopDate)"
        let plan = Decisions.nextVersion(c, r, schedule: schedule, reason: "\(what) (\(outcome.rawValue)): \(r.reason)",
                                         holdReason: nil, newOverrides: overrides, nextReview: review, decision: decision)
        return DecisionResult(decision: decision, plan: plan, courseStatus: taper.stopDate <= c.today ? .stopped : .tapering,
                              outcome: outcome, taper: taper)
    }

    /// The course's taper from today, or its abrupt stop with the override that allows it.
    /// A course already tapering keeps its taper (only an abrupt stop changes it).
    static func taperOrStop(_ r: DecisionRequest, _ c: DecisionContext, drug: Drug) throws -> (TaperPlan, [Override]) {
        let maker = StepMaker(drug: drug, schedule: c.plan.schedule)
        let current = c.plan.step(on: c.today)
        let used = max(0, c.course.startDate.days(to: c.today))
        if r.abrupt {
            let taper = TaperPlan(drug: drug.id, fromDailyMg: current?.dailyTotal ?? 0, daysOnDrug: used, longUse: nil,
                                  minimumDays: 0, steps: [], stopDate: c.today, abrupt: true, direct: false, rule: drug.taper,
                                  note: "Stopped without a taper: \(r.overrideReason ?? r.reason)")
            return (taper, [Override(limit: "taper", by: r.by, reason: r.overrideReason ?? r.reason, at: c.now)])
        }
        if c.course.status == .tapering, let stop = c.plan.schedule.stopDate {
            let remaining = c.plan.schedule.plannedSteps.filter { $0.startDate >= c.today && !$0.administrations.isEmpty }
            var steps = remaining
            if let inForce = current, !inForce.administrations.isEmpty, inForce.startDate < c.today { steps.insert(inForce, at: 0) }
            let taper = TaperPlan(drug: drug.id, fromDailyMg: steps.first?.dailyTotal ?? 0, daysOnDrug: used, longUse: nil,
                                  minimumDays: 0, steps: steps, stopDate: stop, abrupt: false, direct: false, rule: drug.taper,
                                  note: "The taper decided earlier goes on unchanged.")
            return (taper, [])
        }
        guard let current, !current.administrations.isEmpty else {
            // Not started yet: nothing to taper.
            let taper = TaperPlan(drug: drug.id, fromDailyMg: 0, daysOnDrug: 0, longUse: nil, minimumDays: 0, steps: [],
                                  stopDate: c.today, abrupt: false, direct: false, rule: drug.taper,
                                  note: "The course had not started, so there is nothing to taper.")
            return (taper, [])
        }
        return (TaperBuilder.build(drug: drug, maker: maker, from: current, courseStart: c.course.startDate, today: c.today), [])
    }

    /// The plan's lived steps, then the taper, then the stop step (the first day with no dose).
    static func scheduleEnding(in taper: TaperPlan, plan: PlanVersion, today: LocalDate, drug: Drug) -> Schedule {
        let layout = PlanLayout(plan: plan, today: today, fallbackDays: drug.taper.value.daysPerStep)
        let firstChange = taper.steps.first?.startDate ?? taper.stopDate
        let lived = layout.kept.filter { $0.startDate < firstChange }
        let stop = TitrationStep(number: 0, startDate: taper.stopDate, administrations: [], minimumDays: 0, beyondTarget: false)
        return layout.schedule(with: lived + taper.steps + [stop])
    }
}
