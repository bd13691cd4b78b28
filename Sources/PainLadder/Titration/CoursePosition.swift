/// Where a patient stands on a plan on a given day: the day of the course, the step in
/// force, the next planned step, and the review date.
///
/// ```swift
/// let position = CoursePosition(schedule: plan.schedule, courseStart: course.startDate,
///                               today: today, nextReview: plan.nextReviewDate, holdReason: plan.holdReason)
/// position.dayOfCourse   // 18 on the 18th day
/// ```
public struct CoursePosition: Codable, Sendable, Equatable {
    /// 1 on the first day of the course; 0 or less before it starts.
    public var dayOfCourse: Int
    /// The step in force today, `nil` before the course starts.
    public var current: TitrationStep?
    /// Days at the current dose, counting today.
    public var daysAtCurrentDose: Int
    /// The next planned step (not one above the usual target), `nil` at the target or when held.
    public var next: TitrationStep?
    /// Planned steps in all (those up to the usual target).
    public var plannedStepCount: Int
    public var atTarget: Bool
    public var holdReason: String?
    public var nextReview: LocalDate?
    /// Days until the review (negative when overdue).
    public var daysToReview: Int?

    public init(schedule: Schedule, courseStart: LocalDate, today: LocalDate,
                nextReview: LocalDate?, holdReason: String?) {
        dayOfCourse = courseStart.days(to: today) + 1
        current = schedule.step(on: today)
        daysAtCurrentDose = current.map { $0.startDate.days(to: today) + 1 } ?? 0
        let planned = schedule.plannedSteps
        plannedStepCount = planned.count
        next = holdReason == nil ? planned.first { $0.startDate > today } : nil
        atTarget = current != nil && current?.number == planned.last?.number
        self.holdReason = holdReason
        self.nextReview = nextReview
        daysToReview = nextReview.map { today.days(to: $0) }
    }
}
