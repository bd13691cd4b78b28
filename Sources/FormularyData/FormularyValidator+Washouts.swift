import PainLadder

extension FormularyValidator {
    /// A drug's `afterStopping` waits: unique identifiers, a message, known medicines or
    /// classes, and a day count a label could ask for (1 to 366).
    static func checkAfterStopping(_ waits: [WashoutAfterStopping], vocabulary: Vocabulary, ctx: Context) throws {
        var ids: Set<String> = []
        for (i, wait) in waits.enumerated() {
            let path = "afterStopping[\(i)]"
            guard isIdentifier(wait.id) else { throw ctx.fail("\(path).id", "'\(wait.id)' must be lower-case letters, digits and hyphens") }
            guard ids.insert(wait.id).inserted else { throw ctx.fail("\(path).id", "'\(wait.id)' is used twice") }
            guard !wait.message.isBlank else { throw ctx.fail("\(path).message", "is empty") }
            guard !wait.medicinesAny.isEmpty else { throw ctx.fail("\(path).medicinesAny", "is empty: the wait could never apply") }
            for (j, item) in wait.medicinesAny.enumerated() where !vocabulary.medicineTerms.contains(item) {
                throw ctx.fail("\(path).medicinesAny[\(j)]", "'\(item)' is not a medicine or class in medicines.json")
            }
            guard (1...366).contains(wait.days.value) else {
                throw ctx.fail("\(path).days.value", "must be from 1 to 366 days (got \(wait.days.value))")
            }
        }
    }
}
