/// What the pathway does when a drug's dose or a hard stop depends on creatinine clearance
/// and none is known (no measured clearance, no weight with serum creatinine).
///
/// Starting is refused unless a clinician acknowledges it with a reason; with the
/// acknowledgement a patient aged ``capFromAge`` or over, or frail when ``capWhenFrail``, is
/// planned within the drug's most cautious renal band until a value is recorded.
///
/// ```swift
/// let policy = RenalUnknownPolicy(capFromAge: 65, capWhenFrail: true)
/// policy.caps(age: 86, frail: false)   // true
/// ```
public struct RenalUnknownPolicy: Codable, Sendable, Equatable {
    public var capFromAge: Int
    public var capWhenFrail: Bool

    public init(capFromAge: Int, capWhenFrail: Bool) {
        self.capFromAge = capFromAge
        self.capWhenFrail = capWhenFrail
    }

    /// Whether a patient of this age and frailty is planned within the most cautious band.
    public func caps(age: Int, frail: Bool) -> Bool { age >= capFromAge || (frail && capWhenFrail) }
}
