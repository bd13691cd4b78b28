import PainLadder

/// Days across, values up: a day `d` occupies `[x(d), x(d + 1))`, the first day starting at
/// the plot's left edge and the last ending at its right; a value `v` of `0…maximum` sits at
/// `y(v)`, 0 on the bottom edge and `maximum` on the top.
///
/// ```swift
/// let scale = ChartScale(area: PlotArea(x: 50, y: 10, width: 700, height: 100),
///                        from: start, to: start.adding(days: 6), maximum: 10)
/// scale.x(start)                 // 50
/// scale.middle(start)            // 100: the middle of a 100-wide day
/// scale.y(5)                     // 60
/// ```
public struct ChartScale: Sendable {
    public var area: PlotArea
    public var from: LocalDate
    public var to: LocalDate
    public var maximum: Double

    public init(area: PlotArea, from: LocalDate, to: LocalDate, maximum: Double) {
        self.area = area
        self.from = from
        self.to = max(from, to)
        self.maximum = maximum > 0 ? maximum : 1
    }

    /// Days shown, `from` to `to` inclusive.
    public var days: Int { from.days(to: to) + 1 }
    public var dayWidth: Double { area.width / Double(days) }

    /// The left edge of day `date`, kept inside the plot.
    public func x(_ date: LocalDate) -> Double {
        let d = Double(min(max(from.days(to: date), 0), days))
        return area.x + d * dayWidth
    }

    /// The middle of day `date`: where a point for that day is drawn.
    public func middle(_ date: LocalDate) -> Double { x(date) + dayWidth / 2 }

    /// Value `v`, kept inside the plot.
    public func y(_ v: Double) -> Double {
        area.bottom - min(max(v, 0), maximum) / maximum * area.height
    }

    /// A round maximum at or above `value` for an axis: 1, 2 or 5 times a power of ten.
    public static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where m * power >= value { return m * power }
        return 10 * power
    }
}
