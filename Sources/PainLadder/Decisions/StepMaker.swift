/// Makes a step at a daily dose the titration template does not list (a taper step, a
/// reduction to a named dose, an overridden increase): split into administrations the way
/// ``ScheduleBuilder`` splits (``DoseSplitter``, ``TimeSelection``), from real strengths.
public struct StepMaker: Sendable {
    public let drug: Drug
    /// The titration profile in force: the renal band's own titration, else the variant.
    public let profile: TitrationVariant
    /// Days between steps: the longer of the variant's and the band titration's
    /// (``CautiousTitration``), as the schedule was built.
    public let daysBetweenSteps: Sourced<StepInterval>
    /// The times this course uses, earliest first.
    public let times: [LocalTime]
    /// The strengths doses are made from: the drug's, plus the taper's own when tapering.
    public private(set) var strengths: [Strength]

    /// The maker for a course's schedule: its renal band's titration or its variant, and the
    /// times its steps use (the profile's defaults when the steps use fewer than a full day's).
    public init(drug: Drug, schedule: Schedule) {
        self.drug = drug
        let band = schedule.renalBand.flatMap { label in drug.renalBands.first { $0.label == label } }
        let variant = drug.variant(schedule.variant) ?? drug.variant("standard") ?? drug.variants[0]
        let profile = band?.titration ?? variant
        self.profile = profile
        self.daysBetweenSteps = CautiousTitration.interval([variant] + [band?.titration].compactMap { $0 })
        let used = Set(schedule.steps.flatMap { $0.administrations.map(\.time) }).sorted()
        self.times = used.count >= profile.administrationsPerDay.value ? used : profile.defaultTimes
        self.strengths = drug.strengths.value
    }

    /// The same maker with the taper's own strengths too (``TaperProfile/taperStrengths``).
    public func forTaper() -> StepMaker {
        var maker = self
        maker.strengths += drug.taper.value.taperStrengths ?? []
        return maker
    }

    /// The administrations for `total` mg/day, or `nil` when the strengths cannot make it
    /// within the maximum single dose and the times available.
    public func administrations(for total: Milligrams) -> [Administration]? {
        guard total > 0,
              let parts = DoseSplitter.split(total, administrationsPerDay: profile.administrationsPerDay.value,
                                             strengths: strengths, maximumSingleDose: drug.maximumSingleDose?.value,
                                             timesAvailable: times.count)
        else { return nil }
        let at = TimeSelection.times(count: parts.count, from: times, fewerDosesAt: profile.fewerDosesAt)
        var result: [Administration] = []
        for (time, dose) in zip(at, parts) {
            guard let units = Dispensing.units(for: dose, from: strengths) else { return nil }
            result.append(Administration(time: time, doseMg: dose, units: units))
        }
        return result
    }

    /// A planned step at `total` mg/day from `date`, or `nil` when it cannot be made.
    public func step(_ total: Milligrams, from date: LocalDate, minimumDays: Int) -> TitrationStep? {
        administrations(for: total).map {
            TitrationStep(number: 0, startDate: date, administrations: $0, minimumDays: minimumDays, beyondTarget: false)
        }
    }
}
