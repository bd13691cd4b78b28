import Foundation
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

@Suite("Courses and plan versions")
struct CourseStoreTests {
    /// A store holding P001 with an amitriptyline course at plan version 1.
    private func started(_ dir: String) throws -> (Store, Course, PlanVersion) {
        let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
        try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
        let (course, v1) = try store.startCourse(sampleCourse(), plan: samplePlan())
        return (store, course, v1)
    }

    @Test("starting a course saves it and plan version 1, with ids assigned, and audits it")
    func start() throws {
        try withTemporaryDirectory { dir in
            let (store, course, v1) = try started(dir)
            let id = try #require(course.id)
            #expect(course == { var c = sampleCourse(); c.id = id; return c }())
            #expect(v1.id != nil)
            #expect(v1.courseID == id)
            #expect(v1.version == 1)
            #expect(v1.replacesID == nil)
            #expect(v1.schedule == sampleSchedule())
            #expect(try store.course(id: id) == course)
            #expect(try store.course(id: 999) == nil)
            #expect(try store.activeCourse(patientID: "P001") == course)
            #expect(try store.courses(patientID: "P001") == [course])
            #expect(try store.currentPlan(courseID: id) == v1)
            let trail = try store.auditTrail(patientID: "P001")
            #expect(trail.map(\.action) == ["patient.add", "course.start"])
            #expect(trail.last?.courseID == id)
        }
    }

    @Test("v1 → v2 → v3: each replaces the one before; v1 keeps its original schedule")
    func versionChain() throws {
        try withTemporaryDirectory { dir in
            let (store, course, v1) = try started(dir)
            let id = try #require(course.id)
            let held = sampleSchedule(doses: [10, 20])
            var next = nextVersion(of: v1, schedule: held, reason: "held for dizziness", at: t0 + 86_400 * 10)
            next.holdReason = "moderate dizziness"
            next.author = "dr.patel"
            let v2 = try store.addPlanVersion(next, courseStatus: .held)
            #expect(v2.version == 2)
            #expect(v2.replacesID == v1.id)
            #expect(try store.course(id: id)?.status == .held)

            var third = nextVersion(of: v2, schedule: sampleSchedule(doses: [10, 20, 30, 40]),
                                    reason: "resume titration", at: t0 + 86_400 * 20)
            third.holdReason = nil
            third.overrides = [Override(limit: "minimumInterval", by: "dr.patel", reason: "tolerating well",
                                        at: t0 + 86_400 * 20)]
            let v3 = try store.addPlanVersion(third, courseStatus: .titrating)
            #expect(v3.replacesID == v2.id)
            #expect(v3.overrides == third.overrides)

            let all = try store.planVersions(courseID: id)
            #expect(all.map(\.version) == [1, 2, 3])
            #expect(all[0] == v1)
            #expect(all[0].schedule == sampleSchedule())
            #expect(all[1].schedule == held)
            #expect(all[1].holdReason == "moderate dizziness")
            #expect(try store.currentPlan(courseID: id) == v3)
            #expect(try store.course(id: id)?.status == .titrating)

            let trail = try store.auditTrail(patientID: "P001").filter { $0.action == "plan.version" }
            #expect(trail.map(\.actor) == ["dr.patel", "dr.patel"])
            #expect(trail.first?.detail.contains("\"statusAfter\":\"held\"") == true)
        }
    }

    @Test("a version that does not replace the current one is refused and changes nothing")
    func staleVersion() throws {
        try withTemporaryDirectory { dir in
            let (store, course, v1) = try started(dir)
            let id = try #require(course.id)
            // Two clinicians prepare a change against v1; the first one wins.
            let first = nextVersion(of: v1, schedule: sampleSchedule(doses: [10]), reason: "hold", at: t0)
            let second = nextVersion(of: v1, schedule: sampleSchedule(doses: [10, 25]), reason: "step", at: t0)
            _ = try store.addPlanVersion(first, courseStatus: .held)
            let auditCount = try store.auditTrail(patientID: "P001").count

            for bad in [second, { var v = second; v.version = 3; return v }(),
                        { var v = second; v.replacesID = nil; v.version = 1; return v }()] {
                let error = try #require(throws: PainLadderError.self) {
                    try store.addPlanVersion(bad, courseStatus: .stopped, outcome: .notTolerated)
                }
                guard case .notPossible(let message) = error else { Issue.record("\(error)"); continue }
                #expect(message.description.contains("version 2"))
            }
            #expect(try store.planVersions(courseID: id).count == 2)
            #expect(try store.course(id: id)?.status == .held)
            #expect(try store.auditTrail(patientID: "P001").count == auditCount)

            var orphan = nextVersion(of: v1, schedule: sampleSchedule(), reason: "x", at: t0)
            orphan.courseID = 999
            #expect(throws: PainLadderError.notPossible("course: there is no course 999")) {
                try store.addPlanVersion(orphan)
            }
        }
    }

    @Test("a second course while one is active is refused; after stopping, the next starts")
    func secondCourse() throws {
        try withTemporaryDirectory { dir in
            let (store, course, v1) = try started(dir)
            let id = try #require(course.id)
            let pregabalin = sampleCourse(drug: "pregabalin", at: t0 + 86_400 * 60)
            let error = try #require(throws: PainLadderError.self) {
                try store.startCourse(pregabalin, plan: samplePlan())
            }
            guard case .notPossible(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.description.contains("amitriptyline"))
            #expect(try store.courses(patientID: "P001").count == 1)

            // An outcome without stopping is refused.
            let taper = nextVersion(of: v1, schedule: sampleSchedule(doses: [10]), reason: "taper", at: t0)
            #expect(throws: PainLadderError.self) { try store.addPlanVersion(taper, outcome: .notEffective) }

            let v2 = try store.addPlanVersion(taper, courseStatus: .stopped, outcome: .notEffective)
            let stopped = try #require(try store.course(id: id))
            #expect(stopped.status == .stopped)
            #expect(stopped.outcome == .notEffective)
            #expect(try store.activeCourse(patientID: "P001") == nil)
            // A stopped course's plan no longer changes.
            #expect(throws: PainLadderError.self) {
                try store.addPlanVersion(nextVersion(of: v2, schedule: sampleSchedule(), reason: "x", at: t0),
                                         courseStatus: .titrating)
            }

            var later = pregabalin
            later.startDate = day("2026-05-01")
            let (next, _) = try store.startCourse(later, plan: samplePlan())
            #expect(try store.activeCourse(patientID: "P001") == next)
            #expect(try store.courses(patientID: "P001").map(\.drug) == ["amitriptyline", "pregabalin"])
        }
    }

    @Test("two clinicians (two processes) racing to change the same plan: exactly one wins")
    func race() throws {
        try withTemporaryDirectory { dir in
            let (store, course, v1) = try started(dir)
            let stores = try (0..<4).map { _ in try Store(path: store.path, createIfMissing: false) }
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: stores.count) { i in
                let v = nextVersion(of: v1, schedule: sampleSchedule(doses: [10 * (i + 1)]), reason: "r\(i)", at: t0)
                do {
                    _ = try stores[i].addPlanVersion(v, courseStatus: .held)
                    results.append(nil)
                } catch let error as PainLadderError {
                    if case .notPossible = error { results.append("refused") } else { results.append("\(error)") }
                } catch { results.append("\(error)") }
            }
            #expect(results.values.filter { $0 == nil }.count == 1)
            #expect(results.values.filter { $0 == "refused" }.count == stores.count - 1)
            #expect(try store.planVersions(courseID: course.id!).map(\.version) == [1, 2])
        }
    }
}
