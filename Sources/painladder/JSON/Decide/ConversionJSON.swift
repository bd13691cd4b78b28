import PainLadder

/// A dose conversion table applied to the old drug's dose (a switch), with its status.
struct ConversionJSON: Encodable {
    struct Row: Encodable {
        var fromMg: Int
        var toMinMg: Int
        var toMaxMg: Int
        var toTypicalMg: Int

        init(_ r: ConversionRow) {
            fromMg = r.fromMg
            toMinMg = r.toMinMg
            toMaxMg = r.toMaxMg
            toTypicalMg = r.toTypicalMg
        }
    }

    var tableID: String
    var label: String
    var fromDrug: String
    var fromMg: Int
    var toDrug: String
    /// The equivalent dose; left out when the dose is outside the table.
    var toMg: Int?
    var row: Row?
    var usedForDose: Bool
    var summary: String
    var rows: SourcedValueJSON<[Row]>

    init(_ c: ConversionUse) {
        tableID = c.table.id
        label = c.table.label
        fromDrug = c.fromDrug
        fromMg = c.fromMg
        toDrug = c.toDrug
        toMg = c.toMg
        row = c.row.map(Row.init)
        usedForDose = c.usedForDose
        summary = c.summary
        rows = SourcedValueJSON(c.table.rows) { $0.map(Row.init) }
    }
}
