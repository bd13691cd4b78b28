import Foundation
import PainLadderTestSupport
import Testing

/// Issue 15, item 4: the contract's promises, checked on real outputs and with the schemas
/// (Python `jsonschema`), including that the schemas refuse what the issue found wrong.
@Suite("End to end: the versioned JSON contract")
struct JSONContractTests {
    func validate(_ schema: String, _ documents: [Any], lines: Bool = false) throws -> OutsideValidator.Result {
        let items = try documents.map { d -> [String: Any] in
            let text = try d as? String ?? String(decoding: JSONSerialization.data(withJSONObject: d), as: UTF8.self)
            return ["schema": schema, "command": "test", "text": text, "lines": lines]
        }
        let script = try String(contentsOf: OutsideValidator.packageRoot.appendingPathComponent("Tests/OutsideScripts/validate_json.py"),
                                encoding: .utf8)
        return try OutsideValidator.run(script: script, arguments: [OutsideValidator.packageRoot.appendingPathComponent("schemas").path],
                                        input: String(decoding: try JSONSerialization.data(withJSONObject: items), as: UTF8.self))
    }

    @Test func afterAHoldStepsAreHeldDetailsAreNumbersAndRemindSaysPatientID() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (args, now) in [(["patient", "add", "P1", "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
                              "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80"], "2026-02-01T09:00:00Z"),
                            (["start", "P1", "amitriptyline", "--on", "2026-03-02", "--by", "A"], "2026-03-02T12:00:00Z"),
                            (["decide", "P1", "hold", "--by", "A", "--reason", "dizzy"], "2026-03-11T12:00:00Z")] {
            let r = try cli.run(args + ["--now", now])
            try #require(r.status == 0, "\(r.stderr)")
        }
        let text = try cli.run(["schedule", "P1", "--json", "--now", "2026-03-12T12:00:00Z"]).stdout
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["schemaVersion"] as? Int == 1)
        #expect(doc["patientID"] as? String == "P1")
        #expect((doc["course"] as? [String: Any])?["courseID"] as? Int == 1)
        let plan = try #require(doc["plan"] as? [String: Any])
        #expect(plan["held"] as? Bool == true)
        // Hand-worked: held at 20 mg on 03-11: steps 1 and 2 dated, 3–5 (30–50 mg) held,
        // 6–8 above the 50 mg target undated; only dated steps carry a date.
        let steps = try #require((plan["schedule"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["dating"] as? String } == ["dated", "dated", "held", "held", "held", "undated", "undated", "undated"])
        #expect(steps.map { $0["startDate"] as? String } == ["2026-03-02", "2026-03-09", nil, nil, nil, nil, nil, nil])
        let details = try #require((plan["decision"] as? [String: Any])?["details"] as? [String: Any])
        #expect(details["atMg"] as? Int == 20)
        #expect(details["nextReview"] as? String == "2026-03-25")

        let remind = try cli.run(["remind", "--json", "--now", "2026-03-12T21:50:00Z"])
        let lines = CLI.jsonLines(remind.stdout)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line["schemaVersion"] as? Int == 1)
            #expect(line["patientID"] as? String == "P1" && line["patient"] as? String == "P1")
            #expect(line["courseID"] as? Int == 1 && line["course"] as? Int == 1)
        }

        // The schemas accept these and refuse what the issue found: a number as a string, a
        // held step with a date, no schemaVersion, an unknown field.
        #expect(try validate("course", [doc]).status == 0)
        #expect(try validate("reminder-line", [remind.stdout], lines: true).status == 0)
        var stringNumber = plan
        stringNumber["decision"] = ["kind": "hold", "by": "A", "reason": "r", "details": ["atMg": "20"], "warnings": []]
        var datedHeld = steps
        datedHeld[2]["startDate"] = "2026-03-16"
        var heldPlan = plan
        heldPlan["schedule"] = (plan["schedule"] as? [String: Any] ?? [:]).merging(["steps": datedHeld]) { $1 }
        var noVersion = doc
        noVersion["schemaVersion"] = nil
        var extra = doc
        extra["surprise"] = true
        for bad in [doc.merging(["plan": stringNumber]) { $1 }, doc.merging(["plan": heldPlan]) { $1 }, noVersion, extra] {
            let result = try validate("course", [bad])
            #expect(result.status == 1, "\(result.stdout)")
        }

        // The review: versioned, the hold's details as numbers, and the schema refuses a string.
        let reviewText = try cli.run(["review", "P1", "--json", "--now", "2026-03-12T12:00:00Z"]).stdout
        let review = try #require(try JSONSerialization.jsonObject(with: Data(reviewText.utf8)) as? [String: Any])
        #expect(review["schemaVersion"] as? Int == 1)
        var reviews = try #require(review["reviews"] as? [String: Any])
        var last = try #require(reviews["lastDecision"] as? [String: Any])
        #expect((last["details"] as? [String: Any])?["atMg"] as? Int == 20)
        #expect(try validate("review", [review]).status == 0)
        last["details"] = ["atMg": "20"]
        reviews["lastDecision"] = last
        #expect(try validate("review", [review.merging(["reviews": reviews]) { $1 }]).status == 1)
    }
}

