import Foundation
import FormularyData
import PainLadder
import PainLadderClinic
import Testing

/// The take / side effect / decide / review path through `Clinic`, on both backends: the
/// hand-worked expectations of the SQLite store's decision tests, and the same record read
/// back from either store.
@Suite struct WorkflowBackendTests {
    static let formulary: Formulary = try! FormularyLoader.bundled()

    /// Noon UTC on a date.
    static func noon(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(LocalDate(parsing: text)!.dayNumber * 86_400 + 12 * 3_600))
    }

    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// Starts amitriptyline on 03-02, records two nights' doses, a moderate side effect on
    /// 03-10 (the hold rule holds the step-up) and a `continue` on 03-20 that lifts it.
    static func scenario(_ store: any ClinicStore) throws -> (Clinic, Course, SavedDecision) {
        let patient = Patient(id: "P001", birthDate: day("1970-05-01"), sex: .female, timeZone: "Europe/London",
                              creatinineClearance: 90, diagnosis: "diabetic-peripheral-neuropathy")
        try store.addPatient(patient, at: noon("2026-03-01"), by: "dr.khan")
        let clinic = Clinic(store: store, formulary: formulary)
        let (course, _) = try clinic.startCourse(patientID: "P001", drug: "amitriptyline", variant: nil, on: nil,
                                                 times: nil, by: "Dr Rao", now: noon("2026-03-02"))
        for night in ["2026-03-02", "2026-03-03"] {
            let at = TimeExpression(.wallClock(.date(day(night)), LocalTime(hour: 22, minute: 5)!), given: "22:05")
            _ = try clinic.take(patientID: "P001", at: at, doseMg: nil, note: nil, by: "P001",
                                now: noon(night).addingTimeInterval(11 * 3_600))
        }
        let held = try clinic.reportSideEffect(patientID: "P001", symptom: "drowsiness", severity: .moderate, since: nil,
                                               note: nil, by: "P001", now: noon("2026-03-10"))
        #expect(held.newPlan?.holdReason != nil)
        let request = DecisionRequest(kind: .continue, by: "Dr Rao", reason: "drowsiness settled")
        let lifted = try clinic.decide(patientID: "P001", request, now: noon("2026-03-20"))
        return (clinic, course, lifted)
    }

    @Test(arguments: Backend.allCases)
    func theJournalAndDecisionsGiveTheHandWorkedPlan(_ backend: Backend) throws {
        try backend.withStore { store in
            let (clinic, course, lifted) = try Self.scenario(store)
            #expect(lifted.result.plan.version == 3 && lifted.result.plan.holdReason == nil)
            #expect(lifted.course.status == .titrating)
            // Held at 20 mg since 03-09; lifted on 03-20: 30 mg from that day.
            #expect(lifted.result.plan.step(on: Self.day("2026-03-20"))?.dailyTotal == 30)
            let record = try store.patientRecord(patientID: "P001")
            #expect(record.journal.filter { $0.kind == .taken }.count == 2)
            #expect(record.courses.map { $0.versions.map(\.version) } == [[1, 2, 3]])
            #expect(try store.auditTrail(patientID: "P001").map(\.action)
                == ["patient.add", "course.start", "journal.taken", "journal.taken", "plan.version",
                    "journal.side-effect", "decision.continue"])
            let today = try clinic.today(patientID: "P001", now: Self.noon("2026-03-21"))
            #expect(today.drug == course.drug)
            let queue = try store.reviewQueue(dueBy: Self.day("2026-12-31"))
            #expect(queue.map(\.planVersion) == [3])
        }
    }

    /// The same scenario on both backends reads back as the same record and the same review.
    @Test func bothBackendsKeepTheSameRecord() throws {
        let results = try Backend.allCases.map { backend in
            try backend.withStore { store in
                let (clinic, _, _) = try Self.scenario(store)
                let record = try store.patientRecord(patientID: "P001")
                return (record.patient, record.courses, record.journal, record.zones,
                        try clinic.review(patientID: "P001", now: Self.noon("2026-03-21")),
                        try store.auditTrail(patientID: "P001").map { [$0.action, $0.actor] })
            }
        }
        let (sqlite, postgres) = (results[0], results[1])
        #expect(sqlite.0 == postgres.0)
        #expect(sqlite.1 == postgres.1)
        #expect(sqlite.2 == postgres.2)
        #expect(sqlite.3 == postgres.3)
        #expect(sqlite.4 == postgres.4)
        #expect(sqlite.5 == postgres.5)
    }
}
