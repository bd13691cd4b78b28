import Foundation
import PainLadder

/// One change as the audit trail records it, as a value: what happened (`action`), who and
/// when, whose record, and the detail. Every store writes each change it makes as one of
/// these, so the list of auditable events and their details is here, in the application
/// layer, and the same for every backend. The store adds the row's id, the operating-system
/// account and the hash chain's link.
///
/// ```swift
/// let event = AuditEvent.journal(entry)      // action "journal.taken", detail {"entry": 12, "supersedes": 0}
/// ```
public struct AuditEvent: Sendable {
    public var at: Date
    public var actor: String
    /// `patient.add`, `course.start`, `decision.increase`, `journal.taken`, …
    public var action: String
    /// `nil` for a clinic-wide change (an account setting that names no patient).
    public var patientID: String?
    public var courseID: Int64?
    /// Stored as JSON with sorted keys; its fields depend on `action`.
    public var detail: any Encodable & Sendable

    public init(at: Date, actor: String, action: String, patientID: String?, courseID: Int64?,
                detail: any Encodable & Sendable) {
        self.at = at
        self.actor = actor
        self.action = action
        self.patientID = patientID
        self.courseID = courseID
        self.detail = detail
    }
}

extension AuditEvent {
    /// `patient.add`: the record as added.
    public static func patientAdded(_ patient: Patient, by: String, at: Date) -> AuditEvent {
        AuditEvent(at: at, actor: by, action: "patient.add", patientID: patient.id, courseID: nil,
                   detail: ["patient": patient])
    }

    /// `patient.update`: the record before and after, and why.
    public static func patientUpdated(before: Patient, after: Patient, reason: String?, by: String, at: Date) -> AuditEvent {
        AuditEvent(at: at, actor: by, action: "patient.update", patientID: after.id, courseID: nil,
                   detail: PatientChange(before: before, after: after, reason: reason))
    }

    /// `course.start`: a new course and its first plan version (a switch names the course it left).
    public static func courseStarted(_ course: Course, id: Int64, planVersionID: Int64, reason: String,
                                     switchedFromCourseID: Int64? = nil) -> AuditEvent {
        AuditEvent(at: course.createdAt, actor: course.createdBy, action: "course.start", patientID: course.patientID,
                   courseID: id,
                   detail: CourseStarted(drug: course.drug, variant: course.variant, startDate: course.startDate,
                                         status: course.status, planVersionID: planVersionID, reason: reason,
                                         switchedFromCourseID: switchedFromCourseID))
    }

    /// `course.stop` by the taper's own end (no decision): the stop date and the plan that set it.
    public static func taperEnded(_ course: Course, stopDate: LocalDate, planVersionID: Int64, at: Date) -> AuditEvent {
        AuditEvent(at: at, actor: "painladder (taper ended)", action: "course.stop", patientID: course.patientID,
                   courseID: course.id, detail: TaperEnded(stopDate: stopDate, outcome: course.outcome, planVersionID: planVersionID))
    }

    /// `plan.version`: a new version made without a decision (a hold), and the course status change.
    public static func planVersion(_ v: PlanVersion, id: Int64, patientID: String, replacesID: Int64?,
                                   statusBefore: Course.Status, statusAfter: Course.Status,
                                   outcome: Course.Outcome?) -> AuditEvent {
        AuditEvent(at: v.createdAt, actor: v.author, action: "plan.version", patientID: patientID, courseID: v.courseID,
                   detail: PlanChange(planVersionID: id, version: v.version, replacesID: replacesID, reason: v.reason,
                                      effectiveFrom: v.effectiveFrom, effectiveTime: v.effectiveTime, holdReason: v.holdReason,
                                      nextReviewDate: v.nextReviewDate, statusBefore: statusBefore,
                                      statusAfter: statusAfter, outcome: outcome))
    }

