import Foundation
@testable import PainLadder

/// The hard stops issue 12 names for medicines, worked out without the formulary loader or
/// ``RuleMatcher``: `medicines.json` and `medicine-names.json` read as plain JSON, names
/// compared lower-cased. Gabapentin with pregabalin (by any name) and the reverse; duloxetine
/// and amitriptyline with an MAOI taken, or stopped fewer than 14 days before the start
/// (the SmPCs' wash-out: Cymbalta [S24, S27], amitriptyline [S20]).
struct HardStopOracle {
    /// Lower-cased name, brand or synonym → ingredient.
    private var ingredients: [String: String] = [:]
    /// Ingredient → its classes.
    private var classes: [String: Set<String>] = [:]
    /// Days after stopping an MAOI before duloxetine or amitriptyline may start, as the labels say.
    static let maoiWashoutDays = 14

    init() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Data/formulary").standardizedFileURL
        let medicines = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("medicines.json")))
            as! [String: [String]]
        for (ingredient, list) in medicines {
            ingredients[ingredient.lowercased()] = ingredient
            classes[ingredient, default: []].formUnion(list)
        }
        let names = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("medicine-names.json")))
            as! [[String: Any]]
        for entry in names {
            let ingredient = entry["ingredient"] as! String
            ingredients[ingredient.lowercased()] = ingredient
            for name in entry["names"] as? [String] ?? [] { ingredients[name.lowercased()] = ingredient }
            classes[ingredient, default: []].formUnion(entry["classes"] as? [String] ?? [])
        }
    }

    /// What a typed name stands for: the name, its ingredient and the ingredient's classes.
    func terms(_ name: String) -> Set<String> {
        var out: Set<String> = [name.lowercased()]
        if let ingredient = ingredients[name.lowercased()] {
            out.insert(ingredient)
            out.formUnion(classes[ingredient] ?? [])
        }
        return out
    }

    /// The rules that must refuse `drug` for `patient` on `date`.
    func forbidden(_ drug: String, _ patient: Patient, on date: LocalDate) -> [String] {
        let stopped = patient.stoppedMedicines ?? []
        let taken = patient.medicines.map(terms) + stopped.filter { date.days(to: $0.stopped) > 0 }.map { terms($0.name) }
        let recentlyStopped = stopped.filter { (0..<Self.maoiWashoutDays).contains($0.stopped.days(to: date)) }.map { terms($0.name) }
        func takes(_ term: String) -> Bool { taken.contains { $0.contains(term) } }
        switch drug {
        case "gabapentin": return takes("pregabalin") ? ["gabapentin-with-pregabalin"] : []
        case "pregabalin": return takes("gabapentin") ? ["pregabalin-with-gabapentin"] : []
        case "duloxetine", "amitriptyline":
            return (takes("maoi") ? ["\(drug)-maoi"] : [])
                + (recentlyStopped.contains { $0.contains("maoi") } ? ["\(drug)-maoi-recently-stopped"] : [])
        default: return []
        }
    }

    /// Every name the oracle knows whose ingredient is in `cls` (for the generator's MAOIs).
    func names(inClass cls: String) -> [String] {
        ingredients.filter { classes[$0.value]?.contains(cls) == true }.map(\.key).sorted()
    }
}
