import Foundation

/// A decision as the review shows it: what, who, why, when, on which course and plan version.
public struct DecisionRecord: Codable, Sendable, Equatable {
    public var kind: Decision.Kind
    public var by: String
    public var reason: String
    public var date: LocalDate
    public var at: Date
    public var courseID: Int64
    public var drug: String
    public var planVersion: Int
    public var details: [String: String]
    public var warnings: [SafetyFinding]
}

/// The last decision, and when the next review is due (overdue when today is past it).
public struct ReviewDates: Codable, Sendable, Equatable {
    /// The latest decision recorded on any plan version of any course (an automatic hold included).
    public var lastDecision: DecisionRecord?
    /// The current plan's review date.
    public var nextDue: LocalDate?
    /// Days from today to the review: 0 today, negative when overdue.
    public var daysUntilDue: Int?
    public var overdue: Bool
    /// How many days past the review date (0 when not overdue).
    public var overdueDays: Int

    init(context c: ReviewContext) {
        lastDecision = Self.decisions(c.courses, context: c).last
        nextDue = c.focus?.currentPlan?.nextReviewDate
        daysUntilDue = nextDue.map { c.today.days(to: $0) }
        overdue = (daysUntilDue ?? 0) < 0
        overdueDays = max(0, -(daysUntilDue ?? 0))
    }

    /// Every decision on every course's plan versions, oldest first.
    static func decisions(_ courses: [CourseRecord], context c: ReviewContext) -> [DecisionRecord] {
        courses.flatMap { r in
            r.versions.compactMap { v -> DecisionRecord? in
                guard let d = v.decision else { return nil }
                return DecisionRecord(kind: d.kind, by: d.by, reason: d.reason, date: c.localDate(v.createdAt),
                                      at: v.createdAt, courseID: v.courseID, drug: r.course.drug,
                                      planVersion: v.version, details: d.details, warnings: d.warnings)
            }
        }.sorted { ($0.at, $0.courseID, $0.planVersion) < ($1.at, $1.courseID, $1.planVersion) }
    }
}
