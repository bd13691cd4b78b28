import Foundation

/// One patient's course in progress, as the reminder job sees it.
///
/// The journal need not be the whole history: the entries for slots from
/// ``journalFrom`` on (and the entries that correct or undo them) are enough.
public struct ReminderInput: Sendable {
    public var patient: Patient
    public var zones: ZoneHistory
    /// The course in progress (saved: it has an id).
    public var course: Course
    public var drug: Drug
    /// The course's plan versions, oldest first.
    public var versions: [PlanVersion]
    /// The effective journal (``Journal/effective(_:)``) from ``journalFrom`` on.
    public var journal: [JournalEntry]
    /// The course's supply events.
    public var supply: [SupplyEvent]
    /// The first local date the journal is complete for.
    public var journalFrom: LocalDate

    public init(patient: Patient, zones: ZoneHistory, course: Course, drug: Drug, versions: [PlanVersion],
                journal: [JournalEntry], supply: [SupplyEvent], journalFrom: LocalDate) {
        self.patient = patient
        self.zones = zones
        self.course = course
        self.drug = drug
        self.versions = versions
        self.journal = journal
        self.supply = supply
        self.journalFrom = journalFrom
    }

    var courseID: Int64 { course.id ?? 0 }

    /// The patient's local date at `instant`.
    func localDate(_ instant: Date) -> LocalDate {
        LocalDate(instant, in: zones.zone(on: LocalDate(instant, in: patient.zone)))
    }

    /// The step in force on `date` (held versions keep their step).
    func step(on date: LocalDate) -> TitrationStep? {
        DoseCalendar.plan(on: date, versions: versions)?.step(on: date)
    }

    func slots(from: LocalDate, to: LocalDate) -> [DoseSlot] {
        DoseCalendar.slots(versions: versions, courseStart: course.startDate, from: from, to: to, zones: zones)
    }

    /// What the journal says about each slot: taken wins over skipped, which wins over missed.
    func recorded() -> [SlotKey: JournalEntry.Kind] {
        var result: [SlotKey: JournalEntry.Kind] = [:]
        func rank(_ k: JournalEntry.Kind?) -> Int { k == .taken ? 3 : k == .skipped ? 2 : k == .missed ? 1 : 0 }
        for e in journal where e.kind == .taken || e.kind == .skipped || e.kind == .missed {
            guard let key = e.dose?.slot else { continue }
            if rank(e.kind) > rank(result[key]) { result[key] = e.kind }
        }
        return result
    }

    /// A reminder about `date` at `time` on the patient's wall clock.
    func reminder(_ kind: Reminder.Kind, _ audience: Reminder.Audience, key: String, date: LocalDate,
                  time: LocalTime, message: String) -> Reminder {
        let zone = zones.zone(on: date)
        return Reminder(key: key, kind: kind, audience: audience, patientID: patient.id, courseID: courseID,
                        timeZone: zone.identifier, localDate: date, localTime: time,
                        at: WallClock.instant(date, time, in: zone), message: message)
    }

    /// "Amitriptyline" for a patient's message.
    var drugName: String { drug.name }
}
