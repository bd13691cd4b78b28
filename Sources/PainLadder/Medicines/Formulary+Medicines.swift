extension Formulary {
    /// The ingredient a typed medicine name stands for: its generic name, a brand name or a
    /// synonym, in any case and with or without accents; `nil` when the formulary does not know it.
    ///
    /// ```swift
    /// formulary.ingredient(named: "LYRICA")   // "pregabalin"
    /// formulary.ingredient(named: "Nardil")   // "phenelzine"
    /// ```
    public func ingredient(named text: String) -> String? {
        medicineKeys.ingredients[MedicineNameKey.key(text)]
    }

    /// The classes of a typed medicine (through its ingredient); empty when unknown.
    public func classes(ofMedicine text: String) -> [String] {
        guard let ingredient = ingredient(named: text) else { return [] }
        return medicineClasses[ingredient] ?? medicineNames.first { $0.ingredient == ingredient }?.classes ?? []
    }

    /// Whether the rules can match `text`: a known ingredient, brand, synonym or class.
    public func knowsMedicine(_ text: String) -> Bool {
        let key = MedicineNameKey.key(text)
        return medicineKeys.ingredients[key] != nil || medicineKeys.classes.contains(key)
    }

    /// The medicines recorded for `patient`, taken or stopped, that no rule can match: kept as
    /// typed and listed as "not checked against the rules".
    public func uncheckedMedicines(of patient: Patient) -> [String] {
        var seen: Set<String> = []
        return (patient.medicines + (patient.stoppedMedicines ?? []).map(\.name)).filter {
            !knowsMedicine($0) && seen.insert(MedicineNameKey.key($0)).inserted
        }
    }
}
