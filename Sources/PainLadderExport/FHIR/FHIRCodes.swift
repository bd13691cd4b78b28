import PainLadder

/// The code systems, value-set codes and PainLadder's own extension URLs the bundle uses
/// (docs/FHIR.md lists each with where it is used).
enum FHIRCodes {
    static let ucum = "http://unitsofmeasure.org"
    static let loinc = "http://loinc.org"
    static let snomed = "http://snomed.info/sct"
    static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    static let atc = "http://www.whocc.no/atc"
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let adverseEventSeverity = "http://terminology.hl7.org/CodeSystem/adverse-event-severity"
    static let adverseEventSeriousness = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
    static let adverseEventOutcome = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"
    static let provenanceParticipant = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
    static let dataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"

    /// LOINC 72514-3: "Pain severity - 0-10 verbal numeric rating [Score] - Reported".
    static let painSeverity = "72514-3"

    // PainLadder's own names (URNs: they name, they do not claim a published definition).
    static let patientIDSystem = "urn:painladder:patient-id"
    static let planVersionSystem = "urn:painladder:plan-version"
    static let timeZoneExtension = "urn:painladder:fhir:time-zone"
    static let evidenceStatusExtension = "urn:painladder:fhir:evidence-status"
    static let acceptedWarningExtension = "urn:painladder:fhir:accepted-warning"
    static let overrideExtension = "urn:painladder:fhir:override"

    /// The formulary's code keys that have a FHIR system: dm+d identifiers are SNOMED CT
    /// identifiers (UK Drug Extension), so both go under SNOMED's system. Others (BNF) are left out.
    static let drugSystems: [(key: String, system: String)] = [
        ("dmd", snomed), ("snomed", snomed), ("rxnorm", rxnorm), ("atc", atc),
    ]

    /// A coding, with PainLadder's evidence status as an extension when given.
    static func coding(_ system: String, _ code: String, display: String? = nil, status: EvidenceStatus? = nil) -> FHIRJSON {
        var o = FHIRObject()
        if let status {
            o.add("extension", .array([.object([("url", .string(evidenceStatusExtension)), ("valueCode", .string(status.rawValue))])]))
        }
        o.add("system", .string(system))
        o.add("code", .string(code))
        o.add("display", display.map(FHIRJSON.string))
        return o.json
    }

    static func concept(_ codings: [FHIRJSON], text: String?) -> FHIRJSON {
        var o = FHIRObject()
        o.add("coding", array: codings)
        o.add("text", FHIRText.nonEmpty(text))
        return o.json
    }

    /// A quantity in UCUM milligrams.
    static func milligrams(_ mg: Int) -> FHIRJSON {
        .object([("value", .integer(mg)), ("unit", "mg"), ("system", .string(ucum)), ("code", "mg")])
    }

    /// The medicine's codes from the formulary, each with its status: a code whose sources
    /// the formulary records has their status, any other is `unconfirmed`.
    static func medication(_ drug: Drug) -> FHIRJSON {
        var codings: [FHIRJSON] = []
        for (key, system) in drugSystems {
            guard let code = drug.codes[key] else { continue }
            codings.append(coding(system, code, status: drug.codeSources?[key]?.status ?? .unconfirmed))
        }
        return concept(codings, text: drug.name)
    }
}

/// FHIR strings may not be empty or only white space.
enum FHIRText {
    static func nonEmpty(_ text: String?) -> FHIRJSON? {
        guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return .string(text)
    }

    /// An annotation list (`note`) of the texts that are not empty.
    static func notes(_ texts: [String?]) -> [FHIRJSON] {
        texts.compactMap { nonEmpty($0) }.map { .object([("text", $0)]) }
    }
}
