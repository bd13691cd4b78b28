import Foundation
import PainLadder

/// The rules about a patient's courses that every store obeys because ``Clinic`` applies
/// them before anything is written:
///
/// - a patient titrates, maintains or holds at most one course at a time; any number may
///   taper to a stop beside it (a switch's old drug);
/// - a tapering course counts as stopped from its plan's stop date (``Schedule/stopDate``):
///   every read applies this (`asLived(_:on:)` and its siblings), and its
///   stored status becomes `stopped` the next time a course is started or a decision recorded;
/// - a decision is about the course in progress (of a named drug during a switch), or, when
///   none is, the latest course (only `refer` may be recorded on a stopped course);
/// - an outcome is recorded only when a course stops or tapers to a stop.
public enum CourseRules {
    /// Tapering courses whose taper has ended on or before `today`.
    public static func endedTapers(_ ladder: LadderSnapshot, today: LocalDate, at: Date) -> [ClosedTaper] {
        ladder.inProgress.filter { $0.status == .tapering }.compactMap { course in
            guard let id = course.id, let plan = ladder.currentPlans[id], let stop = plan.schedule.stopDate, stop <= today
            else { return nil }
            return ClosedTaper(course: course, plan: plan, stopDate: stop, at: at)
        }
    }

    /// The ladder as it stands once `closed` are stopped.
    public static func closing(_ closed: [ClosedTaper], in ladder: LadderSnapshot) -> LadderSnapshot {
        var copy = ladder
        let ids = Set(closed.compactMap(\.course.id))
        for i in copy.courses.indices where ids.contains(copy.courses[i].id ?? -1) {
            copy.courses[i].status = .stopped
        }
        return copy
    }

    /// Checks a new course may start: not stopped or with an outcome, and no other course in
    /// progress (after `closed` are stopped).
    public static func checkStart(_ course: Course, ladder: LadderSnapshot) throws {
        if course.status == .stopped || course.outcome != nil {
            throw PainLadderError.notPossible(
                "course: a new course of \(course.drug) cannot start as stopped or with an outcome")
        }
        if let active = ladder.activeCourse {
            throw PainLadderError.notPossible(
                "patient \(course.patientID) is already on \(active.drug) (course \(active.id ?? 0), "
                    + "\(active.status.rawValue) since \(active.startDate)); stop it before starting \(course.drug)")
        }
    }

    /// The course a decision is about, and its current plan.
    ///
    /// - Parameter drug: the course in progress of this drug; `nil` for the newest course.
    public static func decidedCourse(_ ladder: LadderSnapshot, drug: String?) throws -> (Course, PlanVersion) {
        var chosen: Course?
        if let drug {
            let inProgress = ladder.inProgress
            guard let match = inProgress.first(where: { $0.drug == drug.lowercased() }) else {
                throw PainLadderError.invalidValue(
                    field: .drug, given: drug,
                    allowed: Phrase(inProgress.isEmpty ? "(no medicine in progress)" : inProgress.map(\.drug).joined(separator: ", ")))
            }
            chosen = match
        }
        guard let course = chosen ?? ladder.activeCourse ?? ladder.latestCourse,
              let plan = course.id.flatMap({ ladder.currentPlans[$0] }) else {
            throw PainLadderError.noCourseToDecideOn(patient: ladder.patient.id)
        }
        return (course, plan)
    }

    /// Checks a decision's result may be saved on `course`: its plan may still change, an
    /// outcome goes with a stop, and no two courses would be titrated at once.
    public static func checkDecision(_ result: DecisionResult, course: Course, ladder: LadderSnapshot) throws {
        if course.status == .stopped && result.plan.decision?.kind != .refer {
            throw PainLadderError.notPossible("course \(course.id ?? 0) (\(course.drug)) is stopped; its plan can no longer change")
        }
        if result.outcome != nil && result.courseStatus != .stopped && result.courseStatus != .tapering {
            throw PainLadderError.notPossible("course: an outcome is recorded only when the course stops or tapers to a stop")
        }
        var after = ladder.courses.map { c -> Course in
            var c = c
            if c.id == course.id { c.status = result.courseStatus }
            return c
        }
        if let started = result.newCourse, result.newPlan != nil {
            after.append(started)   // not saved yet: no id
        }
        let titrating = after.filter { $0.status != .stopped && $0.status != .tapering }
            .sorted { ($0.id ?? .max) > ($1.id ?? .max) }
        if titrating.count > 1 {
            throw PainLadderError.notPossible(
                "\(ladder.patient.id) would be on \(titrating.map { "\($0.drug) (course \($0.id.map(String.init) ?? "new"))" }.joined(separator: " and ")) at once; nothing was changed")
        }
    }
}
