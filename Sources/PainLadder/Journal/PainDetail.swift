import Foundation

/// Average pain over the last 24 hours on the 0–10 numeric rating scale (LOINC 72514-3).
public struct PainDetail: Codable, Sendable, Equatable {
    public var score: Int
    /// How much pain interfered with sleep, 0–10.
    public var sleep: Int?
    /// How much pain interfered with mood, 0–10 (the Brief Pain Inventory interference item):
    /// NICE CG173 1.1.6 asks each review to assess mood.
    public var mood: Int?
    /// What the pain stopped them doing, in their words.
    public var impact: String?
    /// Set explicitly as the course's baseline.
    public var baseline: Bool

    public init(score: Int, sleep: Int? = nil, mood: Int? = nil, impact: String? = nil, baseline: Bool = false) {
        self.score = score
        self.sleep = sleep
        self.mood = mood
        self.impact = impact
        self.baseline = baseline
    }
}
