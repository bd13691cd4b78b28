import Foundation

/// A short prompt drawn from the review's facts, for the clinician to weigh. It is never an
/// instruction: the decision, and its reason, are the clinician's (`painladder decide`).
///
/// The first rule that applies wins, most urgent first:
/// 1. an open red flag: assess now;
/// 2. no course in progress: referral prompts, else the remaining drugs; a course not
///    started yet: nothing to judge; a course being tapered: ask about withdrawal;
/// 3. an open side effect at or above the pathway's hold severity: not tolerated at that dose;
/// 4. a reduction in the moderate band or above, tolerated: continuing is reasonable;
/// 5. a hold with no open side effect that caused it: review whether to continue titrating;
/// 6. an adequate trial without pain scores, without a baseline, or with pain worse, no
///    meaningful or only minimal change: ask for scores; or, tolerated with a step above the
///    usual target left (and more known to help: not duloxetine above 60 mg), consider
///    increasing towards the maximum (Dworkin: the trial is at the maximum *tolerated* dose);
///    else consider switching (or referral when no drug remains);
/// 7. a trial not yet adequate: continue titration (or stay at the dose until it is adequate).
///
/// With a course in progress, NICE CG173 1.1.2's referral prompts (severe pain, pain that
/// limits daily life, a worsening condition; and trigeminal neuralgia) are added to whichever
/// suggestion wins (``referral``), since referral may be considered at any stage.
public struct Suggestion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case redFlag = "red-flag"
        case considerReferral = "consider-referral"
        case noCourse = "no-course"
        case notStarted = "not-started"
        case tapering
        case notTolerated = "not-tolerated"
        case responding
        case holdToReview = "hold-to-review"
        case noPainScores = "no-pain-scores"
        case noBaseline = "no-baseline"
        case noMeaningfulChange = "no-meaningful-change"
        case considerIncreasing = "consider-increasing"
        case continueTitration = "continue-titration"
        case continueToAdequateTrial = "continue-to-adequate-trial"
    }

    /// How every suggestion is labelled.
    public static let label = "Suggestion (a prompt for the clinician, not an instruction)"

    public var kind: Kind
    public var text: String
    public var label: String = Suggestion.label
    /// With a course in progress: the referral prompts whose condition holds (their
    /// messages are also in ``text``); `nil` when none.
    public var referral: [ReferralPrompt]?

    init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// Referral prompts that apply at any stage (CG173 1.1.2; 1.1.13–1.1.14).
    static let anyStage: Set<ReferralPrompt.Kind> = [.severePain, .limitsDailyLife, .worseningCondition, .trigeminalNeuralgia]

    static func make(context c: ReviewContext, course: CourseReview?, pain: PainReview, sideEffects: SideEffectReview,
                     trial: TrialReview?, ladder: LadderReview) -> Suggestion {
        var suggestion = primary(context: c, course: course, pain: pain, sideEffects: sideEffects, trial: trial, ladder: ladder)
        let prompts = ladder.referralPrompts.filter { anyStage.contains($0.kind) }
        if course != nil, !prompts.isEmpty {
            suggestion.referral = prompts
            suggestion.text += "; consider referral to a specialist pain service at any stage ("
                + prompts.map(\.message).joined(separator: "; ") + ")"
        }
        return suggestion
    }

    static func primary(context c: ReviewContext, course: CourseReview?, pain: PainReview, sideEffects: SideEffectReview,
                     trial: TrialReview?, ladder: LadderReview) -> Suggestion {
        if let flag = sideEffects.openRedFlags.first {
            return Suggestion(kind: .redFlag, text: "red flag reported (\(flag.name) on \(flag.reportedOn)\(flag.drug.map { ", \($0)" } ?? "")): assess now")
        }
        let remaining = ladder.usable.map(\.drug)
        guard let course else {
            if !ladder.referralPrompts.isEmpty {
                return Suggestion(kind: .considerReferral, text: "no course in progress and "
                    + ladder.referralPrompts.map(\.message).joined(separator: "; ") + ": consider referral to a specialist pain service")
            }
            return Suggestion(kind: .noCourse, text: "no course in progress: consider one of the remaining drugs (\(remaining.joined(separator: ", ")))")
        }
        if course.dayOfCourse < 1 {
            return Suggestion(kind: .notStarted, text: "the course starts on \(course.startDate): nothing to judge yet")
        }
        if course.status == .tapering {
            let next = course.nextStep.map { ", next \($0.dailyDoseMg) mg/day from \($0.startDate)" } ?? ""
            return Suggestion(kind: .tapering, text: "\(course.drug) is being tapered (now \(course.currentStep?.dailyDoseMg ?? 0) mg/day\(next)): ask about withdrawal symptoms")
        }
        let holdAt = Severity(rawValue: c.formulary.pathway.holdStepUpAtSeverity.value) ?? .moderate
        if let bad = sideEffects.openReports.filter({ ($0.severity ?? .mild) >= holdAt }).last {
            let dose = bad.dailyDoseMg.map { " at \($0) mg/day" } ?? ""
            return Suggestion(kind: .notTolerated, text: "not tolerated\(dose) (\(bad.severity!.rawValue) \(bad.name.lowercased()) since \(bad.since ?? bad.reportedOn), not resolved): consider reducing or switching")
        }
        let moderate = pain.bands?.value.moderatePercent
        if let band = pain.band, band == .moderate || band == .substantial, let percent = pain.changePercent, let moderate {
            return Suggestion(kind: .responding, text: "≥\(LadderReview.format(moderate))% reduction (\(LadderReview.format(-percent))%, \(band.label)) and tolerated: continuing is reasonable")
        }
        if let hold = course.holdReason {
            return Suggestion(kind: .holdToReview, text: "step-ups on hold since \(course.heldSince.map(\.description) ?? "?") (\(hold)), and nothing at that severity is still open: review whether to continue the titration")
        }
        if let trial, trial.adequate {
            guard pain.last7DaysMean != nil else {
                return Suggestion(kind: .noPainScores, text: "adequate trial but no pain scores in the last 7 days: ask for scores before judging the effect")
            }
            guard let band = pain.band, let percent = pain.changePercent else {
                return Suggestion(kind: .noBaseline, text: "adequate trial but no baseline pain score: judge the effect with the patient's impression of change")
            }
            let change = switch band {
            case .worse: "pain worse than baseline (\(Self.signed(percent))%)"
            case .none: "no meaningful change (\(Self.signed(percent))%)"
            default: "only \(band.label) change (\(Self.signed(percent))%)"
            }
            let drug = try? c.formulary.drug(course.drug)
            let ceiling = drug?.noAddedBenefitAbove
            if let step = course.nextStepAboveTarget, step.dailyDoseMg <= (ceiling?.value ?? course.patientMaximum.value) {
                return Suggestion(kind: .considerIncreasing, text: "\(change) after an adequate trial at \(course.currentStep?.dailyDoseMg ?? 0) mg/day, "
                    + "tolerated: consider increasing towards the maximum (next step \(step.dailyDoseMg) mg/day; this patient's maximum "
                    + "\(course.patientMaximum.value) mg/day \(course.patientMaximum.citation)) before switching, so that the trial is at the "
                    + "maximum tolerated dose")
            }
            let noHigher = ceiling.map { limit in (course.currentStep?.dailyDoseMg ?? 0) >= limit.value && course.nextStepAboveTarget != nil
                ? " (more than \(limit.value) mg/day is not known to help \(limit.citation))" : "" } ?? ""
            let next = remaining.isEmpty
                ? "no suitable drug remains on the ladder; consider referral to a specialist pain service"
                : "consider switching to one of the remaining drugs (\(remaining.joined(separator: ", ")))"
            return Suggestion(kind: .noMeaningfulChange, text: "\(change) after an adequate trial\(noHigher): \(next)")
        }
        let status = trial.map { " (\($0.text))" } ?? ""
        if trial?.stillTitrating ?? (course.nextStep != nil) {
            return Suggestion(kind: .continueTitration, text: "trial not yet adequate\(status): continue titration")
        }
        return Suggestion(kind: .continueToAdequateTrial, text: "trial not yet adequate\(status): continue at this dose until it is")
    }

    static func signed(_ x: Double) -> String {
        (x > 0 ? "+" : x < 0 ? "−" : "") + LadderReview.format(abs(x))
    }
}
