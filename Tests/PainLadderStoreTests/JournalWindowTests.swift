import Foundation
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

/// Reading only the journal around an instant (``Store/snapshot(patientID:allCourses:journalNear:)``)
/// gives, around that instant, the same journal in force as reading all of it.
@Suite("Journal window")
struct JournalWindowTests {
    @Test func windowKeepsItsEntriesAndWhatCorrectsThem() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
            let (course, v1) = try store.startCourse(sampleCourse(), plan: samplePlan())
            let oneDay = 86_400.0
            func dose(_ d: Double, slot: String) -> JournalEntry {
                JournalEntry(patientID: "P001", courseID: course.id, planVersionID: v1.id,
                             at: t0 + d * oneDay, recordedAt: t0 + d * oneDay, recordedBy: "P001",
                             event: .taken(DoseDetail(slot: SlotKey(date: day(slot), time: LocalTime(hour: 22, minute: 0)!),
                                                      doseMg: 10, plannedDoseMg: 10, stepNumber: 1, late: false)))
            }
            // #1 on day 0, #2 on day 20, #3 on day 40; #4 (recorded on day 30) corrects #1 and
            // moves it to day 9; #5 (day 41) undoes #4. Days 0, 9, 20, 40 are far apart.
            let written = try store.recordJournal(patientID: "P001") { _ in
                JournalWrite(entries: [dose(0, slot: "2026-03-02"), dose(20, slot: "2026-03-22"), dose(40, slot: "2026-04-11")])
            }.entries
            var correction = dose(9, slot: "2026-03-11")
            correction.supersedes = written[0].id
            correction.recordedAt = t0 + 30 * oneDay
            let fix = try store.recordJournal(patientID: "P001") { _ in JournalWrite(entries: [correction]) }.entries[0]
            let undo = JournalEntry(patientID: "P001", courseID: course.id, at: t0 + 9 * oneDay,
                                    recordedAt: t0 + 41 * oneDay, recordedBy: "P001", supersedes: fix.id, reason: "typo", event: .undo)
            _ = try store.recordJournal(patientID: "P001") { _ in JournalWrite(entries: [undo]) }

            let all = try store.snapshot(patientID: "P001")
            #expect(all.journal.count == 5)
            for near in [0.0, 9, 20, 40] {
                let window = try store.snapshot(patientID: "P001", journalNear: t0 + near * oneDay)
                let span = (t0 + near * oneDay - Store.journalWindow)...(t0 + near * oneDay + Store.journalWindow)
                #expect(window.effectiveJournal == all.effectiveJournal.filter { span.contains($0.at) }, "near day \(near)")
            }
            // Around day 0: #1, and the chain that replaced it (#4, then #5), nothing else.
            let first = try store.snapshot(patientID: "P001", journalNear: t0)
            #expect(first.journal.compactMap(\.id) == [written[0].id!, fix.id!, fix.id! + 1])
            #expect(first.effectiveJournal.isEmpty, "#1 was corrected and the correction undone")
        }
    }
}

/// Plan versions read with each distinct schedule sent once (``Store/fetchPlanVersions(where:arguments:decisions:_:)``)
/// come back exactly as written.
@Suite("Plan version reading")
struct PlanVersionReadingTests {
    @Test func repeatedAndChangedSchedulesReadBackAsWritten() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
            let (course, v1) = try store.startCourse(sampleCourse(), plan: samplePlan())
            // A, A, B, B, A: unchanged, changed, unchanged, changed back.
            let a = v1.schedule, b = sampleSchedule(doses: [10, 20])
            var written = [v1]
            for (i, schedule) in [a, b, b, a].enumerated() {
                var next = nextVersion(of: written.last!, schedule: schedule, reason: "review \(i)", at: t0 + Double(i + 1) * 86_400)
                next.decision = Decision(kind: .continue, by: "dr.khan", reason: "review \(i)")
                written.append(try store.addPlanVersion(next))
            }
            #expect(try store.planVersions(courseID: course.id!) == written)
            #expect(try store.snapshot(patientID: "P001").versions == written)
            #expect(try store.patientRecord(patientID: "P001").courses.first?.versions == written)
        }
    }
}
