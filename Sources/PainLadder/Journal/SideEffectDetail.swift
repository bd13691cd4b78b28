import Foundation

public struct SideEffectDetail: Codable, Sendable, Equatable {
    /// The formulary's id when the symptom is known ("drowsiness"), else the patient's words.
    public var symptom: String
    /// Whether it matched the formulary's list for the drug.
    public var known: Bool
    public var severity: Severity?
    /// When it started, if not when recorded.
    public var since: LocalDate?
    public var redFlag: Bool
    /// For `.sideEffectResolved`: the report it closes.
    public var resolves: Int64?
    /// The titration step the patient was on.
    public var stepNumber: Int?

    public init(symptom: String, known: Bool, severity: Severity?, since: LocalDate? = nil, redFlag: Bool = false,
                resolves: Int64? = nil, stepNumber: Int? = nil) {
        self.symptom = symptom
        self.known = known
        self.severity = severity
        self.since = since
        self.redFlag = redFlag
        self.resolves = resolves
        self.stepNumber = stepNumber
    }
}
