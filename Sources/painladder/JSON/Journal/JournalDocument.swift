import PainLadder

/// `take`, `skip`, `pain`, `impression`, `assess`, `side-effect`, `correct`, `undo`
/// `--json`: the entries just recorded and any plan version they made (a red flag's automatic
/// hold); `side-effect --open --json`: the open reports. Schema: schemas/journal.schema.json.
struct JournalDocument: Encodable {
    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var entries: [JournalEntryJSON]
    /// The plan version the entries made; left out when none.
    var newPlan: PlanJSON?

    init(patientID: String, entries: [JournalEntry], newPlan: PlanVersion? = nil) {
        self.patientID = patientID
        self.entries = entries.map(JournalEntryJSON.init)
        self.newPlan = newPlan.map(PlanJSON.init)
    }
}
