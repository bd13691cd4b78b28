import Foundation
import PainLadder

extension Clinic {
    /// "What do I take today": the day's slots with what is recorded, changes today or
    /// tomorrow, and any hold.
    public struct Today: Sendable, Encodable {
        public var patientID: String
        public var drug: String
        public var drugName: String
        public var date: LocalDate
        public var timeZone: String
        public var day: DayPlan
        public var position: CoursePosition
        /// The other medicines in progress today (the old drug tapering during a switch).
        public var others: [Today] = []
    }

    public func today(patientID: String, now: Date) throws -> Today {
        // Today and tomorrow need only the journal around now.
        let all = try store.snapshot(patientID: patientID, journalNear: now)
        var today = try today(all, now: now)
        // During a switch the old drug's taper is taken too: one day plan per course in progress.
        today.others = try all.others.map { try self.today(all.focused(onCourse: $0.course.id), now: now) }
        return today
    }

    func today(_ s: PatientSnapshot, now: Date) throws -> Today {
        let (course, drug) = try requireCourse(s, to: "take")
        let zone = s.zones.zone(at: now)
        let date = s.zones.localDate(now)
        let slots = DoseCalendar.slots(versions: s.versions, courseStart: course.startDate, from: date,
                                       to: date.adding(days: 1), zones: s.zones)
        let day = DayPlan(date: date, now: now, slots: slots, entries: s.effectiveJournal, versions: s.versions, zones: s.zones)
        let plan = s.currentPlan!
        let position = CoursePosition(schedule: plan.schedule, courseStart: course.startDate, today: date,
                                      nextReview: plan.nextReviewDate, holdReason: plan.holdReason)
        return Today(patientID: s.patient.id, drug: drug.id, drugName: drug.name, date: date,
                     timeZone: zone.identifier, day: day, position: position)
    }

    /// One line of history: an entry, the plan version in force, and what replaced it if anything.
    public struct HistoryItem: Sendable, Encodable {
        public var entry: JournalEntry?
        /// A plan version created at this point (start, hold, decision).
        public var plan: PlanVersion?
        /// The plan version in force when the entry was recorded.
        public var planVersion: Int?
        /// The entry that corrected or undid this one.
        public var supersededBy: Int64?
        public var at: Date
        /// The patient's time zone at `at` (it follows moves), for showing local times.
        public var timeZone: String
    }

    /// Everything recorded, in time order, with the plan version in force at the time.
    public func history(patientID: String, from: LocalDate?, to: LocalDate?) throws -> [HistoryItem] {
        let s = try store.snapshot(patientID: patientID, allCourses: true)
        let zones = s.zones
        let inRange = { (d: Date) -> Bool in
            let day = zones.localDate(d)
            return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
        }
        let versionByID = Dictionary(s.versions.compactMap { v in v.id.map { ($0, v.version) } }, uniquingKeysWith: { a, _ in a })
        let replaced = Journal.replacements(s.journal)
        var items: [HistoryItem] = s.journal.filter { inRange($0.at) }.map { e in
            HistoryItem(entry: e, plan: nil, planVersion: e.planVersionID.flatMap { versionByID[$0] },
                        supersededBy: e.id.flatMap { replaced[$0]?.id }, at: e.at,
                        timeZone: zones.zone(at: e.at).identifier)
        }
        items += s.versions.filter { inRange($0.createdAt) }.map {
            HistoryItem(entry: nil, plan: $0, planVersion: $0.version, supersededBy: nil, at: $0.createdAt,
                        timeZone: zones.zone(at: $0.createdAt).identifier)
        }
        return items.sorted { ($0.at, $0.entry?.id ?? 0) < ($1.at, $1.entry?.id ?? 0) }
    }
}
