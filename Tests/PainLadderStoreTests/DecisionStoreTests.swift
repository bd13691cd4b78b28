import Foundation
import FormularyData
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

/// Decisions through the Clinic workflow on real SQLite files: one transaction each, the
/// version chain, switches that leave the old course tapering, and the audit trail.
@Suite("Decisions in the store")
struct DecisionStoreTests {
    static let formulary: Formulary = try! FormularyLoader.bundled()

    /// Noon UTC on a date.
    func noon(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day(text).dayNumber * 86_400 + 12 * 3_600))
    }

    func clinic(_ dir: String) throws -> Clinic {
        let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
        let patient = Patient(id: "P001", birthDate: day("1970-05-01"), sex: .female, timeZone: "Europe/London",
                              creatinineClearance: 90, diagnosis: "diabetic-peripheral-neuropathy")
        try store.addPatient(patient, at: noon("2026-03-01"), by: "dr.khan")
        return Clinic(store: store, formulary: Self.formulary)
    }

    func decision(_ kind: Decision.Kind, _ configure: (inout DecisionRequest) -> Void = { _ in }) -> DecisionRequest {
        var r = DecisionRequest(kind: kind, by: "Dr Rao", reason: "reviewed")
        configure(&r)
        return r
    }

    @Test func switchKeepsTheOldCourseTaperingBesideTheNewOne() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            let (old, v1) = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil, times: nil,
                                                   by: "Dr Rao", now: noon("2026-03-02"))
            let record = try clinic.decide(patientID: "P001", decision(.switch) {
                $0.switchTo = "pregabalin"; $0.outcome = .notTolerated
            }, now: noon("2026-03-11"))

            let store = clinic.store as! Store
            let new = try #require(record.newCourse)
            #expect(new.drug == "pregabalin" && new.startDate == day("2026-03-25") && new.status == .titrating)
            // activeCourse keeps meaning "the course the patient is on": the new one.
            #expect(try store.activeCourse(patientID: "P001") == new)
            // The tapering old course is found among the courses in progress.
            let inProgress = try store.coursesInProgress(patientID: "P001").map(\.0)
            #expect(inProgress.map(\.drug) == ["pregabalin", "amitriptyline"])
            #expect(inProgress.last?.status == .tapering && inProgress.last?.outcome == .notTolerated)

            // The old course's version 2 replaces version 1 and links to the new course.
            let versions = try store.planVersions(courseID: old.id!)
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[1].replacesID == v1.id)
            #expect(versions[1].decision?.details["newCourseID"] == String(new.id!))
            #expect(versions[1].schedule.stopDate == day("2026-03-25"))
            let first = try #require(try store.currentPlan(courseID: new.id!))
            #expect(first.version == 1 && first.decision?.details["fromCourseID"] == String(old.id!))
            #expect(first.nextReviewDate == day("2026-04-08"))

            #expect(try store.auditTrail(patientID: "P001").map(\.action)
                    == ["patient.add", "course.start", "course.start", "decision.switch"])
            #expect(try clinic.coursesInProgress(patientID: "P001").map { $0.1.version } == [1, 2])
        }
    }

    @Test func aRefusedDecisionChangesNothing() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            _ = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil, times: nil,
                                       by: "Dr Rao", now: noon("2026-03-02"))
            let trail = try clinic.store.auditTrail(patientID: "P001")
            let courses = try (clinic.store as! Store).courses(patientID: "P001")
            // 20 mg began 03-09; at least 3 days a step: too soon on 03-10.
            #expect(throws: PainLadderError.self) {
                _ = try clinic.decide(patientID: "P001", decision(.increase), now: noon("2026-03-10"))
            }
            #expect(throws: PainLadderError.self) {
                _ = try clinic.decide(patientID: "P001", decision(.switch) { $0.switchTo = "amitriptyline"; $0.outcome = .notEffective },
                                      now: noon("2026-03-10"))
            }
            #expect(try clinic.store.auditTrail(patientID: "P001") == trail)
            #expect(try (clinic.store as! Store).courses(patientID: "P001") == courses)
            #expect(try (clinic.store as! Store).planVersions(courseID: courses[0].id!).count == 1)
        }
    }

    @Test func aModerateSideEffectHoldsAndContinueLiftsTheHoldWithBothAudited() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            let (course, _) = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil, times: nil,
                                                     by: "Dr Rao", now: noon("2026-03-02"))
            let held = try clinic.reportSideEffect(patientID: "P001", symptom: "drowsiness", severity: .moderate, since: nil,
                                                   note: nil, by: "P001", now: noon("2026-03-10"))
            #expect(held.newPlan?.holdReason != nil)
            #expect(try (clinic.store as! Store).course(id: course.id!)?.status == .held)

            let record = try clinic.decide(patientID: "P001", decision(.continue) { $0.reason = "drowsiness settled" },
                                           now: noon("2026-03-20"))
            #expect(record.result.plan.version == 3 && record.result.plan.holdReason == nil)
            #expect(record.course.status == .titrating)
            // Held at 20 mg since 03-09; lifted on 03-20: 30 mg from today.
            #expect(record.result.plan.step(on: day("2026-03-20"))?.dailyTotal == 30)

            let trail = try clinic.store.auditTrail(patientID: "P001")
            let hold = try #require(trail.first { $0.action == "plan.version" })
            let lift = try #require(trail.first { $0.action == "decision.continue" })
            #expect(hold.actor == "painladder (hold rule)" && hold.detail.contains("\"statusAfter\":\"held\""))
            #expect(lift.actor == "Dr Rao" && lift.detail.contains("drowsiness settled"))
            #expect(lift.detail.contains("\"statusBefore\":\"held\"") && lift.detail.contains("\"statusAfter\":\"titrating\""))
            #expect(hold.id < lift.id)
        }
    }

    @Test func anEndedTaperNoLongerBlocksANewStart() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            let (course, _) = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil, times: nil,
                                                     by: "Dr Rao", now: noon("2026-03-02"))
            // At 30 mg on 03-18 after 16 days: short use, at least 14 days: 20, 10, stop 04-01.
            let stop = try clinic.decide(patientID: "P001", decision(.stop) { $0.outcome = .notEffective }, now: noon("2026-03-18"))
            #expect(stop.result.taper?.stopDate == day("2026-04-01"))
            #expect(stop.course.status == .tapering && stop.course.outcome == .notEffective)
            // Still tapering on 03-25: a new start is refused.
            #expect(throws: PainLadderError.self) {
                _ = try clinic.startCourse(patientID: "P001", drug: "pregabalin", variant: nil, on: nil, times: nil,
                                           by: "Dr Rao", now: noon("2026-03-25"))
            }
            // From the stop date the old course is closed and the new one starts.
            let (next, _) = try clinic.startCourse(patientID: "P001", drug: "pregabalin", variant: nil, on: nil, times: nil,
                                                   by: "Dr Rao", now: noon("2026-04-01"))
            #expect(try (clinic.store as! Store).course(id: course.id!)?.status == .stopped)
            #expect(try (clinic.store as! Store).activeCourse(patientID: "P001") == next)
            #expect(try clinic.store.auditTrail(patientID: "P001").map(\.action).suffix(2) == ["course.stop", "course.start"])
        }
    }

    @Test func referAfterAllFourDrugsIsRecorded() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            _ = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil, times: nil,
                                       by: "Dr Rao", now: noon("2026-01-05"))
            // Each switch is sequential; the next one is decided once the new drug has started.
            _ = try clinic.decide(patientID: "P001", decision(.switch) { $0.switchTo = "duloxetine"; $0.outcome = .notEffective },
                                  now: noon("2026-03-09"))
            _ = try clinic.decide(patientID: "P001", decision(.switch) { $0.switchTo = "gabapentin"; $0.outcome = .notTolerated },
                                  now: noon("2026-05-04"))
            _ = try clinic.decide(patientID: "P001", decision(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notEffective },
                                  now: noon("2026-07-06"))
            _ = try clinic.decide(patientID: "P001", decision(.stop) { $0.outcome = .notEffective }, now: noon("2026-09-07"))
            let courses = try (clinic.store as! Store).courses(patientID: "P001")
            #expect(courses.map(\.drug) == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
            #expect(courses.allSatisfy { $0.outcome != nil })
            let record = try clinic.decide(patientID: "P001", decision(.refer) { $0.reason = "all four first-line drugs failed" },
                                           now: noon("2026-10-05"))
            #expect(record.result.plan.decision?.kind == .refer)
            #expect(record.result.plan.decision?.details["to"] == "specialist pain service")
            // The pregabalin taper had ended by 10-05: it is closed first, and the referral is kept on it.
            #expect(record.closedTapers.map(\.drug) == ["pregabalin"])
            #expect(record.course.drug == "pregabalin" && record.course.status == .stopped)
            #expect(try clinic.store.auditTrail(patientID: "P001").last?.action == "decision.refer")
        }
    }

    @Test func noCourseNoPatient() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            #expect { _ = try clinic.decide(patientID: "P001", decision(.refer), now: noon("2026-03-02")) } throws: {
                ($0 as? PainLadderError).map { "\($0)".contains("no course") } ?? false
            }
            #expect(throws: PainLadderError.unknownPatient("NOBODY")) {
                _ = try clinic.decide(patientID: "NOBODY", decision(.refer), now: noon("2026-03-02"))
            }
        }
    }

    @Test func aVersionPreparedAgainstAnOlderPlanIsRefused() throws {
        try withTemporaryDirectory { dir in
            let clinic = try clinic(dir)
            _ = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil, times: nil,
                                       by: "Dr Rao", now: noon("2026-03-02"))
            let trail = try clinic.store.auditTrail(patientID: "P001")
            #expect(throws: PainLadderError.self) {
                _ = try clinic.store.recordDecision(patientID: "P001", today: day("2026-03-18"), at: noon("2026-03-18")) { s in
                    var result = try Decisions.decide(decision(.hold), DecisionContext(
                        formulary: Self.formulary, patient: s.patient, course: s.course, plan: s.plan, courses: s.courses,
                        today: day("2026-03-18"), now: noon("2026-03-18")))
                    result.plan.version += 1   // as if someone else had saved a version meanwhile
                    return result
                }
            }
            #expect(try clinic.store.auditTrail(patientID: "P001") == trail)
        }
    }
}