    /// `decision.<kind>`: the version it made and replaced, the reason and details, the warnings
    /// accepted, the overrides added, the status before and after.
    public static func decision(_ v: PlanVersion, id: Int64, course: Course, replacing current: PlanVersion,
                                statusAfter: Course.Status, outcome: Course.Outcome?, at: Date) -> AuditEvent {
        let decision = v.decision
        return AuditEvent(
            at: at, actor: v.author, action: "decision.\(decision?.kind.rawValue ?? "unknown")",
            patientID: course.patientID, courseID: course.id,
            detail: DecisionAudit(planVersionID: id, version: v.version, replacesID: current.id, kind: decision?.kind,
                                  reason: decision?.reason ?? v.reason, details: decision?.details ?? [:],
                                  warnings: decision?.warnings.map { "\($0.drug)/\($0.rule)" } ?? [],
                                  overrides: v.overrides.filter { !current.overrides.contains($0) }.map(\.limit),
                                  effectiveFrom: v.effectiveFrom, effectiveTime: v.effectiveTime, holdReason: v.holdReason,
                                  nextReviewDate: v.nextReviewDate, statusBefore: course.status,
                                  statusAfter: statusAfter, outcome: outcome))
    }

    /// `journal.<kind>`: the entry (saved, with its id) and what it corrects.
    public static func journal(_ entry: JournalEntry) -> AuditEvent {
        AuditEvent(at: entry.recordedAt, actor: entry.recordedBy, action: "journal.\(entry.kind.rawValue)",
                   patientID: entry.patientID, courseID: entry.courseID,
                   detail: ["entry": entry.id ?? 0, "supersedes": entry.supersedes ?? 0])
    }

    /// `supply.<kind>`: the supply event as saved.
    public static func supply(_ event: SupplyEvent, recordedAt: Date) -> AuditEvent {
        AuditEvent(at: recordedAt, actor: event.recordedBy, action: "supply.\(event.kind.rawValue)",
                   patientID: event.patientID, courseID: event.courseID, detail: event)
    }

    /// `account.<change>`: a clinic account allowed, linked or revoked.
    public static func account(_ action: String, account: String, role: String?, patientID: String?,
                               by: String, at: Date) -> AuditEvent {
        AuditEvent(at: at, actor: by, action: action, patientID: patientID, courseID: nil,
                   detail: AccountChanged(account: account, role: role, patient: patientID))
    }
}

// The details, one type per kind of event (stored as JSON with sorted keys).

struct PatientChange: Encodable, Sendable {
    var before: Patient
    var after: Patient
    var reason: String?
}

struct CourseStarted: Encodable, Sendable {
    var drug: String
    var variant: String
    var startDate: LocalDate
    var status: Course.Status
    var planVersionID: Int64
    var reason: String
    /// The course a switch moved from (absent for a course started on its own).
    var switchedFromCourseID: Int64?
}

struct TaperEnded: Encodable, Sendable {
    var stopDate: LocalDate
    var outcome: Course.Outcome?
    var planVersionID: Int64
}

struct PlanChange: Encodable, Sendable {
    var planVersionID: Int64
    var version: Int
    var replacesID: Int64?
    var reason: String
    var effectiveFrom: LocalDate
    /// The minute a version made during its day applies from (absent: from the day's start).
    var effectiveTime: LocalTime?
    var holdReason: String?
    var nextReviewDate: LocalDate?
    var statusBefore: Course.Status
    var statusAfter: Course.Status
    var outcome: Course.Outcome?
}

struct DecisionAudit: Encodable, Sendable {
    var planVersionID: Int64
    var version: Int
    var replacesID: Int64?
    var kind: Decision.Kind?
    var reason: String
    var details: [String: String]
    var warnings: [String]
    var overrides: [String]
    var effectiveFrom: LocalDate
    /// The minute a version made during its day applies from (absent: from the day's start).
    var effectiveTime: LocalTime?
    var holdReason: String?
    var nextReviewDate: LocalDate?
    var statusBefore: Course.Status
    var statusAfter: Course.Status
    var outcome: Course.Outcome?
}

struct AccountChanged: Encodable, Sendable {
    var account: String
    var role: String?
    var patient: String?
}
