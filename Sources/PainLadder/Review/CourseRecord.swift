import Foundation

/// One course of a patient's ladder with every version of its plan, as a review reads it.
public struct CourseRecord: Sendable, Equatable {
    public var course: Course
    /// The plan versions, oldest first.
    public var versions: [PlanVersion]

    public init(course: Course, versions: [PlanVersion]) {
        self.course = course
        self.versions = versions.sorted { $0.version < $1.version }
    }

    /// The plan in force now: the highest version.
    public var currentPlan: PlanVersion? { versions.last }

    /// The daily dose in force on `date` (0 when none), following the plan version in force
    /// that day (holds and later decisions included).
    func dailyDose(on date: LocalDate) -> Milligrams {
        DoseCalendar.plan(on: date, versions: versions)?.step(on: date)?.dailyTotal ?? 0
    }
}

/// Facts every section of a review needs: who, what day, which zone.
struct ReviewContext {
    var patient: Patient
    var formulary: Formulary
    var zones: ZoneHistory
    var now: Date
    var today: LocalDate
    /// The effective journal (corrections applied), every course.
    var journal: [JournalEntry]
    /// Every course, in start order.
    var courses: [CourseRecord]
    /// The course in progress (the latest not stopped), if any.
    var focus: CourseRecord?
    /// `zones` with their offsets cached, and the patient's own zone likewise: a review asks
    /// for the local day of thousands of instants.
    var clock: ZoneClock
    var patientZone: ZoneOffsets
    /// The journal's pain entries with their local days (``PainPoint/all(in:)``).
    var pains: [PainPoint] = []

    /// The course pain and side effects are judged against: the one in progress, else the latest.
    var reference: CourseRecord? { focus ?? courses.last }

    /// The patient's local calendar day of an instant, in the zone in force that day.
    func localDate(_ instant: Date) -> LocalDate {
        // LocalDate(instant, in: zones.zone(on: LocalDate(instant, in: patient.zone))), cached.
        clock.zone(on: patientZone.localDate(instant)).localDate(instant)
    }

    func course(id: Int64?) -> CourseRecord? {
        guard let id else { return nil }
        return courses.first { $0.course.id == id }
    }
}
