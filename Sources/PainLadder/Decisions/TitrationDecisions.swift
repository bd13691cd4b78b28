/// The decisions that keep a course going: `continue`, `hold`, `reduce`, `increase`, `refer`.
///
/// - `continue` lifts a hold. The steps still to come are moved so the next one starts no
///   earlier than today, nor before the current step has lasted its minimum days (nor before
///   its planned date); later steps keep their spacing. Without a hold the plan goes on as it is.
/// - `hold` stays at the current dose: the plan is kept and step-ups wait for a later decision.
/// - `reduce` goes back to the previous planned step (or a named dose below the current one
///   that is a step of the schedule or that the products can make) from today. The steps
///   back up are listed after it, and wait (a hold) until a later decision.
/// - `increase` starts the next step today (a step above the usual target included). It is
///   refused sooner than the current step's minimum days unless `minimum-interval` is
///   overridden, and never goes above this patient's maximum unless `maximum-dose` is
///   overridden with a named `--dose` the products can make. A dose between the current
///   one and the next step is allowed; more than one step up is not. A held plan stays held.
/// - `refer` records a referral to a specialist pain service; the plan is unchanged.
enum TitrationDecisions {
    static func decide(_ r: DecisionRequest, _ c: DecisionContext) throws -> DecisionResult {
        let drug = try c.formulary.drug(c.course.drug)
        let maker = StepMaker(drug: drug, schedule: c.plan.schedule)
        let layout = PlanLayout(plan: c.plan, today: c.today, fallbackDays: maker.daysBetweenSteps.value.usual)
        let heldBefore = c.plan.holdReason

        func result(_ schedule: Schedule, reason: String, hold: String?, status: Course.Status,
                    details: [String: String], overrides: [Override] = []) -> DecisionResult {
            var details = details
            let kind = ReviewSchedule.kind(for: Decision(kind: r.kind, by: r.by, reason: r.reason, details: details))
            let review = r.nextReview ?? ReviewSchedule.next(kind, drug: drug, from: c.today)
            details["nextReview"] = review.description
            let decision = Decision(kind: r.kind, by: r.by, reason: r.reason, details: details)
            let plan = Decisions.nextVersion(c, r, schedule: schedule, reason: reason, holdReason: hold,
                                             newOverrides: overrides, nextReview: review, decision: decision)
            return DecisionResult(decision: decision, plan: plan, courseStatus: status)
        }
        func status(of schedule: Schedule, held: Bool) -> Course.Status {
            schedule.titrationStatus(held: held, today: c.today, current: schedule.step(on: c.today)?.dailyTotal ?? 0)
        }
        func requireCurrent() throws -> TitrationStep {
            guard let current = layout.current else {
                let start = c.plan.schedule.plannedSteps.first?.startDate.description ?? "a later date"
                throw PainLadderError.notPossible(
                    "\(drug.name) (course \(c.course.id ?? 0)) starts on \(start); there is no dose in force to \(r.kind.rawValue) yet")
            }
            return current
        }

        switch r.kind {
        case .continue:
            let schedule = layout.schedule(with: layout.kept + layout.following(notBefore: c.today))
            var details: [String: String] = [:]
            if let heldBefore { details["holdLifted"] = heldBefore }
            if let next = schedule.plannedSteps.first(where: { $0.startDate >= c.today && $0.dailyTotal > (layout.current?.dailyTotal ?? 0) }) {
                details["nextStep"] = "\(Decisions.mg(next.dailyTotal)) from \(next.startDate)"
            }
            return result(schedule, reason: heldBefore == nil ? "continue: \(r.reason)" : "hold lifted: \(r.reason)",
                          hold: nil, status: status(of: schedule, held: false), details: details)

        case .hold:
            // A step up due later today has not begun: the hold keeps the dose before it.
            let time = PlanVersion.effectiveTime(at: c.now, on: c.today, zone: c.patient.zone)
            let current = try time.flatMap { c.plan.stepInForce(on: c.today, at: $0) } ?? requireCurrent()
            let hold = "held at \(Decisions.mg(current.dailyTotal)) by \(r.by) on \(c.today): \(r.reason)"
            return result(layout.unchangedFromToday, reason: hold, hold: hold, status: .held,
                          details: ["atMg": String(current.dailyTotal)])

        case .reduce:
            let current = try requireCurrent()
            let from = current.dailyTotal
            let (target, days) = try reducedStep(r, c, layout: layout, maker: maker, current: current)
            // The way back up: the doses lived between the new dose and the current one, then the steps to come.
            var ups: [TitrationStep] = []
            for step in layout.kept.reversed() where step.dailyTotal > target.dailyTotal && step.dailyTotal <= from
                && !ups.contains(where: { $0.dailyTotal == step.dailyTotal }) {
                ups.insert(step, at: 0)
            }
            ups += layout.following.filter { $0.dailyTotal > from }
            let laid = layout.relaid([(target, days)] + ups.map { ($0, layout.duration(of: $0)) }, from: c.today)
            let schedule = layout.schedule(with: layout.keptBeforeToday + laid)
            let hold = "reduced from \(Decisions.mg(from)) to \(Decisions.mg(target.dailyTotal)) by \(r.by) on \(c.today): \(r.reason); step-ups wait for a clinician's decision"
            return result(schedule, reason: hold, hold: hold, status: .held,
                          details: ["fromMg": String(from), "toMg": String(target.dailyTotal)])

        case .increase:
            let current = try requireCurrent()
            let (step, days, rest, used) = try increasedStep(r, c, drug: drug, layout: layout, maker: maker, current: current)
            let overrides = try Decisions.overrides(used: used, r, c)
            var first = step
            first.beyondTarget = false
            let laid = layout.relaid([(first, days)] + rest.map { ($0, layout.duration(of: $0)) }, from: c.today)
            let schedule = layout.schedule(with: layout.keptBeforeToday + laid)
            var details = ["fromMg": String(current.dailyTotal), "toMg": String(first.dailyTotal)]
            if !overrides.isEmpty { details["overrides"] = overrides.map(\.limit).joined(separator: ", ") }
            if heldBefore != nil { details["stillHeld"] = "yes" }
            let reason = "increased from \(Decisions.mg(current.dailyTotal)) to \(Decisions.mg(first.dailyTotal)): \(r.reason)"
            return result(schedule, reason: reason, hold: heldBefore, status: status(of: schedule, held: heldBefore != nil),
                          details: details, overrides: overrides)

        case .refer:
            let schedule = c.course.status == .stopped ? c.plan.schedule : layout.unchangedFromToday
            return result(schedule, reason: "referred to a specialist pain service: \(r.reason)", hold: heldBefore,
                          status: c.course.status, details: ["to": "specialist pain service"])

        default:
            throw PainLadderError.internalError("TitrationDecisions cannot decide \(r.kind.rawValue)")
        }
    }

