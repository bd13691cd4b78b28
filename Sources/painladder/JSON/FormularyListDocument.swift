import PainLadder

/// `formulary list --json`: the formulary in use, any local drug order, and the drugs on the
/// ladder with their maximum. Schema: schemas/formulary-list.schema.json. (The earlier output
/// was a bare array of drugs with `id`: now `drugs`, each with `drug`.)
struct FormularyListDocument: Encodable {
    struct DrugSummary: Encodable {
        var drug: String
        var name: String
        var drugClass: String
        var maximumDailyDose: SourcedJSON
        var variants: [String]
    }

    var schemaVersion = JSONContract.schemaVersion
    var name: String
    var version: String
    var localName: String?
    /// The local drug order, when the formulary sets one (else NICE CG173's choice of the four).
    var ladderOrder: SourcedValueJSON<[String]>?
    var drugs: [DrugSummary]

    init(_ f: Formulary) {
        name = f.name
        version = f.version
        localName = f.localName
        ladderOrder = f.pathway.ladderOrder.map { SourcedValueJSON($0) { $0 } }
        drugs = f.drugs.map {
            DrugSummary(drug: $0.id, name: $0.name, drugClass: $0.drugClass, maximumDailyDose: SourcedJSON($0.maximumDailyDose),
                        variants: $0.variants.map(\.id))
        }
    }
}
