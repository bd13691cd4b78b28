import Foundation
import PainLadder

/// One course in progress as the reminder job reads it: bounded to the days it needs.
public struct ReminderRecord: Sendable {
    public var patient: Patient
    public var zones: ZoneHistory
    public var course: Course
    /// The course's plan versions, oldest first (without their decisions, which the job does not use).
    public var versions: [PlanVersion]
    /// The course's journal entries for slots from ``journalFrom`` on, extra doses from
    /// then on, and whatever corrects or undoes them (not yet folded: see ``Journal/effective(_:)``).
    public var journal: [JournalEntry]
    public var supply: [SupplyEvent]
    public var journalFrom: LocalDate

    public init(patient: Patient, zones: ZoneHistory, course: Course, versions: [PlanVersion], journal: [JournalEntry],
                supply: [SupplyEvent], journalFrom: LocalDate) {
        self.patient = patient
        self.zones = zones
        self.course = course
        self.versions = versions
        self.journal = journal
        self.supply = supply
        self.journalFrom = journalFrom
    }
}

/// A reminder as handed out, with its delivery state.
public struct SentReminder: Sendable {
    public var reminder: Reminder
    public var confirmed: Bool
    public var attempts: Int
    public var withdrawn: Bool

    public init(reminder: Reminder, confirmed: Bool, attempts: Int, withdrawn: Bool) {
        self.reminder = reminder
        self.confirmed = confirmed
        self.attempts = attempts
        self.withdrawn = withdrawn
    }
}
