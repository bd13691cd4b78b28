/// A plan version seen from today: the steps already lived (`kept`, ending with the step in
/// force), the steps still to come (`following`), and how long each step usually lasts, so a
/// decision can lay the rest of the plan out again from a new date.
///
/// The step in force comes from ``PlanVersion/step(on:)``, so a held plan is read as it is
/// lived (frozen at the step where the hold began), not as its stale dates say.
struct PlanLayout {
    let plan: PlanVersion
    let today: LocalDate
    /// Days a step lasts when nothing follows it in the schedule.
    let fallbackDays: Int
    /// The step in force today, `nil` before the course starts.
    let current: TitrationStep?
    /// Planned steps up to and including the step in force.
    let kept: [TitrationStep]
    /// Every step after the one in force (planned, then above the usual target).
    let following: [TitrationStep]
    private let durations: [TitrationStep: Int]

    init(plan: PlanVersion, today: LocalDate, fallbackDays: Int) {
        self.plan = plan
        self.today = today
        self.fallbackDays = max(1, fallbackDays)
        let steps = plan.schedule.steps
        var durations: [TitrationStep: Int] = [:]
        for (i, step) in steps.enumerated() {
            let gap = i + 1 < steps.count ? step.startDate.days(to: steps[i + 1].startDate) : fallbackDays
            durations[step] = max(gap, step.minimumDays, 1)
        }
        self.durations = durations
        let current = plan.step(on: today)
        self.current = current
        if let current, let index = steps.firstIndex(of: current) {
            kept = Array(steps[...index]).filter { !$0.beyondTarget }
            following = Array(steps[(index + 1)...])
        } else {
            kept = []
            following = steps
        }
    }

    /// The usual days on `step` before the next one (its gap in this schedule).
    func duration(of step: TitrationStep) -> Int { durations[step] ?? max(fallbackDays, step.minimumDays, 1) }

    /// The lived steps that started before today (a new step from today replaces one that started today).
    var keptBeforeToday: [TitrationStep] { kept.filter { $0.startDate < today } }

    /// The earliest day the step after the current one may start: its minimum days after the
    /// current step began.
    var earliestNextStep: LocalDate? { current.map { $0.startDate.adding(days: $0.minimumDays) } }

    /// `steps` one after another from `start`, each lasting its usual days.
    func relaid(_ steps: [TitrationStep], from start: LocalDate) -> [TitrationStep] {
        relaid(steps.map { ($0, duration(of: $0)) }, from: start)
    }

    /// Steps one after another from `start`, each lasting the days given with it.
    func relaid(_ items: [(TitrationStep, Int)], from start: LocalDate) -> [TitrationStep] {
        var date = start
        return items.map { step, days in
            var moved = step
            moved.startDate = date
            date = date.adding(days: max(days, 1))
            return moved
        }
    }

    /// The steps still to come, moved (keeping their spacing) so the first starts no earlier
    /// than `notBefore`, nor before the current step has lasted its minimum days.
    func following(notBefore: LocalDate) -> [TitrationStep] {
        guard let first = following.first else { return [] }
        var start = max(first.startDate, notBefore)
        if let earliest = earliestNextStep { start = max(start, earliest) }
        let shift = first.startDate.days(to: start)
        return following.map { var s = $0; s.startDate = s.startDate.adding(days: shift); return s }
    }

    /// A schedule like the plan's with these steps, numbered 1, 2, 3 … in order.
    func schedule(with steps: [TitrationStep]) -> Schedule {
        var schedule = plan.schedule
        schedule.steps = steps.enumerated().map { i, step in
            var s = step
            s.number = i + 1
            return s
        }
        return schedule
    }

    /// The version as it is lived today, with its later steps moved after today, for a new
    /// version that keeps the plan (hold, refer) without unfreezing a held plan's stale dates.
    var unchangedFromToday: Schedule {
        schedule(with: kept + following(notBefore: today.adding(days: 1)))
    }
}

extension Schedule {
    /// The first day with no dose, when the plan ends in a stop (a taper or a stopped course).
    public var stopDate: LocalDate? {
        plannedSteps.last.flatMap { $0.administrations.isEmpty ? $0.startDate : nil }
    }

    /// The status a course on this schedule has today: held when step-ups wait, titrating
    /// while a higher planned step is still to come, maintaining otherwise.
    func titrationStatus(held: Bool, today: LocalDate, current: Milligrams) -> Course.Status {
        if held { return .held }
        return plannedSteps.contains { $0.startDate > today && $0.dailyTotal > current } ? .titrating : .maintaining
    }
}
