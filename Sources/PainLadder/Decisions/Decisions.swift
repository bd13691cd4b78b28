import Foundation

/// A clinician's decision turned into the plan version(s) it creates. Pure: no SQL, no clock.
///
/// ```swift
/// let context = DecisionContext(formulary: formulary, patient: patient, course: course, plan: plan,
///                               courses: courses, today: today, now: now)
/// let result = try Decisions.decide(DecisionRequest(kind: .continue, by: "Dr Rao", reason: "dizziness settled"),
///                                   context)
/// result.plan.holdReason          // nil: the hold is lifted
/// result.plan.replacesID          // the current version's id
/// ```
///
/// Every decision gives a new version of the course's plan that replaces the current one
/// (same course, version + 1), takes effect today, keeps every earlier override, and records
/// the ``Decision`` (who, why, details, the warnings shown). The rules of each kind are in
/// ``TitrationDecisions``, ``StopDecision`` and ``SwitchPlanner``; review dates in
/// ``ReviewSchedule``.
///
/// - Throws: ``PainLadderError/invalidValue(field:given:allowed:)`` for a missing or
///   inconsistent input (no reason, an outcome on `hold`, an override this decision does not
///   need), ``PainLadderError/notPossible(_:)`` for a refusal (sooner than the minimum
///   interval, above the maximum, a cross-taper that doubles a gabapentinoid, …),
///   ``PainLadderError/hardStop(drug:rule:message:sources:)`` when the new drug is ruled out.
public enum Decisions {
    public static func decide(_ request: DecisionRequest, _ context: DecisionContext) throws -> DecisionResult {
        try check(request, context)
        switch request.kind {
        case .continue, .hold, .reduce, .increase:
            // A plan made with kidney function unknown is re-evaluated once a value is recorded.
            guard let (schedule, note) = try RenalReevaluation.reevaluated(context) else {
                return try TitrationDecisions.decide(request, context)
            }
            var c = context
            c.plan.schedule = schedule
            var result = try TitrationDecisions.decide(request, c)
            result.decision.details["kidneyFunction"] = note
            result.plan.decision?.details["kidneyFunction"] = note
            result.plan.reason += "; \(note)"
            return result
        case .refer:
            return try TitrationDecisions.decide(request, context)
        case .stop:
            return try StopDecision.decide(request, context)
        case .switch:
            return try SwitchPlanner.decide(request, context)
        case .automaticHold:
            throw PainLadderError.invalidValue(field: .decision, given: request.kind.rawValue,
                                               allowed: Phrase(allowedKinds))
        }
    }

    /// The kinds a clinician may decide, as the CLI lists them.
    public static let allowedKinds = "continue, hold, reduce, increase, stop, switch, refer"

