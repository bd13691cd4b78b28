/// A structured description of the pain, asked at the start of a course and before a review
/// (the questions a person with MS-related pain is encouraged to think about before seeing
/// their clinician; see `shared/seeds/`).
public struct PainAssessment: Codable, Sendable, Equatable {
    public enum Pattern: String, Codable, Sendable, CaseIterable {
        case constant
        case shortBursts = "short-bursts"
        case longBursts = "long-bursts"
    }

    public enum Onset: String, Codable, Sendable, CaseIterable {
        case sudden, gradual
    }

    /// Words for the pain's character. The first group is nerve pain, the second muscle and joint pain.
    public enum Character: String, Codable, Sendable, CaseIterable {
        case burning, tingling
        case pinsAndNeedles = "pins-and-needles"
        case crawling
        case tightBand = "tight-band"
        case sharpFacial = "sharp-facial"
        case electricShock = "electric-shock"
        case back, hip, neck, posture
        case muscleSpasm = "muscle-spasm"
        case stiffness

        public var isNerve: Bool {
            switch self {
            case .burning, .tingling, .pinsAndNeedles, .crawling, .tightBand, .sharpFacial, .electricShock: true
            default: false
            }
        }
    }

    public var pattern: Pattern?
    public var onset: Onset?
    /// Began with other new symptoms, or when old symptoms came back.
    public var withNewOrReturningSymptoms: Bool?
    /// What eases it: painkillers, heat, cold, rest, sitting upright, …
    public var eases: [String]
    public var worsens: [String]
    public var happenedBefore: Bool?
    public var feltTheSame: Bool?
    /// What it stops them doing, in concrete terms ("2 hours to get to sleep").
    public var stopsDoing: [String]
    public var character: [Character]
    /// Only on one side of the face.
    public var oneSidedFacial: Bool?

    public init(pattern: Pattern? = nil, onset: Onset? = nil, withNewOrReturningSymptoms: Bool? = nil,
                eases: [String] = [], worsens: [String] = [], happenedBefore: Bool? = nil, feltTheSame: Bool? = nil,
                stopsDoing: [String] = [], character: [Character] = [], oneSidedFacial: Bool? = nil) {
        self.pattern = pattern
        self.onset = onset
        self.withNewOrReturningSymptoms = withNewOrReturningSymptoms
        self.eases = eases
        self.worsens = worsens
        self.happenedBefore = happenedBefore
        self.feltTheSame = feltTheSame
        self.stopsDoing = stopsDoing
        self.character = character
        self.oneSidedFacial = oneSidedFacial
    }

    /// What the clinician must look at: a possible relapse, pain this ladder does not treat,
    /// possible trigeminal neuralgia.
    public var flags: [ClinicianFlag] {
        var flags: [ClinicianFlag] = []
        if withNewOrReturningSymptoms == true {
            flags.append(ClinicianFlag(.possibleRelapse,
                "the pain began with other new symptoms or the return of old ones: this may be a relapse of the underlying condition"))
        }
        if !character.isEmpty, character.allSatisfy({ !$0.isNerve }) {
            flags.append(ClinicianFlag(.notNeuropathic,
                "described as muscle or joint pain (\(character.map(\.rawValue).joined(separator: ", "))): this ladder treats nerve pain"))
        }
        if character.contains(.sharpFacial) || (oneSidedFacial == true && character.contains(.electricShock)) {
            flags.append(ClinicianFlag(.possibleTrigeminalNeuralgia,
                "sharp one-sided facial pain may be trigeminal neuralgia: it is not on this ladder (carbamazepine and referral, NICE CG173)"))
        }
        return flags
    }
}
