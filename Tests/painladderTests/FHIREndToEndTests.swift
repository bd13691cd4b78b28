import Foundation
import Testing

/// `export --format fhir` through the built binary, checked by the outside parser (Python
/// `fhir.resources`, R4B models) and against the R4 value sets it does not check.
@Suite("End to end: FHIR export")
struct FHIREndToEndTests {
    static func export(_ cli: CLI, _ patient: String, _ now: String) throws -> FHIRBundleChecks {
        let result = try cli.run(["export", patient, "--format", "fhir", "--now", now])
        #expect(result.status == 0, "\(result.stderr)")
        return try FHIRBundleChecks(result.stdout)
    }

    static func statuses(_ b: FHIRBundleChecks, _ type: String) -> Set<String> {
        Set(b.resources(type).compactMap { $0["status"] as? String })
    }

    @Test func theDemoPatientAfterAHoldAndAnUndoIsValidFHIR() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let demo = try cli.run(["demo", "--now", "2026-03-20T12:00:00Z"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let hold = try cli.run(["decide", "DEMO-1", "hold", "--by", "Dr Demo", "--reason", "see how 20 mg goes",
                                "--now", "2026-03-20T13:00:00Z"])
        #expect(hold.status == 0, "\(hold.stderr)")
        let pain = try cli.run(["pain", "DEMO-1", "4", "--now", "2026-03-20T13:02:00Z"])
        #expect(pain.status == 0, "\(pain.stderr)")
        let undo = try cli.run(["undo", "DEMO-1", "--last", "--reason", "recorded twice", "--now", "2026-03-20T13:05:00Z"])
        #expect(undo.status == 0, "\(undo.stderr)")

        let bundle = try Self.export(cli, "DEMO-1", "2026-03-20T14:00:00Z")
        let counts = try bundle.validateOutside()
        for type in ["Patient", "Medication", "MedicationRequest", "MedicationStatement", "Observation", "AdverseEvent",
                     "CarePlan", "Provenance"] {
            #expect((counts[type] ?? 0) > 0, "no \(type) in \(counts)")
        }
        bundle.checkCodes()

        let patient = try #require(bundle.resources("Patient").first)
        #expect(patient["gender"] as? String == "female")
        #expect(patient["birthDate"] as? String == "1959-06-14")
        #expect((patient["extension"] as? [[String: Any]])?.first?["valueCode"] as? String == "Europe/London")

        // The demo's doses: taken and skipped (with its reason); the undone entry is withdrawn.
        let doses = Self.statuses(bundle, "MedicationStatement")
        #expect(doses.contains("completed") && doses.contains("not-taken"), "\(doses)")
        let withdrawn = bundle.resources.filter { $0["status"] as? String == "entered-in-error" }
        #expect(withdrawn.count == 1, "the one undone entry is entered-in-error")
        #expect(bundle.resources("Observation").contains { ($0["code"] as? [String: Any]).map { "\($0)".contains("72514-3") } ?? false })

        // The hold: the step in force goes on under the new version, the step-ups wait, the
        // first version's request is stopped; its Provenance names who and why.
        let requests = Self.statuses(bundle, "MedicationRequest")
        #expect(requests.contains("active") && requests.contains("on-hold") && requests.contains("stopped"), "\(requests)")
        let holdProvenance = bundle.resources("Provenance").first {
            ((($0["activity"] as? [String: Any])?["text"]) as? String)?.contains("hold") ?? false
        }
        #expect(holdProvenance != nil)
        #expect("\(holdProvenance?["reason"] ?? "")".contains("see how 20 mg goes"))
        #expect("\(holdProvenance?["agent"] ?? "")".contains("Dr Demo"))
        let priors = bundle.resources("MedicationRequest").compactMap { $0["priorPrescription"] }
        #expect(!priors.isEmpty, "the hold's requests name the one they replace")

        // Re-export: the same facts give the same bytes; later, the same ids.
        let again = try Self.export(cli, "DEMO-1", "2026-03-20T14:00:00Z")
        #expect(again.text == bundle.text)
        let later = try Self.export(cli, "DEMO-1", "2026-04-30T14:00:00Z")
        #expect(later.ids == bundle.ids)
        #expect(Set(later.byURL.keys) == Set(bundle.byURL.keys))
    }

    @Test(arguments: [("amitriptyline", "duloxetine", "--sequential"), ("amitriptyline", "duloxetine", "--cross-taper"),
                      ("gabapentin", "pregabalin", "--direct")])
    func aSwitchIsValidFHIR(_ from: String, _ to: String, _ mode: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        func run(_ args: [String], _ now: String) throws {
            let r = try cli.run(args + ["--now", now])
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        try run(["patient", "add", "P1", "--born", "1960-01-01", "--sex", "male", "--tz", "Europe/London",
                 "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80"], "2026-01-05T09:00:00Z")
        try run(["start", "P1", from, "--on", "2026-01-05", "--by", "Dr A"], "2026-01-05T09:00:00Z")
        try run(["take", "P1", "--at", "2026-01-05 22:00"], "2026-01-05T22:05:00Z")
        try run(["pain", "P1", "6", "--sleep", "5", "--mood", "4"], "2026-01-06T09:00:00Z")
        try run(["side-effect", "P1", "dizziness", "--severity", "mild"], "2026-01-07T09:00:00Z")
        try run(["decide", "P1", "switch", to, mode, "--outcome", "not-effective", "--by", "Dr A",
                 "--reason", "no benefit after an adequate trial"], "2026-03-16T07:00:00Z")

        let bundle = try Self.export(cli, "P1", "2026-03-20T12:00:00Z")
        let counts = try bundle.validateOutside()
        #expect(counts["Medication"] == 2 && counts["CarePlan"] == 2, "\(counts)")
        bundle.checkCodes()
        let medications = Set(bundle.resources("Medication").compactMap { $0["id"] as? String })
        #expect(medications == ["med-\(from)", "med-\(to)"])
        let switchProvenance = bundle.resources("Provenance").first {
            ((($0["activity"] as? [String: Any])?["text"]) as? String)?.contains("switch") ?? false
        }
        #expect(switchProvenance != nil, "the switch is a Provenance")
        // Every request of the old drug has ended or goes on only as its taper; none of the
        // steps planned after the switch is still a plain active order of the first version.
        let requests = bundle.resources("MedicationRequest")
        let byDrug = Dictionary(grouping: requests) { ($0["medicationReference"] as? [String: Any])?["reference"] as? String ?? "" }
        #expect(byDrug.count == 2, "requests for both drugs")
        #expect(Self.statuses(bundle, "MedicationRequest").isSubset(of: ["active", "completed", "stopped", "cancelled", "on-hold"]))
    }
}
