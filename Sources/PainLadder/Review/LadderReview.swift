import Foundation

/// One rung of the ladder so far: a course and how it ended.
public struct LadderCourse: Codable, Sendable, Equatable {
    public var courseID: Int64?
    public var drug: String
    public var drugName: String
    public var variant: String
    public var startDate: LocalDate
    public var status: Course.Status
    public var outcome: Course.Outcome?
    public var inProgress: Bool
}

/// Why a referral to a specialist pain service may be worth considering (NICE CG173 1.1.2,
/// and the trigeminal neuralgia route, 1.1.13–1.1.14).
public struct ReferralPrompt: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case allSuitableTried = "all-suitable-drugs-tried"
        case severePain = "severe-pain"
        case limitsDailyLife = "limits-daily-life"
        case worseningCondition = "worsening-condition"
        case trigeminalNeuralgia = "trigeminal-neuralgia"
    }

    public var kind: Kind
    public var message: String
}

/// The ladder: drugs tried with their outcomes, the drugs that remain with what rules each
/// out or needs care for this patient, and the referral prompts.
public struct LadderReview: Codable, Sendable, Equatable {
    /// A local drug order, when the formulary sets one.
    public var order: Sourced<[String]>?
    /// Every course, in start order.
    public var courses: [LadderCourse]
    /// Drugs not yet tried (or tried without failing), in ladder order, evaluated for this
    /// patient today; a ruled-out drug stays listed with the rule that rules it out.
    public var remaining: [LadderOption]
    /// Drugs left out because a course of them ended not effective, not tolerated or
    /// contraindicated, here or before PainLadder.
    public var failed: [String]
    /// Drugs tried before PainLadder (``PriorTreatment``); `nil` when none is recorded.
    public var before: [PriorTreatment]?
    public var referralPrompts: [ReferralPrompt]
    /// The latest referral decision, if one was recorded.
    public var referred: DecisionRecord?

    /// Remaining drugs that are not ruled out.
    public var usable: [LadderOption] { remaining.filter { !$0.isRuledOut } }

    /// Outcomes that take a drug off the ladder for this patient.
    public static let failingOutcomes: Set<Course.Outcome> = Set(Course.Outcome.allCases.filter(fails))

    /// Membership of ``failingOutcomes`` without building the set: a review asks once per
    /// course, and the set's one-time set-up cost more than the rest of the ladder section.
    static func fails(_ outcome: Course.Outcome) -> Bool {
        switch outcome {
        case .notEffective, .notTolerated, .contraindicated: true
        case .effective, .patientChoice: false
        }
    }

    init(context c: ReviewContext, pain: PainReview, sideEffects: SideEffectReview, referred: DecisionRecord?) {
        let f = c.formulary
        order = f.pathway.ladderOrder
        courses = c.courses.map { r in
            LadderCourse(courseID: r.course.id, drug: r.course.drug,
                         drugName: (try? f.drug(r.course.drug).name) ?? r.course.drug, variant: r.course.variant,
                         startDate: r.course.startDate, status: r.course.status, outcome: r.course.outcome,
                         inProgress: r.course.id != nil && r.course.id == c.focus?.course.id)
        }
        var failed: [String] = []
        for t in c.patient.priorTreatments ?? [] where t.failed && !failed.contains(t.drug) { failed.append(t.drug) }
        for r in c.courses where r.course.outcome.map(Self.fails) == true && !failed.contains(r.course.drug) {
            failed.append(r.course.drug)
        }
        before = c.patient.priorTreatments
        self.failed = failed
        let ranked = Self.ordered(f)
        let options = LadderOption.evaluate(formulary: f, patient: c.patient, on: c.today)
        remaining = ranked.compactMap { id in
            guard !failed.contains(id), id != c.focus?.course.drug else { return nil }
            return options.first { $0.drug == id }
        }
        self.referred = referred

        var prompts: [ReferralPrompt] = []
        if remaining.allSatisfy(\.isRuledOut) {
            let tried = failed.isEmpty ? "" : " (tried without success: \(failed.joined(separator: ", ")))"
            prompts.append(ReferralPrompt(kind: .allSuitableTried, message: c.focus == nil
                ? "all suitable drugs on the ladder have been tried or are ruled out\(tried)"
                : "no other suitable drug remains if \(c.focus!.course.drug) does not work\(tried)"))
        }
        let severe = f.pathway.referralSeverePain
        if let severe, let mean = pain.last7DaysMean, mean >= severe.value {
            prompts.append(ReferralPrompt(kind: .severePain, message:
                "severe pain: mean \(Self.format(mean)) over the last 7 days (severe from \(Self.format(severe.value)) \(severe.citation))"))
        }
        var limits: [String] = []
        if !pain.stopsDoing.isEmpty, let on = pain.assessedOn {
            limits.append("stops them doing: \(pain.stopsDoing.joined(separator: "; ")) (assessment \(on))")
        }
        if let severe {
            // The current state: what was recorded with a severe score in the last 7 days.
            let since = c.today.adding(days: -6)
            for point in c.pains {
                let p = point.detail
                guard let impact = p.impact, !impact.isEmpty, Double(p.score) >= severe.value else { continue }
                let day = point.day
                if day >= since && day <= c.today { limits.append("\"\(impact)\" with pain \(p.score)/10 on \(day)") }
            }
        }
        if !limits.isEmpty {
            prompts.append(ReferralPrompt(kind: .limitsDailyLife,
                                          message: "pain limits daily life: \(limits.joined(separator: "; "))"))
        }
        if let relapse = sideEffects.flags.last(where: { $0.kind == .possibleRelapse }) {
            prompts.append(ReferralPrompt(kind: .worseningCondition,
                                          message: "the underlying condition may have got worse (\(relapse.date)): \(relapse.message)"))
        }
        let diagnosis = f.diagnosis(c.patient.diagnosis)
        if diagnosis?.category == "trigeminal" {
            prompts.append(ReferralPrompt(kind: .trigeminalNeuralgia,
                                          message: "diagnosis \(diagnosis!.label): not on this ladder (carbamazepine first; consider early referral)"))
        } else if let tn = sideEffects.flags.last(where: { $0.kind == .possibleTrigeminalNeuralgia }) {
            prompts.append(ReferralPrompt(kind: .trigeminalNeuralgia, message: "\(tn.message) (\(tn.date))"))
        }
        referralPrompts = prompts
    }

    /// Drug ids in the local order when one is set (drugs it leaves out follow in formulary
    /// order), else in formulary order.
    static func ordered(_ f: Formulary) -> [String] {
        let all = f.drugs.map(\.id)
        guard let order = f.pathway.ladderOrder?.value else { return all }
        return order.filter(all.contains) + all.filter { !order.contains($0) }
    }

    static func format(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