extension JSONContractTests {
    @Test func patientDocumentsSayPatientIDAndValidate() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let add = try cli.run(["patient", "add", "P7", "--born", "1950-06-01", "--sex", "male", "--tz", "America/New_York",
                               "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70", "--creatinine", "90",
                               "--creatinine-unit", "umol/L", "--json", "--now", "2026-02-01T09:00:00Z"])
        try #require(add.status == 0, "\(add.stderr)")
        let show = try cli.run(["patient", "show", "P7", "--json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(doc["schemaVersion"] as? Int == 1)
        #expect(doc["patientID"] as? String == "P7" && doc["id"] == nil)
        #expect((doc["serumCreatinine"] as? [String: Any])?["unit"] as? String == "umol/L")
        #expect((doc["priorTreatments"] as? [Any])?.isEmpty == true)
        #expect(try validate("patient", [doc, add.stdout]).status == 0)
    }
}

extension JSONContractTests {
    @Test func journalEntriesAreTypedByKindAndListsAreDocuments() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (args, now) in [(["patient", "add", "P1", "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
                              "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80"], "2026-02-01T09:00:00Z"),
                            (["start", "P1", "amitriptyline", "--on", "2026-03-02", "--by", "A"], "2026-03-02T12:00:00Z"),
                            (["take", "P1"], "2026-03-02T22:05:00Z")] {
            let r = try cli.run(args + ["--now", now])
            try #require(r.status == 0, "\(r.stderr)")
        }
        let pain = try cli.run(["pain", "P1", "4", "--json", "--now", "2026-03-03T09:00:00Z"])
        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(pain.stdout.utf8)) as? [String: Any])
        #expect(recorded["schemaVersion"] as? Int == 1 && recorded["patientID"] as? String == "P1")
        let entry = try #require((recorded["entries"] as? [[String: Any]])?.first)
        #expect(entry["entryID"] as? Int == 2 && entry["id"] == nil)
        #expect((entry["pain"] as? [String: Any])?["score"] as? Int == 4)
        let history = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["history", "P1", "--json"]).stdout.utf8))
                                   as? [String: Any])
        #expect((history["items"] as? [Any])?.count == 3, "the plan version, the dose and the score")
        #expect(try validate("journal", [recorded]).status == 0)
        // The schema refuses an entry whose detail is not its kind's, or with a second detail.
        var withDose = entry
        withDose["dose"] = ["doseMg": 10, "late": false]
        var wrongKind = entry
        wrongKind["kind"] = "taken"
        for bad in [withDose, wrongKind] {
            #expect(try validate("journal", [recorded.merging(["entries": [bad]]) { $1 }]).status == 1)
        }
    }
}
