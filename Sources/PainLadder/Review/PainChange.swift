/// A mean against a baseline: the change in points and per cent and its IMMPACT band.
public struct PainChange: Sendable, Equatable {
    /// Mean minus baseline: negative is less pain.
    public var points: Double
    /// Change as a per cent of baseline: negative is less pain; `nil` with a baseline of 0.
    public var percent: Double?
    public var band: PainBand?

    /// `bands`: the formulary's thresholds; without them there is no band.
    init(mean: Double, baseline: Double, bands: PainChangeBands?) {
        points = mean - baseline
        if baseline > 0 {
            let percent = (mean - baseline) / baseline * 100
            self.percent = percent
            band = bands.map { PainBand.classify(reductionPercent: -percent, bands: $0) }
        }
    }
}
