import Foundation

/// Something the clinician should see at the next review.
public struct ClinicianFlag: Codable, Sendable, Equatable, Hashable {
    public var kind: Kind
    public var message: String

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case redFlag = "red-flag"
        case aboveMaximum = "above-maximum"
        case stepUpHeld = "step-up-held"
        case possibleRelapse = "possible-relapse"
        case notNeuropathic = "not-neuropathic"
        case possibleTrigeminalNeuralgia = "possible-trigeminal-neuralgia"
    }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
