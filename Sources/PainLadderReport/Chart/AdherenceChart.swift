import PainLadder

/// Doses taken per course week as bars (0–100%), for the course reviewed. Weeks with no dose
/// due have no bar. The plot is a `<g class="panel">` like the timeline's.
public enum AdherenceChart {
    public static let area = PlotArea(x: 60, y: 16, width: 884, height: 120)

    public static func figure(_ weeks: [WeeklyAdherence], drug: String?) -> ChartFigure {
        let title = "Doses taken per week" + (drug.map { ", \($0)" } ?? "")
        let description = Self.description(weeks)
        var s = SVGBuilder()
        s.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 960 170"), ("role", "img"),
                       ("aria-labelledby", "adherence-title adherence-desc"), ("class", "chart adherence")])
        s.element("title", [("id", "adherence-title")], content: HTMLText.escaped(title))
        s.element("desc", [("id", "adherence-desc")], content: HTMLText.escaped(description))
        let a = area
        func y(_ percent: Double) -> Double { a.bottom - min(max(percent, 0), 100) / 100 * a.height }
        s.open("g", [("class", "axes"), ("font-size", "10")])
        for p in [0.0, 50, 100] {
            s.line(a.x - 4, y(p), a.x, y(p), [("stroke", "#000000")])
            s.label(a.x - 6, y(p) + 4, ChartNumber.percent(p), [("text-anchor", "end")])
        }
        let slot = a.width / Double(max(weeks.count, 1))
        let every = max(1, (weeks.count + 25) / 26)
        for (i, w) in weeks.enumerated() where i % every == 0 {
            s.label(a.x + slot * (Double(i) + 0.5), a.bottom + 14, "\(w.week)", [("text-anchor", "middle")])
        }
        s.label(a.x, a.bottom + 30, "course week", [])
        s.close("g")
        s.open("g", [("class", "panel bars"), ("data-plot", "\(a.x) \(a.y) \(a.width) \(a.height)")])
        s.rect(a.x, a.y, a.width, a.height, [("class", "frame"), ("fill", "#FFFFFF"), ("stroke", "#888888")])
        for p in [50.0] { s.line(a.x, y(p), a.right, y(p), [("stroke", ChartPalette.grid)]) }
        for (i, w) in weeks.enumerated() {
            guard let percent = w.figure.percent else { continue }
            let x = a.x + slot * Double(i) + slot * 0.15
            s.rect(x, y(percent), slot * 0.7, a.bottom - y(percent),
                   [("class", "week"), ("data-week", "\(w.week)"), ("fill", "#0072B2"), ("stroke", "#000000"), ("stroke-width", "0.5"),
                    ("aria-label", "week \(w.week): \(w.figure.taken) of \(w.figure.scheduled) taken")])
        }
        s.close("g")
        s.close("svg")
        return ChartFigure(id: "adherence", title: title, description: description, svg: s.text)
    }

    static func description(_ weeks: [WeeklyAdherence]) -> String {
        let due = weeks.filter { $0.figure.percent != nil }
        guard let low = due.min(by: { $0.figure.percent! < $1.figure.percent! }),
              let high = due.max(by: { $0.figure.percent! < $1.figure.percent! }) else {
            return "No doses were due yet."
        }
        let last = due.last!
        return "\(weeks.count) course week\(weeks.count == 1 ? "" : "s"): lowest \(ChartNumber.percent(low.figure.percent!)) (week \(low.week)), "
            + "highest \(ChartNumber.percent(high.figure.percent!)) (week \(high.week)); week \(last.week) \(last.figure.taken) of \(last.figure.scheduled) taken "
            + "(\(ChartNumber.percent(last.figure.percent!)))."
    }
}
