/// A clinician's decision, kept on the plan version it created: what, who, why, and the
/// warnings that were shown and accepted.
public struct Decision: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case `continue`, hold, reduce, increase
        case `switch`, stop, refer
        /// A hold the journal rule made (a moderate or severe side effect during titration).
        case automaticHold = "automatic-hold"
    }

    public var kind: Kind
    public var by: String
    public var reason: String
    /// Decision-specific facts, e.g. `["to": "pregabalin", "outcome": "not-tolerated", "mode": "cross-taper"]`.
    public var details: [String: String]
    /// Cautions shown to the clinician and accepted with this decision.
    public var warnings: [SafetyFinding]

    public init(kind: Kind, by: String, reason: String, details: [String: String] = [:], warnings: [SafetyFinding] = []) {
        self.kind = kind
        self.by = by
        self.reason = reason
        self.details = details
        self.warnings = warnings
    }
}
