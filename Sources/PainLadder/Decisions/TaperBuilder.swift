/// A drug's withdrawal, dated: reduced doses from today, then a stop date (the first day
/// with no dose).
public struct TaperPlan: Codable, Sendable, Equatable {
    public var drug: String
    /// The daily dose the taper starts from (the dose in force when it was decided).
    public var fromDailyMg: Milligrams
    /// Days on the drug so far (course start to the decision).
    public var daysOnDrug: Int
    /// Whether the long-use rule applied (`nil` when the drug has no long-use threshold).
    public var longUse: Bool?
    /// The shortest taper the rule asks for, in days.
    public var minimumDays: Int
    /// The reduced doses, dated, lowest last. Empty for an abrupt stop.
    public var steps: [TitrationStep]
    /// The first day with no dose.
    public var stopDate: LocalDate
    /// True when a clinician stopped the drug without its taper.
    public var abrupt: Bool
    /// True for a direct switch: no taper, the last dose today and the new drug from tomorrow.
    public var direct: Bool
    /// The formulary's taper profile, with its sources and status.
    public var rule: Sourced<TaperProfile>
    /// Anything the clinician should know about how the rule was applied.
    public var note: String?

    /// Days from the first reduced dose to the stop date.
    public var days: Int { (steps.first?.startDate ?? stopDate).days(to: stopDate) }
}

/// Builds a taper from the formulary's ``TaperProfile`` (`drug.taper`).
///
/// The rule, in order:
/// 1. The shortest taper: `minimumDays`, or `shortUseMinimumDays` when the drug has been
///    taken fewer than `longUseDays` days (amitriptyline under 8 weeks: 14 days; 8 weeks or
///    more: 28 days). 0 means the drug may stop at once.
/// 2. Each step lowers the daily dose by at most `reductionMg` (or `reductionFraction` of
///    the dose): the next dose is the lowest dose the strengths can make that is at least
///    the dose less the reduction, below the dose before, and splittable into the course's
///    administrations. When no such dose is above 0 the drug stops.
/// 3. If the first reduction already reaches 0 but the rule asks for a taper, one step at
///    the largest makeable dose at or below half the current dose is used (gabapentin
///    300 mg → 100 mg), so no taper is an abrupt stop.
/// 4. Each step lasts `daysPerStep`; if the steps add up to less than the shortest taper,
///    every step is lengthened equally (rounding up) until they reach it.
/// 5. The first reduced dose starts today; the stop date follows the last step.
///
/// When the current dose is already the lowest the products can make (amitriptyline 10 mg),
/// there is nothing lower to step down to: the drug stops today and the plan says so.
public enum TaperBuilder {
    public static func build(drug: Drug, maker: StepMaker, from current: TitrationStep, courseStart: LocalDate,
                             today: LocalDate) -> TaperPlan {
        let profile = drug.taper.value
        let maker = maker.forTaper()
        let used = max(0, courseStart.days(to: today))
        let longUse = profile.longUseDays.map { used >= $0 }
        let minimum = longUse == false ? (profile.shortUseMinimumDays ?? profile.minimumDays) : profile.minimumDays
        let dose = current.dailyTotal
        var plan = TaperPlan(drug: drug.id, fromDailyMg: dose, daysOnDrug: used, longUse: longUse, minimumDays: minimum,
                             steps: [], stopDate: today, abrupt: false, direct: false, rule: drug.taper, note: nil)
        guard minimum > 0 else {
            plan.note = "The rule allows stopping at once after \(used) days' use."
            return plan
        }

        var doses: [(Milligrams, [Administration])] = []
        var level = dose
        while let next = nextDose(below: level, profile: profile, maker: maker) {
            doses.append(next)
            level = next.0
        }
        if doses.isEmpty, let half = largestMakeable(atMost: dose / 2, maker: maker) {
            doses.append(half)
        }
        guard !doses.isEmpty else {
            plan.note = "\(dose) mg/day is the lowest daily dose the products can make, so there is no lower step: the drug stops today."
            return plan
        }

        let perStep = max(profile.daysPerStep, (minimum + doses.count - 1) / doses.count)
        var date = today
        for (_, administrations) in doses {
            plan.steps.append(TitrationStep(number: 0, startDate: date, administrations: administrations,
                                            minimumDays: perStep, beyondTarget: false))
            date = date.adding(days: perStep)
        }
        plan.stopDate = date
        if perStep > profile.daysPerStep {
            plan.note = "Each step lasts \(perStep) days instead of \(profile.daysPerStep) so that the taper lasts at least \(minimum) days."
        }
        return plan
    }

    /// The next lower dose within one reduction, or `nil` when the next dose is 0.
    static func nextDose(below dose: Milligrams, profile: TaperProfile, maker: StepMaker) -> (Milligrams, [Administration])? {
        let reduction: Milligrams
        if let mg = profile.reductionMg {
            reduction = mg
        } else {
            // At most the fraction: round the reduction down, to the mg.
            reduction = Int((Double(dose) * (profile.reductionFraction ?? 0.5)).rounded(.down))
        }
        let floor = dose - max(reduction, 1)
        // Within one reduction of 0: the next step is the stop.
        guard floor > 0 else { return nil }
        for candidate in floor..<dose {
            if let a = maker.administrations(for: candidate) { return (candidate, a) }
        }
        return nil
    }

    static func largestMakeable(atMost limit: Milligrams, maker: StepMaker) -> (Milligrams, [Administration])? {
        guard limit >= 1 else { return nil }
        for candidate in stride(from: limit, through: 1, by: -1) {
            if let a = maker.administrations(for: candidate) { return (candidate, a) }
        }
        return nil
    }
}
