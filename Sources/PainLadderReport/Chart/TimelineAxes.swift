import PainLadder

/// What the timeline writes outside its panels: panel titles, value ticks, dates along the
/// bottom and each decision's number above its rule.
enum TimelineAxes {
    static func draw(_ s: inout SVGBuilder, _ t: ReviewTimeline, _ layout: TimelineLayout) {
        s.open("g", [("class", "axes"), ("font-size", "11"), ("fill", "#000000")])
        let dose = layout.doseScale, pain = layout.painScale
        s.label(TimelineLayout.left, dose.area.y - 20, "Planned daily dose (line) and taken each day (bars), mg/day", [("font-weight", "bold")])
        s.label(TimelineLayout.left, pain.area.y - 8, "Pain 0–10: daily (dots), 7-day mean (thick), baseline (long dashes), sleep (dashes), mood (dots)",
                [("font-weight", "bold")])
        s.label(TimelineLayout.left - 6, TimelineLayout.sideEffects.y + 22, "Side effects", [("text-anchor", "end"), ("font-size", "9")])
        for v in [0, dose.maximum / 2, dose.maximum] {
            tick(&s, y: dose.y(v), text: ChartNumber.score(v))
        }
        for v in stride(from: 0.0, through: 10, by: 2) { tick(&s, y: pain.y(v), text: ChartNumber.score(v)) }
        for day in TimelineLayout.dateTicks(from: t.from, to: t.to) {
            let x = dose.x(day)
            s.line(x, TimelineLayout.sideEffects.bottom, x, TimelineLayout.sideEffects.bottom + 4, [("stroke", "#000000")])
            s.label(x, TimelineLayout.datesBaseline + 8, day.description, [("text-anchor", "middle"), ("font-size", "10")])
        }
        var lastX = -100.0, row = 0
        for (i, d) in t.decisions.enumerated() {
            let x = dose.x(d.date)
            // Numbers of decisions close together go on a second row rather than on each other.
            row = x - lastX < 14 ? (row + 1) % 2 : 0
            lastX = x
            s.label(x, dose.area.y - 6, "\(i + 1)", [("class", "decision-label"), ("text-anchor", "middle"),
                                                                        ("font-size", "9"), ("dy", row == 0 ? "0" : "-9")])
        }
        s.close("g")
    }

    static func tick(_ s: inout SVGBuilder, y: Double, text: String) {
        s.line(TimelineLayout.left - 4, y, TimelineLayout.left, y, [("stroke", "#000000")])
        s.label(TimelineLayout.left - 6, y + 4, text, [("text-anchor", "end"), ("font-size", "10")])
    }
}
