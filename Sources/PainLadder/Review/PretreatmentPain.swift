/// The baseline before the first course on the ladder, and the change from it: how far pain
/// has come across every drug tried, beside the current course's own baseline.
///
/// Shown only when it differs from the course's baseline: the reviewed course is not the
/// first, and the first course's baseline rests on other scores.
public struct PretreatmentPain: Codable, Sendable, Equatable {
    /// The first course on the ladder, whose baseline this is.
    public var courseID: Int64?
    public var drug: String
    public var baseline: BaselinePain
    /// The last 7 days' mean minus this baseline: negative is less pain.
    public var changePoints: Double?
    /// Change as a per cent of this baseline; `nil` with a baseline of 0.
    public var changePercent: Double?
    public var band: PainBand?

    public init(courseID: Int64?, drug: String, baseline: BaselinePain, changePoints: Double? = nil,
                changePercent: Double? = nil, band: PainBand? = nil) {
        self.courseID = courseID
        self.drug = drug
        self.baseline = baseline
        self.changePoints = changePoints
        self.changePercent = changePercent
        self.band = band
    }
}
