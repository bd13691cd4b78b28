import Foundation

/// One trial of one drug for one patient.
public struct Course: Codable, Sendable, Equatable {
    /// Assigned by the store; `nil` before it is saved.
    public var id: Int64?
    public var patientID: String
    public var drug: String
    public var variant: String
    public var startDate: LocalDate
    public var status: Status
    public var outcome: Outcome?
    public var createdAt: Date
    /// Who started it (a clinician's name or id).
    public var createdBy: String

    public enum Status: String, Codable, Sendable, CaseIterable {
        case titrating, maintaining, held, tapering, stopped
    }

    /// Why a course ended.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case effective
        case notEffective = "not-effective"
        case notTolerated = "not-tolerated"
        case contraindicated
        case patientChoice = "patient-choice"
    }

    public init(id: Int64? = nil, patientID: String, drug: String, variant: String, startDate: LocalDate,
                status: Status = .titrating, outcome: Outcome? = nil, createdAt: Date, createdBy: String) {
        self.id = id
        self.patientID = patientID
        self.drug = drug
        self.variant = variant
        self.startDate = startDate
        self.status = status
        self.outcome = outcome
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// One version of a course's plan. Plans are never edited in place: a decision writes a
/// new version that names the one it replaces, and the old one stays readable.
public struct PlanVersion: Codable, Sendable, Equatable {
    public var id: Int64?
    public var courseID: Int64
    /// 1 for the plan a course starts with, then 2, 3, …
    public var version: Int
    /// The version this one replaces (`nil` for version 1).
    public var replacesID: Int64?
    public var createdAt: Date
    public var author: String
    /// Why this version exists ("course started", "held for moderate dizziness", …).
    public var reason: String
    /// The schedule in force from this version on.
    public var schedule: Schedule
    /// The first day this version applies.
    public var effectiveFrom: LocalDate
    /// On `effectiveFrom`, the first slot time this version applies to: a decision or a start
    /// made during the day takes effect from the next dose, and the day's earlier slots keep
    /// the plan that was in force (for a start, they do not exist). `nil`: from the start of
    /// the day (versions made for a later day, and every row written before this existed).
    public var effectiveTime: LocalTime?
    /// Set when planned step-ups wait for a clinician.
    public var holdReason: String?
    /// Doses above the patient's maximum that a clinician allowed, with the reason.
    public var overrides: [Override]
    public var nextReviewDate: LocalDate?
    /// The decision that made this version (`nil` for the plan a course starts with).
    public var decision: Decision?

    public init(id: Int64? = nil, courseID: Int64, version: Int, replacesID: Int64?, createdAt: Date,
                author: String, reason: String, schedule: Schedule, effectiveFrom: LocalDate,
                effectiveTime: LocalTime? = nil, holdReason: String? = nil, overrides: [Override] = [], nextReviewDate: LocalDate? = nil,
                decision: Decision? = nil) {
        self.id = id
        self.courseID = courseID
        self.version = version
        self.replacesID = replacesID
        self.createdAt = createdAt
        self.author = author
        self.reason = reason
        self.schedule = schedule
        self.effectiveFrom = effectiveFrom
        self.effectiveTime = effectiveTime
        self.holdReason = holdReason
        self.overrides = overrides
        self.nextReviewDate = nextReviewDate
        self.decision = decision
    }
}

/// A clinician's explicit permission to go beyond a limit, kept and shown at every review.
public struct Override: Codable, Sendable, Equatable, Hashable {
    /// Which limit: "maximumDailyDose", "minimumInterval", "hardStop:<rule>", …
    public var limit: String
    public var by: String
    public var reason: String
    public var at: Date

    public init(limit: String, by: String, reason: String, at: Date) {
        self.limit = limit
        self.by = by
        self.reason = reason
        self.at = at
    }
}
