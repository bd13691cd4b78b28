import PainLadder

/// Everything recorded about a patient's course in progress, read inside one transaction so
/// a workflow decides on a consistent picture (two `take`s at once cannot claim one slot).
public struct PatientSnapshot: Sendable {
    public var patient: Patient
    public var zones: ZoneHistory
    public var course: Course?
    /// The course's plan versions, oldest first.
    public var versions: [PlanVersion]
    /// Every journal entry for the patient, in the order recorded (corrections included); or,
    /// when read with `journalNear`, the entries around that instant and their corrections.
    public var journal: [JournalEntry]
    /// The other courses still in progress (an old drug tapering during a switch), newest first.
    public var others: [(course: Course, versions: [PlanVersion])]

    public init(patient: Patient, zones: ZoneHistory, course: Course?, versions: [PlanVersion], journal: [JournalEntry],
                others: [(course: Course, versions: [PlanVersion])] = []) {
        self.patient = patient
        self.zones = zones
        self.course = course
        self.versions = versions
        self.journal = journal
        self.others = others
    }

    /// Every course in progress, the newest (the one titrating) first.
    public var inProgress: [(course: Course, versions: [PlanVersion])] {
        (course.map { [($0, versions)] } ?? []) + others
    }

    /// The same record focused on one course in progress, so the journal workflows act on it.
    ///
    /// - Parameter drug: which drug; may be `nil` only while a single course is in progress.
    /// - Throws: `invalidValue` for a drug not in progress; `drugNeeded` when `nil` is ambiguous.
    public func focused(onDrug drug: String?) throws -> PatientSnapshot {
        guard let drug else {
            guard others.isEmpty else {
                throw PainLadderError.drugNeeded(patient: patient.id, inProgress: inProgress.map(\.course))
            }
            return self
        }
        guard let chosen = inProgress.first(where: { $0.course.drug == drug.lowercased() }) else {
            throw PainLadderError.invalidValue(field: .drug, given: drug,
                                               allowed: Phrase(inProgress.map(\.course.drug).joined(separator: ", ").nonEmpty ?? "(no medicine in progress)"))
        }
        return focused(onCourse: chosen.course.id)
    }

    /// The same record focused on the course with this id (kept as is when it is not in progress).
    public func focused(onCourse id: Int64?) -> PatientSnapshot {
        guard let id, course?.id != id, let chosen = others.first(where: { $0.course.id == id }) else { return self }
        var copy = self
        copy.course = chosen.course
        copy.versions = chosen.versions
        copy.others = inProgress.filter { $0.course.id != id }
        return copy
    }

    public var currentPlan: PlanVersion? { versions.last }

    /// The journal in force for the current course.
    public var effectiveJournal: [JournalEntry] {
        Journal.effective(journal.filter { course?.id == nil || $0.courseID == nil || $0.courseID == course?.id })
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
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
