import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// Every clinical value carries sources that resolve, found by walking each drug's JSON form
/// (so a field added later is covered without changing this test).
@Suite("Formulary sources")
struct FormularySourcesTests {
    struct Found {
        var path: String
        var sources: [String]
        var status: String?
    }

    /// Every object in `json` that has a `sources` key (every Sourced value and every rule),
    /// plus every object that looks like a Sourced value (`value` + `status`) but has none.
    static func sourcedValues(in json: Any, path: String = "") -> [Found] {
        var found: [Found] = []
        if let object = json as? [String: Any] {
            if object["sources"] != nil || (object["value"] != nil && object["status"] != nil) {
                found.append(Found(path: path, sources: (object["sources"] as? [String]) ?? [],
                                   status: object["status"] as? String))
            }
            for (key, child) in object where key != "sources" {
                found += sourcedValues(in: child, path: path.isEmpty ? key : "\(path).\(key)")
            }
        } else if let array = json as? [Any] {
            for (i, child) in array.enumerated() { found += sourcedValues(in: child, path: "\(path)[\(i)]") }
        }
        return found
    }

    static func json<T: Encodable>(_ value: T) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
    }

    @Test(arguments: ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
    func everySourcedValueResolves(_ id: String) throws {
        let formulary = try FormularyLoader.bundled()
        let found = Self.sourcedValues(in: try Self.json(try formulary.drug(id)))
        // Every number listed in the brief is there: maxima, strengths, variants, taper, trial, reviews…
        #expect(found.count >= 20, "only \(found.count) sourced values found in \(id)")
        for item in found {
            #expect(!item.sources.isEmpty, "\(id) \(item.path) has no source")
            for tag in item.sources {
                #expect(formulary.sources[tag] != nil, "\(id) \(item.path) cites unknown \(tag)")
            }
            #expect(item.status.flatMap(EvidenceStatus.init(rawValue:)) != nil, "\(id) \(item.path) has no valid status")
        }
    }

    @Test func pathwayValuesResolve() throws {
        let formulary = try FormularyLoader.bundled()
        let found = Self.sourcedValues(in: try Self.json(formulary.pathway))
        #expect(!found.isEmpty)
        for item in found {
            #expect(!item.sources.isEmpty, "pathway \(item.path) has no source")
            #expect(item.sources.allSatisfy { formulary.sources[$0] != nil }, "pathway \(item.path)")
        }
    }

    @Test func unconfirmedChoicesSayWhatTheyRestOn() throws {
        // Where PainLadder chose a number the reference does not give, it is `unconfirmed`
        // and its note says so.
        let formulary = try FormularyLoader.bundled()
        for drug in formulary.drugs {
            let json = try Self.json(drug)
            var notes: [String: String] = [:]
            func collect(_ node: Any, _ path: String) {
                if let o = node as? [String: Any] {
                    if o["status"] as? String == "unconfirmed", o["value"] != nil { notes[path] = o["note"] as? String ?? "" }
                    for (k, v) in o { collect(v, path.isEmpty ? k : "\(path).\(k)") }
                } else if let a = node as? [Any] {
                    for (i, v) in a.enumerated() { collect(v, "\(path)[\(i)]") }
                }
            }
            collect(json, "")
            for (path, note) in notes {
                #expect(!note.isEmpty, "\(drug.id) \(path) is unconfirmed without a note")
            }
        }
    }

    @Test func sourcesFileHasTitlesAndURLs() throws {
        let formulary = try FormularyLoader.bundled()
        #expect(formulary.sources["S7"]?.title.contains("Medicines Awareness") == true)
        for (tag, source) in formulary.sources {
            #expect(tag.hasPrefix("S"))
            #expect(source.url?.hasPrefix("http") == true, "\(tag)")
        }
    }
}

@Suite("Formulary vocabulary")
struct FormularyVocabularyTests {
    /// Conditions are free words (the patient record carries them), so pin the list the rules
    /// use: a new or misspelt one must be added here and in Data/README.md on purpose.
    @Test func conditionsRulesUse() throws {
        let formulary = try FormularyLoader.bundled()
        let rules = formulary.drugs.flatMap(\.rules) + formulary.pathway.rules
        let used = Set(rules.flatMap { $0.when.conditionsAny ?? [] })
        #expect(used == [
            "acute-porphyria", "angle-closure-glaucoma", "arrhythmia", "bipolar-disorder", "bradycardia",
            "coronary-artery-insufficiency", "drug-misuse", "epilepsy", "heart-block", "heart-disease",
            "heart-failure", "heavy-alcohol-use", "history-of-mania", "hyperkalaemia", "hypertension",
            "hypokalaemia", "hypomagnesaemia", "hyponatraemia", "manic-phase", "neurological-disease",
            "prostatic-hypertrophy", "raised-intraocular-pressure", "recent-myocardial-infarction",
            "respiratory-disease", "severe-liver-disease", "suicide-risk", "uncontrolled-hypertension",
            "urinary-retention",
        ])
    }

    @Test func ladderDrugsMapToThemselves() throws {
        let formulary = try FormularyLoader.bundled()
        for drug in formulary.drugs {
            #expect(formulary.medicineClasses[drug.id]?.contains(drug.id) == true, "\(drug.id)")
        }
        #expect(formulary.medicineClasses["pregabalin"] == ["pregabalin", "gabapentinoid", "cns-depressant"])
        #expect(formulary.medicineClasses["tramadol"] == ["opioid", "serotonergic", "tramadol"])
        for maoi in ["phenelzine", "tranylcypromine", "isocarboxazid", "moclobemide", "selegiline"] {
            #expect(formulary.medicineClasses[maoi]?.contains("maoi") == true, "\(maoi)")
        }
    }
}
