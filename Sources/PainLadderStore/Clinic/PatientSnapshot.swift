import PainLadder

/// Everything recorded about a patient's course in progress, read inside one transaction so
/// a workflow decides on a consistent picture (two `take`s at once cannot claim one slot).
public struct PatientSnapshot: Sendable {
    public var patient: Patient
    public var zones: ZoneHistory
    public var course: Course?
    /// The course's plan versions, oldest first.
    public var versions: [PlanVersion]
    /// Every journal entry for the patient, in the order recorded (corrections included).
    public var journal: [JournalEntry]

    public init(patient: Patient, zones: ZoneHistory, course: Course?, versions: [PlanVersion], journal: [JournalEntry]) {
        self.patient = patient
        self.zones = zones
        self.course = course
        self.versions = versions
        self.journal = journal
    }

    public var currentPlan: PlanVersion? { versions.last }

    /// The journal in force for the current course.
    public var effectiveJournal: [JournalEntry] {
        Journal.effective(journal.filter { course?.id == nil || $0.courseID == nil || $0.courseID == course?.id })
    }
}

/// What a workflow writes back: new journal entries and, optionally, a new plan version
/// (e.g. a hold) that replaces the current one.
public struct JournalWrite: Sendable {
    public var entries: [JournalEntry]
    public var newPlan: PlanVersion?
    public var courseStatus: Course.Status?

    public init(entries: [JournalEntry], newPlan: PlanVersion? = nil, courseStatus: Course.Status? = nil) {
        self.entries = entries
        self.newPlan = newPlan
        self.courseStatus = courseStatus
    }
}