    /// The step `reduce` goes back to, and how long it usually lasts.
    static func reducedStep(_ r: DecisionRequest, _ c: DecisionContext, layout: PlanLayout, maker: StepMaker,
                            current: TitrationStep) throws -> (TitrationStep, Int) {
        let from = current.dailyTotal
        let lower = Array(Set(c.plan.schedule.steps.map(\.dailyTotal).filter { $0 < from })).sorted()
        if let dose = r.doseMg {
            guard dose < from else {
                throw PainLadderError.invalidValue(field: .dose, given: "\(dose)",
                                                   allowed: "a daily dose below the current \(Decisions.mg(from)) (to stay at it, use 'hold')")
            }
            if let known = c.plan.schedule.steps.last(where: { $0.dailyTotal == dose }) {
                var step = known
                step.startDate = c.today
                step.beyondTarget = false
                return (step, layout.duration(of: known))
            }
            guard let made = maker.step(dose, from: c.today, minimumDays: maker.daysBetweenSteps.value.minimum) else {
                throw PainLadderError.invalidValue(
                    field: .dose, given: "\(dose)",
                    allowed: "a daily dose the products can make (\(lower.map(String.init).joined(separator: ", ")) mg/day are steps of this plan)")
            }
            return (made, maker.daysBetweenSteps.value.usual)
        }
        guard let previous = layout.kept.dropLast().last(where: { $0.dailyTotal < from }) else {
            throw PainLadderError.notPossible(
                "reduce: \(Decisions.mg(from)) is the first step of this plan; there is no previous step (name a lower dose with \(.dose), or use 'stop')")
        }
        var step = previous
        step.startDate = c.today
        return (step, layout.duration(of: previous))
    }

