/// A medicine the patient has stopped, with the day it was stopped: rules such as "not within
/// 14 days of stopping an MAOI" are evaluated against it on the day a course starts.
///
/// The medicine counts as taken on every day before `stopped` and not from `stopped` on.
///
/// ```swift
/// let nardil = StoppedMedicine(name: "Nardil", stopped: LocalDate(year: 2026, month: 3, day: 1)!)
/// nardil.daysSinceStopped(on: LocalDate(year: 2026, month: 3, day: 11)!)   // 10
/// ```
public struct StoppedMedicine: Codable, Sendable, Equatable {
    /// As typed (a brand name, a generic name, anything).
    public var name: String
    /// The day it was stopped (the first day without it).
    public var stopped: LocalDate

    public init(name: String, stopped: LocalDate) {
        self.name = name
        self.stopped = stopped
    }

    /// Whole days from the stop to `date`; negative while it is still being taken.
    public func daysSinceStopped(on date: LocalDate) -> Int { stopped.days(to: date) }
}
