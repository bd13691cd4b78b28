import Foundation
import Testing
@testable import PainLadder
@testable import PainLadderExport

/// The FHIR export's pieces against hand-worked values: which request each step of each plan
/// version becomes (and its status), instants with their offsets, stable ids.
@Suite("FHIR export: requests, times and ids")
struct FHIRPlanRequestTests {
    static let start = LocalDate(parsing: "2026-03-02")!
    static func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// Amitriptyline 10 mg from 03-02, +10 mg weekly to 50 mg (03-30); held on 03-12, during
    /// step 2, seen on 03-20.
    @Test func aHoldStopsTheFirstVersionKeepsTheStepAndHoldsTheStepUps() {
        let plan = HandPlan.amitriptyline(start: Self.start)
        let v1 = HandPlan.version(1, plan, from: Self.start)
        let v2 = HandPlan.version(2, plan, from: Self.d("2026-03-12"), hold: "moderate drowsiness")
        let course = Course(id: 1, patientID: "P1", drug: "amitriptyline", variant: "standard", startDate: Self.start,
                            status: .held, createdAt: Date(timeIntervalSince1970: 0), createdBy: "test")
        let requests = FHIRPlanRequest.all(course: course, versions: [v1, v2], today: Self.d("2026-03-20"))
        let seen = requests.map { "\($0.id) \($0.status.rawValue) \($0.dated ? "\($0.from)…\($0.to?.description ?? "")" : "undated")" }
        #expect(seen == [
            "mr-v1-s1 completed 2026-03-02…2026-03-08",
            "mr-v1-s2 stopped 2026-03-09…2026-03-11",
            "mr-v1-s3 cancelled 2026-03-16…2026-03-22",
            "mr-v1-s4 cancelled 2026-03-23…2026-03-29",
            "mr-v1-s5 cancelled 2026-03-30…",
            "mr-v2-s2 active 2026-03-12…",
            "mr-v2-s3 on-hold undated",
            "mr-v2-s4 on-hold undated",
            "mr-v2-s5 on-hold undated",
        ])
    }

    @Test func aPlanNotYetDoneIsActiveAndTheLastStepGoesOn() {
        let plan = HandPlan.amitriptyline(start: Self.start)
        let course = Course(id: 1, patientID: "P1", drug: "amitriptyline", variant: "standard", startDate: Self.start,
                            createdAt: Date(timeIntervalSince1970: 0), createdBy: "test")
        let requests = FHIRPlanRequest.all(course: course, versions: [HandPlan.version(1, plan, from: Self.start)],
                                           today: Self.d("2026-03-10"))
        #expect(requests.map(\.status) == [.completed, .active, .active, .active, .active])
        #expect(requests.last?.to == nil)
        #expect(requests[1].to == Self.d("2026-03-15"))
    }

    @Test func instantsCarryTheOffsetOfTheirZone() {
        let london = FHIRTime(zones: ZoneHistory(single: "Europe/London"))
        let newYork = FHIRTime(zones: ZoneHistory(single: "America/New_York"))
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // The spring change in London is at 01:00 UTC on 2026-03-29; in New York at 07:00 UTC on 2026-03-08.
        #expect(london.text(iso.date(from: "2026-03-29T00:30:00.250Z")!) == "2026-03-29T00:30:00.250+00:00")
        #expect(london.text(iso.date(from: "2026-03-29T01:30:00.000Z")!) == "2026-03-29T02:30:00+01:00")
        #expect(newYork.text(iso.date(from: "2026-03-08T06:30:00.000Z")!) == "2026-03-08T01:30:00-05:00")
        #expect(newYork.text(iso.date(from: "2026-03-08T07:30:00.000Z")!) == "2026-03-08T03:30:00-04:00")
    }

    @Test func idsAreStableAndValid() {
        let a = FHIRIdentity(patientID: "P001"), b = FHIRIdentity(patientID: "P001")
        #expect(a.url("MedicationRequest", "mr-v3-s2") == b.url("MedicationRequest", "mr-v3-s2"))
        #expect(a.url("MedicationRequest", "mr-v3-s2") != a.url("MedicationRequest", "mr-v3-s3"))
        #expect(a.url("Patient", "P001") != FHIRIdentity(patientID: "P002").url("Patient", "P001"))
        let url = a.url("Patient", "P001")
        // RFC 9562: version 8 (custom), variant 10.
        #expect(url.range(of: "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                          options: .regularExpression) != nil, "\(url)")
        #expect(a.patientResourceID == "P001")
        let spaced = FHIRIdentity(patientID: "NHS 943 476 5919").patientResourceID
        #expect(spaced.hasPrefix("p-") && spaced.count == 18)
    }
}