    /// The step `increase` moves to, its usual days, the steps after it, and the limits passed.
    static func increasedStep(_ r: DecisionRequest, _ c: DecisionContext, drug: Drug, layout: PlanLayout, maker: StepMaker,
                              current: TitrationStep)
    throws -> (TitrationStep, Int, [TitrationStep], [(OverrideLimit, String)]) {
        let from = current.dailyTotal
        let maximum = c.plan.schedule.maximumDailyDose
        let maximumText = "this patient's maximum of \(Decisions.mg(maximum.value))\(maximum.note.map { " (\($0))" } ?? "") \(maximum.citation)"
        let nextIndex = layout.following.firstIndex { $0.dailyTotal > from }
        let next = nextIndex.map { layout.following[$0] }
        let after = nextIndex.map { Array(layout.following[($0 + 1)...]) } ?? []
        var used: [(OverrideLimit, String)] = []
        var chosen: (TitrationStep, Int, [TitrationStep])

        if let dose = r.doseMg {
            guard dose > from else {
                throw PainLadderError.invalidValue(field: .dose, given: "\(dose)", allowed: "a daily dose above the current \(Decisions.mg(from))")
            }
            if dose > maximum.value {
                guard r.overrides.contains(.maximumDailyDose) else {
                    throw PainLadderError.notPossible(
                        "increase: \(Decisions.mg(dose)) is above \(maximumText); to go above it add \(.override) maximum-dose with \(.overrideReason)")
                }
                guard let made = maker.step(dose, from: c.today, minimumDays: maker.daysBetweenSteps.value.minimum) else {
                    throw PainLadderError.invalidValue(field: .dose, given: "\(dose)",
                                                       allowed: "a daily dose the products can make in this course's doses")
                }
                used.append((.maximumDailyDose, OverrideLimit.maximumDailyDose.recordedName))
                chosen = (made, maker.daysBetweenSteps.value.usual, [])
            } else if let next, dose == next.dailyTotal {
                chosen = (next, layout.duration(of: next), after)
            } else if let next, dose < next.dailyTotal {
                guard let made = maker.step(dose, from: c.today, minimumDays: maker.daysBetweenSteps.value.minimum) else {
                    throw PainLadderError.invalidValue(field: .dose, given: "\(dose)",
                                                       allowed: "a daily dose the products can make, up to the next step of \(Decisions.mg(next.dailyTotal))")
                }
                chosen = (made, maker.daysBetweenSteps.value.usual, [next] + after)
            } else {
                throw PainLadderError.notPossible(
                    "increase: \(Decisions.mg(dose)) is more than one step up from \(Decisions.mg(from))"
                        + (next.map { "; the next step is \(Decisions.mg($0.dailyTotal))" } ?? "") + " (step up one step at a time)")
            }
        } else {
            guard let next else {
                throw PainLadderError.notPossible(
                    "increase: \(drug.name) is at \(maximumText); to go above it give \(.dose) MG with \(.override) maximum-dose and \(.overrideReason)")
            }
            chosen = (next, layout.duration(of: next), after)
        }

        if let earliest = layout.earliestNextStep, c.today < earliest {
            guard r.overrides.contains(.minimumInterval) else {
                throw PainLadderError.notPossible(
                    "increase: \(Decisions.mg(from)) started on \(current.startDate); the next step may start from \(earliest) "
                        + "(at least \(current.minimumDays) days on a step \(maker.daysBetweenSteps.citation)); "
                        + "to step up sooner add \(.override) minimum-interval with \(.overrideReason)")
            }
            used.insert((.minimumInterval, OverrideLimit.minimumInterval.recordedName), at: 0)
        }
        return (chosen.0, chosen.1, chosen.2, used)
    }
}
