import Foundation
import PainLadderTestSupport
import Testing

/// What the FHIR tests check in an exported bundle: the outside parser (Python
/// `fhir.resources`, R4B models) for structure, cardinality and primitive formats, then the
/// coded values that parser does not look at, against the R4 value sets.
struct FHIRBundleChecks {
    let text: String
    let bundle: [String: Any]

    init(_ text: String) throws {
        self.text = text
        bundle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    var resources: [[String: Any]] {
        (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
    }

    func resources(_ type: String) -> [[String: Any]] { resources.filter { $0["resourceType"] as? String == type } }

    /// `Type/id` of every resource.
    var ids: Set<String> { Set(resources.map { "\($0["resourceType"] as? String ?? "")/\($0["id"] as? String ?? "")" }) }

    /// fullUrl → resource.
    var byURL: [String: [String: Any]] {
        var map: [String: [String: Any]] = [:]
        for entry in bundle["entry"] as? [[String: Any]] ?? [] {
            if let url = entry["fullUrl"] as? String, let r = entry["resource"] as? [String: Any] { map[url] = r }
        }
        return map
    }

    /// The outside parser: the whole Bundle, then every resource by its own model.
    static let validator = """
    import importlib, json, sys
    from fhir.resources.R4B.bundle import Bundle
    bundle = json.load(sys.stdin)
    errors = []
    try:
        Bundle.model_validate(bundle)
    except Exception as e:
        errors.append("Bundle: %s" % e)
    counts = {}
    for entry in bundle.get("entry", []):
        r = entry["resource"]
        t = r["resourceType"]
        counts[t] = counts.get(t, 0) + 1
        model = getattr(importlib.import_module("fhir.resources.R4B." + t.lower()), t)
        try:
            model.model_validate(r)
        except Exception as e:
            errors.append("%s/%s: %s" % (t, r.get("id"), e))
    print(json.dumps(counts, sort_keys=True))
    if errors:
        sys.stderr.write("\\n".join(errors[:10]) + "\\n")
        sys.exit(1)
    """

    /// Runs the outside parser; returns the resource counts it saw.
    func validateOutside() throws -> [String: Int] {
        let result = try OutsideValidator.run(script: Self.validator, input: text)
        #expect(result.status == 0, "fhir.resources refused the bundle:\n\(result.stderr)")
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Int]) ?? [:]
    }

    // R4 value sets (hl7.org/fhir/R4): the codes each element may take.
    static let unitsOfTime: Set = ["s", "min", "h", "d", "wk", "mo", "a"]
    static let requestStatus: Set = ["active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"]
    static let requestIntent: Set = ["proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"]
    static let statementStatus: Set = ["active", "completed", "entered-in-error", "intended", "stopped", "on-hold", "unknown", "not-taken"]
    static let observationStatus: Set = ["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"]
    static let carePlanStatus: Set = ["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"]
    static let activityStatus: Set = ["not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped", "unknown", "entered-in-error"]
    static let severity: Set = ["mild", "moderate", "severe"]
    static let seriousness: Set = ["serious", "non-serious"]
    static let outcome: Set = ["resolved", "recovering", "ongoing", "resolvedWithSequelae", "fatal", "unknown"]
    static let evidence: Set = ["confirmed", "local", "unconfirmed"]

