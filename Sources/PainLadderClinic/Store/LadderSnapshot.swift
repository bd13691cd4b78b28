import Foundation
import PainLadder

/// A patient's ladder as a course start or a decision reads it, inside its transaction: every
/// course and the current plan of each course that may still change.
public struct LadderSnapshot: Sendable {
    public var patient: Patient
    /// All the patient's courses, in start order.
    public var courses: [Course]
    /// The current (highest) plan version of every course not stopped, and of the latest course.
    public var currentPlans: [Int64: PlanVersion]

    public init(patient: Patient, courses: [Course], currentPlans: [Int64: PlanVersion]) {
        self.patient = patient
        self.courses = courses
        self.currentPlans = currentPlans
    }

    /// Courses not stopped, newest first: the course the patient is on, then any old course
    /// still tapering after a switch.
    public var inProgress: [Course] {
        courses.filter { $0.status != .stopped }.sorted { ($0.id ?? 0) > ($1.id ?? 0) }
    }

    /// The newest course not stopped: the course the patient is on.
    public var activeCourse: Course? { inProgress.first }

    /// The course started last.
    public var latestCourse: Course? { courses.max { ($0.id ?? 0) < ($1.id ?? 0) } }
}

/// What a course start writes: the new course and its first plan, after closing the tapers
/// that have ended.
public struct CourseStart: Sendable {
    /// `id`, and the plan's `id`, `courseID`, `version` and `replacesID`, are placeholders.
    public var course: Course
    public var plan: PlanVersion
    /// Tapering courses whose taper has ended (``CourseRules/endedTapers(_:today:)``), to mark stopped.
    public var closedTapers: [ClosedTaper]

    public init(course: Course, plan: PlanVersion, closedTapers: [ClosedTaper]) {
        self.course = course
        self.plan = plan
        self.closedTapers = closedTapers
    }
}

/// A tapering course whose plan's stop date has come: it becomes `stopped` (audit `course.stop`).
public struct ClosedTaper: Sendable {
    public var course: Course
    /// The plan whose stop date ended it.
    public var plan: PlanVersion
    public var stopDate: LocalDate
    public var at: Date
}

/// What a decision writes: the course decided on and its current plan as read, the core's
/// result, and the tapers closed first.
public struct DecisionWrite: Sendable {
    public var course: Course
    public var current: PlanVersion
    public var result: DecisionResult
    public var closedTapers: [ClosedTaper]
    public var at: Date

    public init(course: Course, current: PlanVersion, result: DecisionResult, closedTapers: [ClosedTaper], at: Date) {
        self.course = course
        self.current = current
        self.result = result
        self.closedTapers = closedTapers
        self.at = at
    }
}

/// What a decision is made from: the course decided on and its plan.
public struct DecisionSnapshot: Sendable {
    public var patient: Patient
    /// All the patient's courses, in start order (after any ended taper was closed).
    public var courses: [Course]
    /// The course decided on: the one in progress, or when none is, the latest course (only
    /// `refer` may be recorded on a stopped course).
    public var course: Course
    /// Its current plan version.
    public var plan: PlanVersion
}

/// A decision as saved: the versions and courses with their ids.
public struct SavedDecision: Sendable {
    /// The decision as the core produced it, with `plan`, `newCourse` and `newPlan` replaced
    /// by what was saved.
    public var result: DecisionResult
    /// The course decided on, after the change (its new status and outcome).
    public var course: Course
    /// `switch`: the new course, saved.
    public var newCourse: Course?
    /// Tapering courses whose taper had ended and that this transaction marked stopped.
    public var closedTapers: [Course]

    public init(result: DecisionResult, course: Course, newCourse: Course?, closedTapers: [Course]) {
        self.result = result
        self.course = course
        self.newCourse = newCourse
        self.closedTapers = closedTapers
    }
}
