import Foundation
import PainLadder

/// Everything about one patient, read in one transaction: every course with every plan
/// version, the zone history and the whole journal. Reviews and exports are functions of it.
public struct PatientRecord: Sendable {
    public var patient: Patient
    public var zones: ZoneHistory
    /// Every course, in start order, each with its plan versions (oldest first).
    public var courses: [CourseRecord]
    /// Every journal entry, in the order recorded (corrections included).
    public var journal: [JournalEntry]

    public init(patient: Patient, zones: ZoneHistory, courses: [CourseRecord], journal: [JournalEntry]) {
        self.patient = patient
        self.zones = zones
        self.courses = courses
        self.journal = journal
    }

    /// The newest course not stopped, with its plan versions.
    public var activeCourse: CourseRecord? {
        courses.filter { $0.course.status != .stopped }.max { ($0.course.id ?? 0) < ($1.course.id ?? 0) }
    }
}

/// A patient record after an update, and whether anything changed.
public struct PatientUpdate: Sendable {
    public var before: Patient
    public var after: Patient
    /// `false` when the new record equals the stored one (nothing was written).
    public var changed: Bool

    public init(before: Patient, after: Patient, changed: Bool) {
        self.before = before
        self.after = after
        self.changed = changed
    }
}
