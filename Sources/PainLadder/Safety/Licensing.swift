extension SafetyEvaluator {
    /// True when the patient's diagnosis is outside the drug's UK licence: neither the
    /// diagnosis id nor its category is in ``Drug/licensedFor`` (case-insensitive).
    /// Off-label use is shown, never refused.
    ///
    /// ```swift
    /// // duloxetine is licensed for diabetic peripheral neuropathic pain only
    /// SafetyEvaluator.isOffLabel(duloxetine, patient: postHerpeticPatient, formulary: formulary)  // true
    /// ```
    public static func isOffLabel(_ drug: Drug, patient: Patient, formulary: Formulary) -> Bool {
        let licensed = Set(drug.licensedFor.value.map(RuleMatcher.key))
        var terms: Set<String> = [RuleMatcher.key(patient.diagnosis)]
        if let known = formulary.diagnoses.first(where: { RuleMatcher.key($0.id) == RuleMatcher.key(patient.diagnosis) }) {
            terms.insert(RuleMatcher.key(known.category))
        }
        return licensed.isDisjoint(with: terms)
    }
}
