import Foundation
import Testing
@testable import PainLadder

/// The ladder section and referral prompts, against the bundled formulary.
@Suite("Review: ladder and referral")
struct ReviewLadderTests {
    @Test func clearance25RulesOutDuloxetineAndCapsPregabalin() throws {
        let r = try ReviewFixture(crCl: 25, versions: []).review(at: "2026-03-19T12:00:00Z")
        #expect(r.course == nil)
        #expect(r.ladder.remaining.map(\.drug) == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
        let duloxetine = try #require(r.ladder.remaining.first { $0.drug == "duloxetine" })
        guard case let .hardStop(_, rule, _, _)? = duloxetine.ruledOutBy else {
            Issue.record("duloxetine should be ruled out, got \(String(describing: duloxetine.ruledOutBy))")
            return
        }
        #expect(rule == "duloxetine-crcl-below-30")
        // pregabalin.json: band "CrCl 15 to <30 mL/min", maximum 150 mg/day [S33, S34].
        let pregabalin = try #require(r.ladder.remaining.first { $0.drug == "pregabalin" })
        #expect(pregabalin.maximumDailyDose?.value == 150)
        #expect(pregabalin.renalBand == "CrCl 15 to <30 mL/min")
        // gabapentin.json: the same band's maximum is 600 mg/day.
        #expect(r.ladder.remaining.first { $0.drug == "gabapentin" }?.maximumDailyDose?.value == 600)
        #expect(r.suggestion.kind == .noCourse)
        #expect(r.suggestion.text == "no course in progress: consider one of the remaining drugs (amitriptyline, gabapentin, pregabalin)")
    }

    @Test func allFourFailedPromptsReferral() throws {
        var f = try ReviewFixture(versions: [])
        let outcomes: [(String, Course.Outcome, String)] = [
            ("amitriptyline", .notTolerated, "2025-01-06"), ("duloxetine", .notEffective, "2025-03-03"),
            ("gabapentin", .notEffective, "2025-06-02"), ("pregabalin", .notTolerated, "2025-09-01"),
        ]
        f.courses = outcomes.enumerated().map { i, o in
            let start = ReviewFixture.day(o.2)
            return CourseRecord(course: ReviewFixture.course(Int64(i + 1), o.0, start: start, status: .stopped, outcome: o.1),
                                versions: [ReviewFixture.version(1, HandPlan.amitriptyline(start: start), from: start, course: Int64(i + 1))])
        }
        let r = f.review(at: "2026-03-19T12:00:00Z")
        #expect(r.course == nil && r.adherence == nil && r.trial == nil)
        #expect(r.ladder.courses.map(\.outcome) == [.notTolerated, .notEffective, .notEffective, .notTolerated])
        #expect(r.ladder.failed == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
        #expect(r.ladder.remaining.isEmpty)
        #expect(r.ladder.referralPrompts.map(\.kind) == [.allSuitableTried])
        #expect(r.suggestion.kind == .considerReferral)
        #expect(r.suggestion.text.hasSuffix("consider referral to a specialist pain service"))

        // A referral decision is shown with the ladder.
        var last = f.courses[3]
        last.versions.append(ReviewFixture.version(2, last.versions[0].schedule, from: ReviewFixture.day("2025-10-01"), course: 4,
                                                   decision: Decision(kind: .refer, by: "Dr Rao", reason: "all four failed"),
                                                   at: "2025-10-01T10:00:00Z"))
        f.courses[3] = last
        let referred = f.review(at: "2026-03-19T12:00:00Z")
        #expect(referred.ladder.referred?.by == "Dr Rao")
        #expect(referred.reviews.lastDecision?.kind == .refer)
    }

    @Test func aStoppedCourseThatWorkedStaysOnTheLadder() throws {
        var f = try ReviewFixture(versions: [])
        let start = ReviewFixture.day("2025-01-06")
        f.courses = [CourseRecord(course: ReviewFixture.course(1, "duloxetine", start: start, status: .stopped, outcome: .patientChoice),
                                  versions: [ReviewFixture.version(1, HandPlan.amitriptyline(start: start), from: start)])]
        #expect(f.review(at: "2026-03-19T12:00:00Z").ladder.remaining.map(\.drug).contains("duloxetine"))
    }

    @Test func aLocalOrderIsRespected() throws {
        var f = try ReviewFixture()
        f.formulary.pathway.ladderOrder = Sourced(["pregabalin", "amitriptyline", "gabapentin", "duloxetine"],
                                                  sources: ["S12"], status: .local)
        // amitriptyline is in progress, so it is not "remaining".
        #expect(f.review(at: "2026-03-19T12:00:00Z").ladder.remaining.map(\.drug) == ["pregabalin", "gabapentin", "duloxetine"])
        f.formulary.pathway.ladderOrder = Sourced(["gabapentin"], sources: ["S12"], status: .local)
        #expect(f.review(at: "2026-03-19T12:00:00Z").ladder.remaining.map(\.drug) == ["gabapentin", "duloxetine", "pregabalin"])
    }

    @Test func severePainAndPainThatStopsDailyLife() throws {
        var f = try ReviewFixture()
        f.pain("2026-03-01T10:00:00Z", 9, baseline: true, course: nil)
        // 8,8,7,8,7,7,8 → 53/7 = 7.57 ≥ 7 (the pathway's severe threshold): severe pain.
        let scores = [8, 8, 7, 8, 7, 7, 8]
        for i in 0..<7 {
            f.pain("2026-03-\(13 + i)T09:00:00Z", scores[i], impact: i == 6 ? "could not go to work" : nil)
        }
        let r = f.review(at: "2026-03-19T12:00:00Z")
        #expect(abs(r.pain.last7DaysMean! - 53.0 / 7) < 1e-9)
        // (53/7 − 9)/9 = −10/63 = −15.9 % → minimal.
        #expect(r.pain.band == .minimal)
        #expect(r.ladder.referralPrompts.map(\.kind) == [.severePain, .limitsDailyLife])
        #expect(r.ladder.referralPrompts[0].message.contains("mean 7.6"))
        #expect(r.ladder.referralPrompts[1].message.contains("could not go to work"))
        #expect(r.pain.impacts.map(\.text) == ["could not go to work"])
    }

    @Test func trigeminalNeuralgiaPromptsReferral() throws {
        let byDiagnosis = try ReviewFixture(diagnosis: "trigeminal-neuralgia", versions: []).review(at: "2026-03-19T12:00:00Z")
        #expect(byDiagnosis.ladder.referralPrompts.map(\.kind).contains(.trigeminalNeuralgia))
        // The pathway rule rules all four out for this diagnosis.
        let stops = byDiagnosis.ladder.remaining.allSatisfy(\.isRuledOut)
        #expect(stops)

        var f = try ReviewFixture()
        f.assess("2026-03-10T09:00:00Z", PainAssessment(character: [.sharpFacial], oneSidedFacial: true))
        let byFlag = f.review(at: "2026-03-19T12:00:00Z")
        #expect(byFlag.ladder.referralPrompts.map(\.kind) == [.trigeminalNeuralgia])
    }
}
