import Foundation
import PainLadder
import PainLadderClinic
import Testing

/// The same expectations of the patient units of work on both backends.
@Suite struct PatientBackendTests {
    static let at = Date(timeIntervalSince1970: 1_772_443_500.1234)   // 2026-03-02T09:25:00.123Z once rounded

    static func full(_ id: String) -> Patient {
        var p = Patient(id: id, name: "Ann O'Example \"Ñ\"", birthDate: LocalDate(year: 1958, month: 4, day: 12)!,
                        sex: .female, timeZone: "Europe/London", weightKg: 61.5, heightCm: 163,
                        serumCreatinine: SerumCreatinine(value: 88, unit: .micromolPerLitre),
                        creatinineClearance: 54.25, hepaticImpairment: true, frail: true, pregnancyPotential: false,
                        diagnosis: "diabetic-peripheral-neuropathy", conditions: ["heart-failure"],
                        medicines: ["sertraline", "tramadol"])
        p.stoppedMedicines = [StoppedMedicine(name: "Nardil", stopped: LocalDate(year: 2026, month: 3, day: 1)!)]
        return p
    }

    @Test(arguments: Backend.allCases)
    func anAddedPatientReadsBackAsWritten(_ backend: Backend) throws {
        try backend.withStore { store in
            let minimal = Patient(id: "P002", birthDate: LocalDate(year: 1970, month: 1, day: 31)!, sex: .male,
                                  timeZone: "UTC", diagnosis: "post-herpetic-neuralgia")
            try store.addPatient(Self.full("P001"), at: Self.at, by: "dr.khan")
            try store.addPatient(minimal, at: Self.at, by: "dr.khan")
            #expect(try store.patient("P001") == Self.full("P001"))
            #expect(try store.patient("P002") == minimal)
            #expect(try store.patients().map(\.id) == ["P001", "P002"])
        }
    }

    @Test(arguments: Backend.allCases)
    func eachAdditionHasOneAuditRowAtTheMillisecond(_ backend: Backend) throws {
        try backend.withStore { store in
            try store.addPatient(Self.full("P001"), at: Self.at, by: "dr.khan")
            let trail = try store.auditTrail(patientID: "P001")
            #expect(trail.map(\.action) == ["patient.add"])
            #expect(trail.first?.actor == "dr.khan")
            // Both stores keep instants to the millisecond: .1234 s is kept as .123 s.
            #expect(trail.first?.at == Date(timeIntervalSince1970: 1_772_443_500.123))
        }
    }

    @Test(arguments: Backend.allCases)
    func aTakenIdIsRefusedAndNothingIsWritten(_ backend: Backend) throws {
        try backend.withStore { store in
            try store.addPatient(Self.full("P001"), at: Self.at, by: "dr.khan")
            var other = Self.full("P001")
            other.name = "Someone Else"
            #expect(throws: PainLadderError.duplicatePatient("P001")) {
                try store.addPatient(other, at: Self.at, by: "dr.khan")
            }
            #expect(try store.patient("P001").name == Self.full("P001").name)
            #expect(try store.auditTrail(patientID: "P001").count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func anUnknownPatientIsNamed(_ backend: Backend) throws {
        try backend.withStore { store in
            #expect(throws: PainLadderError.unknownPatient("P404")) { try store.patient("P404") }
            #expect(throws: PainLadderError.unknownPatient("P404")) { try store.auditTrail(patientID: "P404") }
            let all = try store.patients()
            #expect(all.isEmpty)
        }
    }
}
