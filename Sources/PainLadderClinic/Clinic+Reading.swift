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
        /// What every screen showing this plan repeats (``Schedule/standingNotices``); `nil` when none.
        public var notices: [SafetyFinding]? = nil
    }

    public func today(patientID: String, now: Date) throws -> Today {
        // Today and tomorrow need only the journal around now.
        let read = try store.snapshot(patientID: patientID, journalNear: now)
        // A taper that has ended is not shown, whether or not its status was written yet.
        let all = CourseRules.asLived(read, on: read.zones.localDate(now))
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
        let notices = plan.schedule.standingNotices
        return Today(patientID: s.patient.id, drug: drug.id, drugName: drug.name, date: date,
                     timeZone: zone.identifier, day: day, position: position, notices: notices.isEmpty ? nil : notices)
    }

    /// Everything recorded, in time order, with the plan version in force at the time.
    /// - Throws: `invalidValue` for `to` before `from`.
    public func history(patientID: String, from: LocalDate?, to: LocalDate?) throws -> [HistoryItem] {
        if let from, let to, to < from {
            throw PainLadderError.invalidValue(field: .to, given: to.description, allowed: "a date on or after \(.from) \(from)")
        }
        return HistoryItem.items(of: try store.patientRecord(patientID: patientID), from: from, to: to)
    }

    /// A side-effect report still open (not marked resolved), with its drug and the zone of its day.
    public struct OpenSideEffect: Sendable {
        public var entry: JournalEntry
        public var drug: String
        public var timeZone: String
    }

    /// The side-effect reports of the patient's courses in progress that are still open, newest first.
    public func openSideEffects(patientID: String) throws -> [OpenSideEffect] {
        let s = try store.snapshot(patientID: patientID)
        return s.inProgress.flatMap { course, _ -> [OpenSideEffect] in
            let effective = s.focused(onCourse: course.id).effectiveJournal
            return effective.filter { $0.kind == .sideEffect && !Journal.isResolved($0, effective: effective) }
                .map { OpenSideEffect(entry: $0, drug: course.drug, timeZone: s.zones.zone(at: $0.at).identifier) }
        }.sorted { ($0.entry.at, $0.entry.id ?? 0) > ($1.entry.at, $1.entry.id ?? 0) }
    }

    /// The standing notices (``Schedule/standingNotices``) of the patient's courses in progress,
    /// each with the course's drug and the plan's overrides: for screens that show the patient.
    public func planNotices(patientID: String, now: Date) throws -> [(drug: String, schedule: Schedule, overrides: [Override])] {
        try record(patientID: patientID, now: now).courses.compactMap { c in
            guard c.course.status != .stopped, let plan = c.currentPlan, !plan.schedule.standingNotices.isEmpty else { return nil }
            return (c.course.drug, plan.schedule, plan.overrides)
        }
    }

    /// The patient's whole record, read in one transaction: what reviews and exports are made from.
    public func record(patientID: String) throws -> PatientRecord {
        try store.patientRecord(patientID: patientID)
    }

    /// The patient's whole record as lived at `now`: a taper whose stop date has come is
    /// stopped (`CourseRules.asLived(_:on:)`).
    public func record(patientID: String, now: Date) throws -> PatientRecord {
        let record = try store.patientRecord(patientID: patientID)
        return CourseRules.asLived(record, on: record.zones.localDate(now))
    }
}
