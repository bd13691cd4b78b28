import PainLadder

/// Checks `medicine-names.json` against the rest of the formulary and merges the classes it
/// gives into ``Formulary/medicineClasses``: every entry sourced (known tags), an ingredient
/// that is an identifier, either known in `medicines.json` or given classes here (never both),
/// at least one name or class, and no name that stands for two ingredients.
enum MedicineNamesValidator {
    static let file = "medicine-names.json"

    /// The formulary with `names` attached and their classes merged in.
    static func apply(_ names: [MedicineName], to formulary: Formulary, validate: Bool) throws -> Formulary {
        var result = formulary
        var classes = formulary.medicineClasses
        var owner: [String: String] = [:]
        for (name, _) in classes { owner[MedicineNameKey.key(name)] = name }
        for (i, entry) in names.enumerated() {
            func fail(_ field: String, _ problem: String) -> PainLadderError {
                .invalidFormulary(file: file, drug: nil, field: "[\(i)]\(field)", problem: problem)
            }
            if validate {
                guard !entry.sources.isEmpty else { throw fail(".sources", "is empty: every entry needs at least one source") }
                for (j, tag) in entry.sources.enumerated() where formulary.sources[tag] == nil {
                    throw fail(".sources[\(j)]", "'\(tag)' is not in sources.json")
                }
                guard MedicineNameKey.key(entry.ingredient) == entry.ingredient, !entry.ingredient.isEmpty else {
                    throw fail(".ingredient", "'\(entry.ingredient)' must be lower-case letters, digits and hyphens")
                }
                guard !entry.names.isEmpty || entry.classes != nil else {
                    throw fail("", "'\(entry.ingredient)' gives no names and no classes")
                }
                if let given = entry.classes {
                    guard formulary.medicineClasses[entry.ingredient] == nil else {
                        throw fail(".classes", "'\(entry.ingredient)' already has classes in medicines.json")
                    }
                    guard !given.isEmpty else { throw fail(".classes", "lists no class") }
                } else if classes[entry.ingredient] == nil {
                    throw fail(".ingredient", "'\(entry.ingredient)' is not in medicines.json and gives no classes")
                }
                for (j, name) in ([entry.ingredient] + entry.names).enumerated() {
                    let key = MedicineNameKey.key(name)
                    guard !key.isEmpty else { throw fail(".names[\(j - 1)]", "is empty") }
                    if let other = owner[key], other != entry.ingredient {
                        throw fail(j == 0 ? ".ingredient" : ".names[\(j - 1)]", "'\(name)' already stands for '\(other)'")
                    }
                    owner[key] = entry.ingredient
                }
            }
            if let given = entry.classes, classes[entry.ingredient] == nil {
                classes[entry.ingredient] = [entry.ingredient] + given.filter { $0 != entry.ingredient }
            }
        }
        result.medicineClasses = classes
        result.medicineNames = names
        return result
    }
}
