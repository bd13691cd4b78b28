import Foundation
import PainLadder

/// Courses end by date: a tapering course whose plan's stop date has come is stopped on
/// every read, whether or not a decision has written its status yet. The stored status
/// catches up at the next course start or decision (``CourseRules/endedTapers(_:today:at:)``);
/// until then each read applies this one rule, so `today`, `take`, `schedule`, the review
/// and the calendar agree on which courses still have doses.
extension CourseRules {
    /// Whether `course` has ended by `day`: it is tapering and `plan`'s stop date (the first
    /// day with no dose) is on or before `day`.
    public static func hasEnded(_ course: Course, plan: PlanVersion?, on day: LocalDate) -> Bool {
        guard course.status == .tapering, let stop = plan?.schedule.stopDate else { return false }
        return stop <= day
    }

    /// The status `course` has on `day` (stopped once its taper has ended).
    public static func status(of course: Course, plan: PlanVersion?, on day: LocalDate) -> Course.Status {
        hasEnded(course, plan: plan, on: day) ? .stopped : course.status
    }

    /// The ladder as lived on `day`: tapers that have ended are stopped.
    public static func asLived(_ ladder: LadderSnapshot, on day: LocalDate) -> LadderSnapshot {
        closing(endedTapers(ladder, today: day, at: .distantPast), in: ladder)
    }

    /// The workflow snapshot as lived on `day`: courses whose taper has ended are no longer
    /// in progress (the newest one left becomes the course acted on).
    public static func asLived(_ s: PatientSnapshot, on day: LocalDate) -> PatientSnapshot {
        let lived = s.inProgress.filter { !hasEnded($0.course, plan: $0.versions.last, on: day) }
        guard lived.count != s.inProgress.count else { return s }
        var copy = s
        copy.course = lived.first?.course
        copy.versions = lived.first?.versions ?? []
        copy.others = Array(lived.dropFirst())
        return copy
    }

    /// The whole record as lived on `day`: tapers that have ended are stopped.
    public static func asLived(_ record: PatientRecord, on day: LocalDate) -> PatientRecord {
        var copy = record
        for i in copy.courses.indices {
            let c = copy.courses[i]
            copy.courses[i].course.status = status(of: c.course, plan: c.currentPlan, on: day)
        }
        return copy
    }
}
