import PainLadder

/// Where the timeline's parts go, in a 960 × 460 view box: decision numbers on top, the dose
/// panel, the pain panel, the side-effect strip, then the dates.
struct TimelineLayout {
    static let width = 960.0
    static let height = 460.0
    static let left = 60.0
    static let right = 16.0
    static let plotWidth = width - left - right

    static let dose = PlotArea(x: left, y: 36, width: plotWidth, height: 150)
    static let pain = PlotArea(x: left, y: 214, width: plotWidth, height: 150)
    static let sideEffects = PlotArea(x: left, y: 384, width: plotWidth, height: 36)
    static let datesBaseline = 440.0

    let doseScale: ChartScale
    let painScale: ChartScale
    let stripScale: ChartScale

    init(_ t: ReviewTimeline) {
        let highest = t.courses.flatMap { $0.planned.map(\.dailyDoseMg) + $0.taken.map(\.takenMg) }.max() ?? 0
        doseScale = ChartScale(area: Self.dose, from: t.from, to: t.to, maximum: ChartScale.niceMaximum(Double(highest)))
        painScale = ChartScale(area: Self.pain, from: t.from, to: t.to, maximum: 10)
        stripScale = ChartScale(area: Self.sideEffects, from: t.from, to: t.to, maximum: 1)
    }

    /// Dates to label along the bottom: at most 12, on month starts when the span is over
    /// 10 weeks, else on Mondays.
    static func dateTicks(from: LocalDate, to: LocalDate) -> [LocalDate] {
        var ticks: [LocalDate] = []
        var day = from
        let byMonth = from.days(to: to) > 70
        while day <= to {
            if byMonth ? day.day == 1 : day.isoWeekday == 1 { ticks.append(day) }
            day = day.adding(days: 1)
        }
        if ticks.isEmpty { ticks = [from] }
        let every = (ticks.count + 11) / 12
        return ticks.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }
}
