import Foundation

/// The narrow question a reminder run asks the store: which courses in progress may have
/// something to hand out or mark at `now`. ``Clinic`` works the instants out from the run
/// mark and the ``PainLadder/ReminderPolicy``; the store answers from its slot table with
/// range scans (see ``ClinicStore/reminderVisits(_:)``).
///
/// ```swift
/// // a run at 12:30 after one at 12:25 (dose reminders from 15 min before to 2 h after):
/// ReminderVisitQuery(now: t1230, coveredFrom: t1025, coveredThrough: t1245 + renewal,
///                    closedFrom: t1025, closedThrough: t1030, dueFrom: t1030, dueThrough: t1245)
/// ```
public struct ReminderVisitQuery: Sendable, Equatable {
    public var now: Date
    /// A course whose horizon does not list every slot from here…
    public var coveredFrom: Date
    /// …to here is visited (and its horizon rebuilt).
    public var coveredThrough: Date
    /// Open slots due in this range: their window closed since the scan start (to be marked missed).
    public var closedFrom: Date
    public var closedThrough: Date
    /// Open slots due in this range whose dose reminder is not yet claimed: inside their window now.
    public var dueFrom: Date
    public var dueThrough: Date

    public init(now: Date, coveredFrom: Date, coveredThrough: Date, closedFrom: Date, closedThrough: Date,
                dueFrom: Date, dueThrough: Date) {
        self.now = now
        self.coveredFrom = coveredFrom
        self.coveredThrough = coveredThrough
        self.closedFrom = closedFrom
        self.closedThrough = closedThrough
        self.dueFrom = dueFrom
        self.dueThrough = dueThrough
    }
}
