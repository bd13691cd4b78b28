import Testing
@testable import FormularyData
@testable import PainLadder

/// Medicines as concepts (issue 12, item 5): brand names and synonyms map to the ingredient,
/// case- and accent-insensitively, against the bundled `medicine-names.json`.
@Suite struct MedicineNameTests {
    let formulary = try! FormularyLoader.bundled()

    @Test func keysIgnoreCaseAccentsSpacingAndApostrophes() {
        #expect(MedicineNameKey.key("  LÉCAENT ") == "lecaent")
        #expect(MedicineNameKey.key("St John's wort") == "st-johns-wort")
        #expect(MedicineNameKey.key("methylene  blue") == "methylene-blue")
        #expect(MedicineNameKey.key("Lyrica") == MedicineNameKey.key("lyrica"))
        #expect(MedicineNameKey.key("Lyrica") != MedicineNameKey.key("Lyric"))
    }

    @Test func brandsAndSynonymsNameTheirIngredient() {
        let expected: [(String, String)] = [
            ("Lyrica", "pregabalin"), ("ALZAIN", "pregabalin"), ("axalid", "pregabalin"), ("Lécaent", "pregabalin"),
            ("Neurontin", "gabapentin"), ("Cymbalta", "duloxetine"), ("Yentreve", "duloxetine"),
            ("Nardil", "phenelzine"), ("Linezolid", "linezolid"), ("Methylene blue", "methylthioninium-chloride"),
            ("methylthioninium chloride", "methylthioninium-chloride"), ("Azilect", "rasagiline"),
            ("pregabalin", "pregabalin"), ("St John's wort", "st-johns-wort"), ("meperidine", "pethidine"),
        ]
        for (typed, ingredient) in expected {
            #expect(formulary.ingredient(named: typed) == ingredient, "\(typed)")
        }
        #expect(formulary.ingredient(named: "Zapain") == nil)
    }

    @Test func everyMAOINamedInTheIssueIsAnMAOI() {
        for name in ["linezolid", "moclobemide", "phenelzine", "Nardil", "isocarboxazid", "tranylcypromine",
                     "selegiline", "rasagiline", "safinamide", "methylene blue"] {
            #expect(formulary.classes(ofMedicine: name).contains("maoi"), "\(name)")
        }
    }

    @Test func everyEntryHasSourcesAndAStatus() {
        #expect(!formulary.medicineNames.isEmpty)
        for entry in formulary.medicineNames {
            #expect(!entry.sources.isEmpty, "\(entry.ingredient)")
            for tag in entry.sources { #expect(formulary.sources[tag] != nil, "\(entry.ingredient): \(tag)") }
        }
    }

    @Test func uncheckedMedicinesAreKeptAsTypedAndListedOnce() {
        var p = Fixtures.patient(medicines: ["Lyrica", "Zapain", "zapain", "opioid"])
        p.stoppedMedicines = [StoppedMedicine(name: "Herbal X", stopped: Fixtures.d("2026-01-01"))]
        #expect(formulary.uncheckedMedicines(of: p) == ["Zapain", "Herbal X"])
    }
}