    /// The coded values, every reference resolving inside the bundle, unique ids.
    func checkCodes() {
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["type"] as? String == "collection")
        let urls = byURL
        #expect(urls.count == resources.count, "every entry has its own fullUrl")
        #expect(ids.count == resources.count, "every resource has its own id")
        for reference in Self.references(in: bundle) {
            #expect(urls[reference] != nil, "reference \(reference) does not resolve in the bundle")
        }
        for r in resources("MedicationRequest") {
            #expect(Self.requestStatus.contains(r["status"] as? String ?? ""), "\(r["status"] ?? "nil")")
            #expect(Self.requestIntent.contains(r["intent"] as? String ?? ""))
            #expect((r["groupIdentifier"] as? [String: Any])?["value"] != nil)
            let dosages = r["dosageInstruction"] as? [[String: Any]] ?? []
            #expect(!dosages.isEmpty)
            for d in dosages {
                let repeatRule = (d["timing"] as? [String: Any])?["repeat"] as? [String: Any] ?? [:]
                #expect(Self.unitsOfTime.contains(repeatRule["periodUnit"] as? String ?? ""))
                #expect((repeatRule["frequency"] as? Int ?? 0) == (repeatRule["timeOfDay"] as? [String])?.count)
                for t in repeatRule["timeOfDay"] as? [String] ?? [] {
                    #expect(t.range(of: #"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"#, options: .regularExpression) != nil)
                }
                let doseQuantity = ((d["doseAndRate"] as? [[String: Any]])?.first?["doseQuantity"]) as? [String: Any] ?? [:]
                Self.expectUCUM(doseQuantity, "mg")
                let max = d["maxDosePerPeriod"] as? [String: Any] ?? [:]
                Self.expectUCUM(max["numerator"] as? [String: Any] ?? [:], "mg")
                Self.expectUCUM(max["denominator"] as? [String: Any] ?? [:], "d")
            }
        }
        for r in resources("MedicationStatement") {
            #expect(Self.statementStatus.contains(r["status"] as? String ?? ""))
            for based in r["basedOn"] as? [[String: Any]] ?? [] {
                #expect(urls[based["reference"] as? String ?? ""]?["resourceType"] as? String == "MedicationRequest")
            }
        }
        for r in resources("Observation") {
            #expect(Self.observationStatus.contains(r["status"] as? String ?? ""))
            let codings = (r["code"] as? [String: Any])?["coding"] as? [[String: Any]] ?? []
            if codings.contains(where: { $0["code"] as? String == "72514-3" }) {
                #expect(codings.first?["system"] as? String == "http://loinc.org")
                #expect((0...10).contains(r["valueInteger"] as? Int ?? -1))
            }
        }
        for r in resources("AdverseEvent") {
            #expect(["actual", "potential"].contains(r["actuality"] as? String ?? ""))
            Self.expectCode(r["severity"], "http://terminology.hl7.org/CodeSystem/adverse-event-severity", in: Self.severity, optional: true)
            Self.expectCode(r["seriousness"], "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", in: Self.seriousness)
            Self.expectCode(r["outcome"], "http://terminology.hl7.org/CodeSystem/adverse-event-outcome", in: Self.outcome)
        }
        for r in resources("CarePlan") {
            #expect(Self.carePlanStatus.contains(r["status"] as? String ?? ""))
            #expect(["proposal", "plan", "order", "option"].contains(r["intent"] as? String ?? ""))
            for a in r["activity"] as? [[String: Any]] ?? [] {
                if let detail = a["detail"] as? [String: Any] {
                    #expect(Self.activityStatus.contains(detail["status"] as? String ?? ""))
                }
            }
        }
        for r in resources("Provenance") {
            #expect(!(r["target"] as? [Any] ?? []).isEmpty)
        }
        for m in resources("Medication") {
            let codings = (m["code"] as? [String: Any])?["coding"] as? [[String: Any]] ?? []
            #expect(codings.contains { $0["system"] as? String == "http://www.nlm.nih.gov/research/umls/rxnorm" })
            for coding in codings {
                let status = (coding["extension"] as? [[String: Any]])?.first { $0["url"] as? String == "urn:painladder:fhir:evidence-status" }
                #expect(Self.evidence.contains(status?["valueCode"] as? String ?? ""), "every code says how sure it is: \(coding)")
            }
        }
    }

    static func expectUCUM(_ quantity: [String: Any], _ code: String) {
        #expect(quantity["system"] as? String == "http://unitsofmeasure.org")
        #expect(quantity["code"] as? String == code)
        #expect(quantity["unit"] as? String == code)
    }

    static func expectCode(_ concept: Any?, _ system: String, in codes: Set<String>, optional: Bool = false) {
        guard let concept = concept as? [String: Any] else {
            #expect(optional, "missing \(system)")
            return
        }
        let coding = (concept["coding"] as? [[String: Any]])?.first ?? [:]
        #expect(coding["system"] as? String == system)
        #expect(codes.contains(coding["code"] as? String ?? ""), "\(coding)")
    }

    /// Every `reference` string anywhere in the value.
    static func references(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            let own = (object["reference"] as? String).map { [$0] } ?? []
            return own + object.values.flatMap { references(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { references(in: $0) } }
        return []
    }
}