    /// Inputs that every kind checks the same way, before any rule runs.
    static func check(_ r: DecisionRequest, _ c: DecisionContext) throws {
        func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        if blank(r.by) { throw PainLadderError.invalidValue(field: .by, given: "(empty)", allowed: "the deciding clinician's name or id") }
        if blank(r.reason) { throw PainLadderError.invalidValue(field: .reason, given: "(empty)", allowed: "why, in a few words") }
        if (!r.overrides.isEmpty || r.abrupt) && blank(r.overrideReason) {
            throw PainLadderError.invalidValue(field: .overrideReason, given: "(none)",
                                               allowed: "why the limit may be passed (needed with \(.override) and \(.abrupt))")
        }
        if !blank(r.overrideReason) && r.overrides.isEmpty && !r.abrupt {
            throw PainLadderError.invalidValue(field: .overrideReason, given: r.overrideReason!,
                                               allowed: "only with \(.override) LIMIT or \(.abrupt)")
        }
        let allowedOverrides: Set<OverrideLimit> = switch r.kind {
        case .increase: [.minimumInterval, .maximumDailyDose]
        case .switch: [.ruledOut, .triedBefore]
        default: []
        }
        if let wrong = r.overrides.subtracting(allowedOverrides).map(\.rawValue).sorted().first {
            throw PainLadderError.invalidValue(
                field: .override, given: wrong,
                allowed: Phrase(allowedOverrides.isEmpty ? "no override for '\(r.kind.rawValue)'"
                    : allowedOverrides.map(\.rawValue).sorted().joined(separator: ", ") + " for '\(r.kind.rawValue)'"))
        }
        if r.abrupt && r.kind != .stop && r.kind != .switch {
            throw PainLadderError.invalidValue(field: .abrupt, given: r.kind.rawValue, allowed: "stop or switch")
        }
        if r.doseMg != nil && r.kind != .reduce && r.kind != .increase {
            throw PainLadderError.invalidValue(field: .dose, given: r.kind.rawValue, allowed: "reduce or increase")
        }
        let ends = r.kind == .stop || r.kind == .switch
        if ends && r.outcome == nil && c.course.outcome == nil {
            throw PainLadderError.invalidValue(field: .outcome, given: "(none)",
                                               allowed: Phrase(Course.Outcome.allCases.map(\.rawValue).joined(separator: ", ")
                                                   + " (required for \(r.kind.rawValue))"))
        }
        if !ends && r.outcome != nil {
            throw PainLadderError.invalidValue(field: .outcome, given: r.outcome!.rawValue, allowed: "only with stop or switch")
        }
        if r.kind == .switch && blank(r.switchTo) {
            throw PainLadderError.invalidValue(field: .switchTo, given: "(no drug)", allowed: "the drug to switch to")
        }
        if r.kind != .switch && r.switchTo != nil {
            throw PainLadderError.invalidValue(field: .newDrug, given: r.switchTo!, allowed: "a drug only with switch")
        }
        if let review = r.nextReview, review < c.today {
            throw PainLadderError.invalidValue(field: .nextReview, given: review.description,
                                               allowed: "a date from today (\(c.today)) on")
        }
        // What the course's state allows.
        switch c.course.status {
        case .stopped where r.kind != .refer:
            throw PainLadderError.courseStopped(drug: c.course.drug, course: c.course.id ?? 0)
        case .tapering where [.continue, .hold, .reduce, .increase].contains(r.kind):
            throw PainLadderError.notPossible(
                "\(c.course.drug) (course \(c.course.id ?? 0)) is tapering to a stop\(c.plan.schedule.stopDate.map { " on \($0)" } ?? ""); "
                    + "'\(r.kind.rawValue)' does not apply (use 'stop \(.abrupt)', 'switch' or 'refer')")
        case .tapering where r.kind == .stop && !r.abrupt:
            throw PainLadderError.notPossible(
                "\(c.course.drug) (course \(c.course.id ?? 0)) is already tapering to a stop\(c.plan.schedule.stopDate.map { " on \($0)" } ?? ""); "
                    + "to stop at once use 'stop \(.abrupt)' with \(.overrideReason)")
        default:
            break
        }
    }

    /// The next version of the context's plan with `schedule` in force from the next dose today.
    static func nextVersion(_ c: DecisionContext, _ r: DecisionRequest, schedule: Schedule, reason: String,
                            holdReason: String?, newOverrides: [Override], nextReview: LocalDate?,
                            decision: Decision) -> PlanVersion {
        PlanVersion(courseID: c.plan.courseID, version: c.plan.version + 1, replacesID: c.plan.id, createdAt: c.now,
                    author: r.by, reason: reason, schedule: schedule, effectiveFrom: c.today,
                    effectiveTime: PlanVersion.effectiveTime(at: c.now, on: c.today, zone: c.patient.zone), holdReason: holdReason,
                    overrides: c.plan.overrides + newOverrides, nextReviewDate: nextReview, decision: decision)
    }

    /// The overrides this decision uses, refusing one requested but not needed (an override
    /// on the record must name a limit that was really passed).
    static func overrides(used: [(OverrideLimit, String)], _ r: DecisionRequest, _ c: DecisionContext) throws -> [Override] {
        let usedKinds = Set(used.map(\.0))
        if let unused = r.overrides.subtracting(usedKinds).map(\.rawValue).sorted().first {
            throw PainLadderError.invalidValue(field: .override, given: unused,
                                               allowed: "only a limit this decision passes (it does not pass '\(unused)')")
        }
        return used.map { Override(limit: $0.1, by: r.by, reason: r.overrideReason ?? r.reason, at: c.now) }
    }

    /// "40 mg/day" style text.
    static func mg(_ v: Milligrams) -> String { "\(v) mg/day" }
}
