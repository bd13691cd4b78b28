import Foundation
import GRDB
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

@Suite("Store: review reads")
struct ReviewStoreTests {
    /// P001: amitriptyline v1 (review 03-16), then a hold as v2 (review 03-30).
    /// P002: a stopped gabapentin course (review 03-10 on its last version), then pregabalin v1 (review 03-12).
    /// P003: no course.
    private func populated(_ dir: String) throws -> Store {
        let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
        for id in ["P001", "P002", "P003"] { try store.addPatient(samplePatient(id), at: t0, by: "dr.khan") }
        let (_, v1) = try store.startCourse(sampleCourse(), plan: samplePlan())
        var hold = nextVersion(of: v1, schedule: v1.schedule, reason: "held", at: t0 + 86_400 * 8)
        hold.holdReason = "moderate dizziness"
        hold.nextReviewDate = day("2026-03-30")
        try store.addPlanVersion(hold, courseStatus: .held)

        var gabaPlan = samplePlan()
        gabaPlan.nextReviewDate = day("2026-03-05")
        let (_, g1) = try store.startCourse(sampleCourse("P002", drug: "gabapentin"), plan: gabaPlan)
        var stop = nextVersion(of: g1, schedule: g1.schedule, reason: "stopped", at: t0 + 86_400 * 3)
        stop.nextReviewDate = day("2026-03-10")
        try store.addPlanVersion(stop, courseStatus: .stopped, outcome: .notTolerated)
        var pregaPlan = samplePlan(at: t0 + 86_400 * 4)
        pregaPlan.nextReviewDate = day("2026-03-12")
        var pregabalin = sampleCourse("P002", drug: "pregabalin", at: t0 + 86_400 * 4)
        pregabalin.startDate = day("2026-03-06")
        _ = try store.startCourse(pregabalin, plan: pregaPlan)
        return store
    }

    @Test("the day list reads each course's current version only, and skips stopped courses")
    func queue() throws {
        try withTemporaryDirectory { dir in
            let store = try populated(dir)
            // By 03-20: P001's v1 date (03-16) is replaced by v2's 03-30; P002's stopped gabapentin
            // is left out; pregabalin (03-12) is listed.
            let due = try store.reviewQueue(dueBy: day("2026-03-20"))
            #expect(due.map(\.patientID) == ["P002"])
            #expect(due.first?.drug == "pregabalin")
            #expect(due.first?.nextReviewDate == day("2026-03-12"))
            #expect(due.first?.timeZone == "Europe/London")
            let later = try store.reviewQueue(dueBy: day("2026-03-31"))
            #expect(later.map(\.patientID) == ["P002", "P001"])
            #expect(later.last?.planVersion == 2)
            #expect(later.last?.holdReason == "moderate dizziness")
        }
    }

    @Test("the day list query reads courses, then each one's current version by index: never every version")
    func queuePlan() throws {
        try withTemporaryDirectory { dir in
            let store = try populated(dir)
            let plan = try store.queue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.reviewQueueSQL, arguments: ["stopped", "2026-03-20"])
                    .map { $0["detail"] as String }
            }
            // One scan, over courses (the partial index of courses in progress when present), never over plan versions.
            let scans = plan.filter { $0.hasPrefix("SCAN") }
            #expect(scans.count == 1 && scans[0].hasPrefix("SCAN c"), "\(plan)")
            #expect(plan.contains { $0.contains("(course_id=? AND version=?)") }, "\(plan)")
        }
    }

    @Test("a patient's record holds every course with its versions, in start order")
    func record() throws {
        try withTemporaryDirectory { dir in
            let store = try populated(dir)
            let record = try store.patientRecord(patientID: "P002")
            #expect(record.courses.map(\.course.drug) == ["gabapentin", "pregabalin"])
            #expect(record.courses.map { $0.versions.map(\.version) } == [[1, 2], [1]])
            #expect(record.courses[0].course.outcome == .notTolerated)
            #expect(try store.patientRecord(patientID: "P003").courses.isEmpty)
            #expect(throws: PainLadderError.unknownPatient("NOBODY")) { try store.patientRecord(patientID: "NOBODY") }
        }
    }
}
