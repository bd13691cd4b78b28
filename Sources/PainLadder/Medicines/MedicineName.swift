/// The names a medicine goes by, for one ingredient: brand names and common synonyms
/// ("Lyrica" for pregabalin, "Nardil" for phenelzine), and the classes of an ingredient the
/// rules name but `medicines.json` does not list (linezolid is an MAOI). Every entry carries
/// its sources and an evidence status, like any other clinical fact.
///
/// ```swift
/// let lyrica = MedicineName(ingredient: "pregabalin", names: ["Lyrica"], sources: ["S32"], status: .confirmed)
/// ```
public struct MedicineName: Codable, Sendable, Equatable {
    /// The ingredient, as `medicines.json` and the rules name it ("pregabalin").
    public var ingredient: String
    /// Brand names and synonyms, written as a person would type them ("Lyrica", "Neurontin").
    public var names: [String]
    /// The ingredient's classes when `medicines.json` does not list it ("linezolid" → ["maoi"]).
    public var classes: [String]?
    public var sources: [String]
    public var status: EvidenceStatus
    public var note: String?

    public init(ingredient: String, names: [String] = [], classes: [String]? = nil, sources: [String],
                status: EvidenceStatus, note: String? = nil) {
        self.ingredient = ingredient
        self.names = names
        self.classes = classes
        self.sources = sources
        self.status = status
        self.note = note
    }
}
