/// How much pain has fallen from baseline, in the IMMPACT bands the formulary sets
/// (``PathwaySettings/painChangeBands``): no meaningful change, minimal, moderate, substantial;
/// and worse, when pain is above baseline.
public enum PainBand: String, Codable, Sendable, CaseIterable {
    case worse, none, minimal, moderate, substantial

    public var label: String {
        switch self {
        case .worse: "worse"
        case .none: "no meaningful change"
        case .minimal: "minimal"
        case .moderate: "moderate"
        case .substantial: "substantial"
        }
    }

    /// The band of a fall of `reductionPercent` (negative when pain rose). Any rise is
    /// `worse`: pain above baseline is not "no change". A tiny tolerance keeps exact thresholds (30.0 %) in the higher
    /// band despite binary floating point (3/10 × 100 is 30.000000000000004, 0.7 × 100 is 70.00000000000001).
    public static func classify(reductionPercent: Double, bands: PainChangeBands) -> PainBand {
        let r = reductionPercent + 1e-9
        if r >= bands.substantialPercent { return .substantial }
        if r >= bands.moderatePercent { return .moderate }
        if r >= bands.minimalPercent { return .minimal }
        if reductionPercent < -1e-9 { return .worse }
        return .none
    }
}

/// The Patient Global Impression of Change, a 7-point scale (NINDS CDE [S54]):
/// 1 very much improved … 4 no change … 7 very much worse.
public enum ImpressionScale {
    public static func meaning(_ value: Int) -> String? {
        let words = ["very much improved", "much improved", "minimally improved", "no change",
                     "minimally worse", "much worse", "very much worse"]
        return (1...7).contains(value) ? words[value - 1] : nil
    }
}
