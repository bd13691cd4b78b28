import Foundation
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

@Suite("Patients")
struct PatientStoreTests {
    @Test("add, read back, list in id order; each add is audited")
    func addAndList() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            var minimal = Patient(id: "A7", birthDate: day("1990-01-31"), sex: .male, timeZone: "UTC",
                                  diagnosis: "post-herpetic-neuralgia")
            try store.addPatient(samplePatient("P002"), at: t0, by: "nurse.lee")
            try store.addPatient(minimal, at: t0, by: "nurse.lee")
            try store.addPatient(samplePatient("P001"), at: t0, by: "nurse.lee")
            #expect(try store.patients().map(\.id) == ["A7", "P001", "P002"])
            #expect(try store.patient("A7") == minimal)
            #expect(try store.patient("P002") == samplePatient("P002"))
            minimal.id = "A8"
            #expect(try store.patient("A7") != minimal)

            let trail = try store.auditTrail(patientID: "P001")
            #expect(trail.count == 1)
            #expect(trail.first?.action == "patient.add")
            #expect(trail.first?.actor == "nurse.lee")
            #expect(trail.first?.at == t0)
            #expect(trail.first?.detail.contains("\"diabetic-peripheral-neuropathy\"") == true)
        }
    }

    @Test("a duplicate id is refused and nothing is written")
    func duplicate() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
            var other = samplePatient()
            other.name = "Someone Else"
            #expect(throws: PainLadderError.duplicatePatient("P001")) {
                try store.addPatient(other, at: t0, by: "dr.khan")
            }
            #expect(try store.patient("P001").name == "Ann Example")
            #expect(try store.auditTrail(patientID: "P001").count == 1)
        }
    }

    @Test("an unknown patient is .unknownPatient everywhere")
    func unknown() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            let unknown = PainLadderError.unknownPatient("P404")
            #expect(throws: unknown) { try store.patient("P404") }
            #expect(throws: unknown) { try store.updatePatient(samplePatient("P404"), at: t0, by: "x", reason: nil) }
            #expect(throws: unknown) { try store.auditTrail(patientID: "P404") }
            #expect(throws: unknown) { try store.courses(patientID: "P404") }
            #expect(throws: unknown) { try store.activeCourse(patientID: "P404") }
            #expect(throws: unknown) { try store.startCourse(sampleCourse("P404"), plan: samplePlan()) }
        }
    }

    @Test("an update keeps the record before and after, who, when and why")
    func updateKeepsHistory() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            let before = samplePatient()
            try store.addPatient(before, at: t0, by: "dr.khan")
            var after = before
            after.creatinineClearance = 42
            after.serumCreatinine = nil
            after.medicines = ["sertraline"]
            let later = t0.addingTimeInterval(86_400)
            #expect(try store.updatePatient(after, at: later, by: "pharm.ode", reason: "new renal results"))
            #expect(try store.patient("P001") == after)
            #expect(try store.updatePatient(after, at: later, by: "pharm.ode", reason: nil) == false)

            let trail = try store.auditTrail(patientID: "P001")
            #expect(trail.map(\.action) == ["patient.add", "patient.update"])
            let update = try #require(trail.last)
            #expect(update.actor == "pharm.ode")
            #expect(update.at == later)
            struct Change: Decodable { var before: Patient; var after: Patient; var reason: String? }
            let change = try JSONDecoder().decode(Change.self, from: Data(update.detail.utf8))
            #expect(change.before == before)
            #expect(change.after == after)
            #expect(change.reason == "new renal results")
        }
    }
}
