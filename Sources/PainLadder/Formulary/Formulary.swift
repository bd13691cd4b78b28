import Foundation

/// The clinical data PainLadder works from: the drugs, their sources, the diagnoses, the
/// medicine classes that safety rules refer to, and pathway-wide settings.
///
/// The `FormularyData` target reads and checks it: the bundled default with
/// `FormularyLoader.bundled()`, a folder with `FormularyLoader.load(directory:)`, and a
/// clinic's local overlay (caps, drug order) with `FormularyLoader.load(directory:overlay:)`.
public struct Formulary: Sendable {
    public var name: String
    public var version: String
    /// In the order the formulary lists them.
    public var drugs: [Drug]
    public var sources: [String: Source]
    public var diagnoses: [Diagnosis]
    /// Medicine name → the classes it belongs to ("tramadol" → ["opioid", "serotonergic"]).
    public var medicineClasses: [String: [String]] { didSet { medicineKeys = MedicineKeys(medicineClasses, medicineNames) } }
    /// Brand names and synonyms by ingredient (`medicine-names.json`), with their sources.
    public var medicineNames: [MedicineName] = [] { didSet { medicineKeys = MedicineKeys(medicineClasses, medicineNames) } }
    /// Typed name → ingredient, built once from the two above (see ``ingredient(named:)``).
    var medicineKeys = MedicineKeys([:], [])
    public var pathway: PathwaySettings
    /// Local caps on the maximum daily dose, by drug id, from a clinic's overlay.
    public var localCaps: [String: Sourced<Milligrams>]
    /// The name of the local overlay in force, if any.
    public var localName: String?
    /// Switching guidance and dose conversions (`switching.json`), if the folder has them.
    public var switching: SwitchingRules?
    /// Whether the data are the bundled release's (set by whoever reads the files).
    public var provenance: FormularyProvenance = .bundledRelease

    public init(name: String, version: String, drugs: [Drug], sources: [String: Source],
                diagnoses: [Diagnosis], medicineClasses: [String: [String]], pathway: PathwaySettings,
                localCaps: [String: Sourced<Milligrams>] = [:], localName: String? = nil,
                switching: SwitchingRules? = nil) {
        self.name = name
        self.version = version
        self.drugs = drugs
        self.sources = sources
        self.diagnoses = diagnoses
        self.medicineClasses = medicineClasses
        self.pathway = pathway
        self.localCaps = localCaps
        self.localName = localName
        self.switching = switching
        self.medicineKeys = MedicineKeys(medicineClasses, [])
    }

    /// The drug with this id (case-insensitive), or `unknownDrug`.
    public func drug(_ id: String) throws -> Drug {
        let key = id.lowercased()
        guard let drug = drugs.first(where: { $0.id == key }) else {
            throw PainLadderError.unknownDrug(id, known: drugs.map(\.id))
        }
        return drug
    }

    public func diagnosis(_ id: String) -> Diagnosis? { diagnoses.first { $0.id == id } }
}

/// Settings that apply across the ladder.
public struct PathwaySettings: Codable, Sendable, Equatable {
    /// A locally imposed drug order; `nil` is NICE's free choice among the four.
    public var ladderOrder: Sourced<[String]>?
    /// Rules that apply to every drug (e.g. trigeminal neuralgia leaves the ladder).
    public var rules: [SafetyRule]
    /// A side effect of at least this severity during titration holds the next step-up.
    public var holdStepUpAtSeverity: Sourced<String>
    /// Where a fall in pain from baseline becomes minimal, moderate, substantial (per cent),
    /// for the review; `nil` when the formulary sets none (the review then shows no band).
    public var painChangeBands: Sourced<PainChangeBands>?
    /// A 7-day mean pain score (0–10) at or above this prompts referral as severe pain;
    /// `nil` when the formulary sets none.
    public var referralSeverePain: Sourced<Double>?
    /// Kidney function unknown for a drug dosed by it: refuse unless acknowledged, and cap
    /// older or frail patients (``RenalUnknownPolicy``); `nil`: only a caution.
    public var renalFunctionUnknown: Sourced<RenalUnknownPolicy>?
    /// Which weight Cockcroft–Gault uses when height is known; `nil`: actual weight.
    public var cockcroftGaultWeight: Sourced<DosingWeightRule>?
    /// Without a height, the shortest height the weight warning considers (cm); `nil`: no warning.
    public var heightUnknownShortestCm: Sourced<Double>?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(ladderOrder: Sourced<[String]>? = nil, rules: [SafetyRule],
                 holdStepUpAtSeverity: Sourced<String>, painChangeBands: Sourced<PainChangeBands>? = nil,
                 referralSeverePain: Sourced<Double>? = nil, renalFunctionUnknown: Sourced<RenalUnknownPolicy>? = nil,
                 cockcroftGaultWeight: Sourced<DosingWeightRule>? = nil, heightUnknownShortestCm: Sourced<Double>? = nil) {
        self.ladderOrder = ladderOrder
        self.rules = rules
        self.holdStepUpAtSeverity = holdStepUpAtSeverity
        self.painChangeBands = painChangeBands
        self.referralSeverePain = referralSeverePain
        self.renalFunctionUnknown = renalFunctionUnknown
        self.cockcroftGaultWeight = cockcroftGaultWeight
        self.heightUnknownShortestCm = heightUnknownShortestCm
    }
}

/// Per-cent falls in pain from baseline that mark a change as minimal, moderate or
/// substantial (IMMPACT); a smaller fall is no meaningful change.
public struct PainChangeBands: Codable, Sendable, Equatable {
    public var minimalPercent: Double
    public var moderatePercent: Double
    public var substantialPercent: Double

    public init(minimalPercent: Double, moderatePercent: Double, substantialPercent: Double) {
        self.minimalPercent = minimalPercent
        self.moderatePercent = moderatePercent
        self.substantialPercent = substantialPercent
    }
}

/// A diagnosis the formulary knows, and which branch of care it belongs to.
public struct Diagnosis: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    /// `peripheral`, `central`, `trigeminal` or `excluded` (not neuropathic pain on this ladder).
    public var category: String

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(id: String, label: String, category: String) {
        self.id = id
        self.label = label
        self.category = category
    }
}

/// A clinic's local changes to the default formulary, from `--formulary FILE`.
///
/// ```json
/// {"name": "West Suffolk", "caps": {"gabapentin": {"value": 1800, "sources": ["S12"], "status": "local"}}}
/// ```
public struct LocalOverlay: Codable, Sendable, Equatable {
    public var name: String
    /// Extra source tags the overlay cites.
    public var sources: [String: Source]?
    /// A lower maximum daily dose per drug.
    public var caps: [String: Sourced<Milligrams>]?
    /// A local drug order.
    public var ladderOrder: Sourced<[String]>?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(name: String, sources: [String: Source]? = nil, caps: [String: Sourced<Milligrams>]? = nil,
                 ladderOrder: Sourced<[String]>? = nil) {
        self.name = name
        self.sources = sources
        self.caps = caps
        self.ladderOrder = ladderOrder
    }
}
