/// A wait a drug's own label asks for after its last dose before another medicine starts:
/// "at least 5 days should be allowed after stopping duloxetine before starting an MAOI".
/// The reverse of a rule's `stoppedWithinDays` (which waits after the other medicine): the
/// application layer checks it when such a medicine is added to a patient who stopped the
/// drug recently (`Drug/afterStopping`).
///
/// ```swift
/// let wait = WashoutAfterStopping(id: "maoi-after-duloxetine", medicinesAny: ["maoi"],
///                                 days: Sourced(5, sources: ["S27"], status: .confirmed),
///                                 message: "Wait at least 5 days after the last dose of duloxetine before an MAOI.")
/// wait.applies(daysSinceStop: 3)   // true
/// ```
public struct WashoutAfterStopping: Codable, Sendable, Equatable {
    /// Lower-case-hyphenated, unique within the drug ("maoi-after-duloxetine").
    public var id: String
    /// Medicines or classes that must wait (as in a rule's `medicinesAny`).
    public var medicinesAny: [String]
    /// Days from the first day without the drug before such a medicine may start.
    public var days: Sourced<Int>
    public var message: String

    public init(id: String, medicinesAny: [String], days: Sourced<Int>, message: String) {
        self.id = id
        self.medicinesAny = medicinesAny
        self.days = days
        self.message = message
    }

    /// Whether a medicine started `daysSinceStop` days after the drug's stop date (0 on the
    /// first day without it) is too soon; negative (still taking it) is not a washout question.
    public func applies(daysSinceStop: Int) -> Bool {
        daysSinceStop >= 0 && daysSinceStop < days.value
    }
}
