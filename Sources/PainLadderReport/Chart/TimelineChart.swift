import PainLadder

/// The timeline as one SVG: each drug's planned daily dose as a step line with the doses
/// taken as dots; daily pain with its 7-day mean, the baseline, sleep and mood interference;
/// side effects as markers by severity (red flags distinct); decisions as numbered vertical
/// rules; holds shaded. Each panel is a `<g class="panel">` whose `data-plot` gives its plot
/// area: every mark in it lies inside (the geometry tests parse the SVG and check).
///
/// ```swift
/// let figure = TimelineChart.figure(report.timeline)
/// figure.svg            // "<svg …><title …>…</title><desc …>…</desc>…</svg>"
/// ```
public enum TimelineChart {
    public static func figure(_ t: ReviewTimeline) -> ChartFigure {
        let layout = TimelineLayout(t)
        let title = "Dose, pain and events from \(t.from) to \(t.to)"
        let description = TimelineDescription.text(t)
        var s = SVGBuilder()
        s.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 960 460"), ("role", "img"),
                       ("aria-labelledby", "timeline-title timeline-desc"), ("class", "chart timeline")])
        s.element("title", [("id", "timeline-title")], content: HTMLText.escaped(title))
        s.element("desc", [("id", "timeline-desc")], content: HTMLText.escaped(description))
        s.raw(Self.definitions)
        TimelineAxes.draw(&s, t, layout)
        drawDose(&s, t, layout.doseScale)
        drawPain(&s, t, layout.painScale)
        drawSideEffects(&s, t, layout.stripScale)
        s.close("svg")
        return ChartFigure(id: "timeline", title: title, description: description, svg: s.text)
    }

    /// The hatching of holds: a pattern, not only a shade, so it shows in greyscale.
    static let definitions = """
        <defs><pattern id="hold-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#F2F2F2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999999" stroke-width="2"/>\
        </pattern></defs>
        """

    /// A panel's group, its frame, the holds and the decision rules that every panel shares.
    static func openPanel(_ s: inout SVGBuilder, _ name: String, _ t: ReviewTimeline, _ scale: ChartScale) {
        let a = scale.area
        s.open("g", [("class", "panel \(name)"), ("data-plot", "\(a.x) \(a.y) \(a.width) \(a.height)")])
        s.rect(a.x, a.y, a.width, a.height, [("class", "frame"), ("fill", "#FFFFFF"), ("stroke", "#888888")])
        for hold in t.holds {
            s.rect(scale.x(hold.from), a.y, scale.x(hold.to.adding(days: 1)) - scale.x(hold.from), a.height,
                   [("class", "hold"), ("fill", "url(#hold-hatch)"), ("data-from", hold.from.description)])
        }
        for (i, d) in t.decisions.enumerated() {
            s.line(scale.x(d.date), a.y, scale.x(d.date), a.bottom,
                   [("class", "decision"), ("data-decision", String(i + 1)), ("stroke", ChartPalette.decision),
                    ("stroke-width", "1"), ("stroke-dasharray", "3 2")])
        }
    }

    static func drawDose(_ s: inout SVGBuilder, _ t: ReviewTimeline, _ scale: ChartScale) {
        openPanel(&s, "dose", t, scale)
        for (i, course) in t.courses.enumerated() {
            let style = ChartPalette.drug(i)
            var attributes = [("class", "planned"), ("data-drug", course.drug), ("fill", "none"),
                              ("stroke", style.colour), ("stroke-width", "2")]
            if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
            // Taken as light bars from 0 under the line: where they fall short of it, doses were missed.
            let width = min(8, scale.dayWidth * 0.6)
            for day in course.taken where day.date >= t.from {
                let top = scale.y(Double(day.takenMg))
                s.rect(scale.middle(day.date) - width / 2, top, width, scale.area.bottom - top,
                       [("class", "taken"), ("data-drug", course.drug), ("fill", style.colour), ("fill-opacity", "0.3")])
            }
            s.polyline(stepPoints(course.planned, scale: scale, through: t.to), attributes)
        }
        s.close("g")
    }

    /// A step line through runs of days: up at the first day's left edge, across to the day
    /// after the last, down to 0 between runs that do not touch and after a run that ends
    /// before the last day shown.
    static func stepPoints(_ runs: [DoseRun], scale: ChartScale, through last: LocalDate) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        let zero = scale.y(0)
        for (i, run) in runs.enumerated() where run.to >= scale.from {
            let left = scale.x(max(run.from, scale.from)), right = scale.x(run.to.adding(days: 1))
            let level = scale.y(Double(run.dailyDoseMg))
            let joined = i > 0 && runs[i - 1].to.adding(days: 1) == run.from && runs[i - 1].to >= scale.from
            if !joined { points.append((left, zero)) }
            points.append((left, level))
            points.append((right, level))
            let touchesNext = i + 1 < runs.count && runs[i + 1].from == run.to.adding(days: 1)
            if !touchesNext && run.to < last { points.append((right, zero)) }
        }
        return points
    }

    static func drawPain(_ s: inout SVGBuilder, _ t: ReviewTimeline, _ scale: ChartScale) {
        openPanel(&s, "pain", t, scale)
        for b in t.baselines {
            s.line(scale.x(b.date), scale.y(b.score), scale.area.right, scale.y(b.score),
                   [("class", "baseline"), ("stroke", ChartPalette.baseline), ("stroke-width", "1.5"),
                    ("stroke-dasharray", b.pretreatment ? "10 4" : "4 4")])
        }
        for (values, key, colour, dash) in [(t.pain.compactMap { d in d.sleep.map { (d.date, $0) } }, "sleep", ChartPalette.sleep, ChartPalette.sleepDash),
                                             (t.pain.compactMap { d in d.mood.map { (d.date, $0) } }, "mood", ChartPalette.mood, ChartPalette.moodDash)] {
            for run in runs(values, maxGap: 7) {
                s.polyline(run.map { (scale.middle($0.0), scale.y($0.1)) },
                           [("class", key), ("fill", "none"), ("stroke", colour), ("stroke-width", "1.5"), ("stroke-dasharray", dash)])
            }
        }
        for run in runs(t.painMean7.map { ($0.date, $0.score) }, maxGap: 1) {
            s.polyline(run.map { (scale.middle($0.0), scale.y($0.1)) },
                       [("class", "pain-mean"), ("fill", "none"), ("stroke", ChartPalette.painMean), ("stroke-width", "2.5")])
        }
        for day in t.pain {
            s.circle(scale.middle(day.date), scale.y(day.score), min(2.2, max(0.8, scale.dayWidth / 2)),
                     [("class", "pain"), ("fill", ChartPalette.pain), ("data-date", day.date.description)])
        }
        s.close("g")
    }

    /// Consecutive values split where more than `maxGap` days pass between two.
    static func runs(_ values: [(LocalDate, Double)], maxGap: Int) -> [[(LocalDate, Double)]] {
        var result: [[(LocalDate, Double)]] = []
        for v in values {
            if let last = result.last?.last, last.0.days(to: v.0) <= maxGap {
                result[result.count - 1].append(v)
            } else {
                result.append([v])
            }
        }
        return result
    }

    static func drawSideEffects(_ s: inout SVGBuilder, _ t: ReviewTimeline, _ scale: ChartScale) {
        openPanel(&s, "side-effects", t, scale)
        var perDay: [LocalDate: Int] = [:]
        for report in t.sideEffects {
            let k = perDay[report.reportedOn, default: 0]
            perDay[report.reportedOn] = k + 1
            let x = scale.middle(report.reportedOn)
            let y = scale.area.y + 9 + Double(k % 3) * 9
            let (shape, fill) = ChartPalette.marker(severity: report.severity, redFlag: report.redFlag)
            let r = 4.0
            var attributes = [("class", "side-effect \(shape.rawValue)\(report.redFlag ? " red-flag" : "")"),
                              ("data-severity", report.severity?.rawValue ?? "none"), ("data-date", report.reportedOn.description),
                              ("fill", fill), ("stroke", "#000000"), ("stroke-width", report.redFlag ? "2" : "1")]
            attributes.append(("aria-label", "\(report.name), \(report.severity?.rawValue ?? "no severity")\(report.redFlag ? ", red flag" : "") on \(report.reportedOn)"))
            switch shape {
            case .circle: s.circle(x, y, r, attributes)
            case .square: s.rect(x - r, y - r, 2 * r, 2 * r, attributes)
            case .triangle: s.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], attributes)
            case .diamond: s.polygon([(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], attributes)
            }
        }
        s.close("g")
    }
}
