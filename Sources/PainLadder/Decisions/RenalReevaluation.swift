/// A plan made while kidney function was unknown (``RenalPrecondition``) is re-evaluated at
/// the next titration decision once a value is recorded: the schedule is built again for the
/// patient as they are now (band, maximum, the more cautious titration), from the course's
/// start; the steps already lived stay as they were, and the steps above today's dose come
/// from the new schedule, the first on the day the next step was due.
///
/// ```swift
/// // frail, 86, gabapentin started capped at 300 mg/day; CrCl 55 recorded later
/// let (schedule, note) = try RenalReevaluation.reevaluated(context)!
/// note   // "kidney function recorded since the plan was made (CrCl 55 mL/min): …"
/// ```
enum RenalReevaluation {
    /// The plan's rules that mark it as made with kidney function unknown.
    static let unknownRules: Set<String> = [SafetyEvaluator.renalFunctionUnknownRule, RenalPrecondition.cappedRule]

    /// The re-evaluated schedule and what to record about it; `nil` when the plan was made
    /// with kidney function known, or it is still unknown.
    static func reevaluated(_ c: DecisionContext) throws -> (Schedule, String)? {
        let old = c.plan.schedule
        guard old.cautions.contains(where: { unknownRules.contains($0.rule) }),
              let crCl = c.patient.creatinineClearance(on: c.today, in: c.formulary) else { return nil }
        let drug = try c.formulary.drug(old.drug)
        let used = Array(Set(old.steps.flatMap { $0.administrations.map(\.time) })).sorted()
        let hadAgeOverride = old.cautions.contains { $0.rule.hasPrefix(Schedule.overriddenPrefix) }
        let rules = c.formulary.pathway.rules + drug.rules
        let ageStop = SafetyEvaluator.evaluate(drug, for: c.patient, on: c.today, in: c.formulary)
            .contains { f in f.kind == .hardStop && StartOverride.age.passes(rules.first { $0.id == f.rule }, id: f.rule) }
        let overrides: Set<StartOverride> = hadAgeOverride && ageStop ? [.age] : []
        func build(_ times: [LocalTime]?) throws -> Schedule {
            try ScheduleBuilder.build(formulary: c.formulary, drugID: old.drug, variantID: old.variant, patient: c.patient,
                                      startDate: c.course.startDate, times: times, overrides: overrides)
        }
        let fresh: Schedule
        do {
            fresh = try build(used.isEmpty ? nil : used)
        } catch PainLadderError.invalidValue(field: .times, _, _) {
            fresh = try build(nil)
        } catch let PainLadderError.hardStop(drugID, rule, message, sources) {
            throw PainLadderError.notPossible(
                "kidney function recorded since the plan was made (CrCl \(Int(crCl.rounded())) mL/min) rules \(drugID) out: \(message) [rule \(rule); source \(sources.joined(separator: ", "))]; stop or switch instead")
        }

        let layout = PlanLayout(plan: c.plan, today: c.today, fallbackDays: drug.variants.first?.daysBetweenSteps.value.usual ?? 7)
        let current = layout.current?.dailyTotal ?? 0
        let ahead = fresh.steps.filter { $0.dailyTotal > current }
        // Each new step lasts as long as in the new schedule.
        var days: [Int] = []
        for (i, step) in ahead.enumerated() {
            let next = i + 1 < ahead.count ? ahead[i + 1].startDate : nil
            days.append(max(next.map { step.startDate.days(to: $0) } ?? step.minimumDays, step.minimumDays, 1))
        }
        let from = layout.following.first?.startDate ?? layout.earliestNextStep ?? c.today
        var schedule = fresh
        let kept = layout.kept.filter { $0.dailyTotal <= fresh.maximumDailyDose.value || $0 == layout.current }
        schedule.steps = kept + layout.relaid(Array(zip(ahead, days)), from: max(from, c.today))
        schedule.steps = schedule.steps.enumerated().map { i, step in var s = step; s.number = i + 1; return s }
        let over = current > fresh.maximumDailyDose.value ? "; today's \(current) mg/day is above it: consider 'reduce'" : ""
        let note = "kidney function recorded since the plan was made (CrCl \(Int(crCl.rounded())) mL/min): plan re-evaluated, "
            + "maximum \(fresh.maximumDailyDose.value) mg/day\(fresh.renalBand.map { " (renal band \($0))" } ?? " (no renal band)")\(over)"
        return (schedule, note)
    }
}
