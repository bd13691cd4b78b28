/// The formulary's medicine vocabulary by ``MedicineNameKey``: every ingredient, brand name
/// and synonym to its ingredient, and every class. Built when the formulary is read, so that
/// matching a patient's medicines costs a dictionary look-up per name.
struct MedicineKeys: Sendable {
    /// Key of an ingredient, brand or synonym → the ingredient.
    var ingredients: [String: String] = [:]
    /// Keys of the classes ("maoi", "serotonergic").
    var classes: Set<String> = []

    init(_ medicineClasses: [String: [String]], _ names: [MedicineName]) {
        for (ingredient, list) in medicineClasses {
            ingredients[MedicineNameKey.key(ingredient)] = ingredient
            for c in list { classes.insert(MedicineNameKey.key(c)) }
        }
        for entry in names {
            ingredients[MedicineNameKey.key(entry.ingredient)] = entry.ingredient
            for name in entry.names { ingredients[MedicineNameKey.key(name)] = entry.ingredient }
            for c in entry.classes ?? [] { classes.insert(MedicineNameKey.key(c)) }
        }
    }
}
