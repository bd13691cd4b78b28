/// One administration within a day: a time, a dose, and how to make it.
public struct Administration: Codable, Sendable, Equatable, Hashable {
    public var time: LocalTime
    public var doseMg: Milligrams
    /// The units that make the dose: "2 × 10 mg tablets".
    public var units: [UnitCount]

    public init(time: LocalTime, doseMg: Milligrams, units: [UnitCount]) {
        self.time = time
        self.doseMg = doseMg
        self.units = units
    }

    /// "20 mg: 2 × 10 mg tablets at 22:00".
    public var instruction: String {
        "\(doseMg) mg: \(Dispensing.describe(units)) at \(time)"
    }
}

/// One dated step of a plan: from this day, these administrations.
public struct TitrationStep: Codable, Sendable, Equatable, Hashable {
    /// 1-based position in the plan.
    public var number: Int
    /// The first day of the step, in the patient's local calendar.
    public var startDate: LocalDate
    public var administrations: [Administration]
    /// The shortest time on this step before the next step may start.
    public var minimumDays: Int
    /// True for steps above the usual target: listed for a later decision, not planned.
    public var beyondTarget: Bool

    public init(number: Int, startDate: LocalDate, administrations: [Administration],
                minimumDays: Int, beyondTarget: Bool) {
        self.number = number
        self.startDate = startDate
        self.administrations = administrations
        self.minimumDays = minimumDays
        self.beyondTarget = beyondTarget
    }

    public var dailyTotal: Milligrams { administrations.reduce(0) { $0 + $1.doseMg } }
}
