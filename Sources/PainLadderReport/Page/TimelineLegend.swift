import PainLadder

/// The key to the timeline: each drug's line, the pain lines, and the side-effect markers,
/// each drawn as it appears in the chart (shape and dash, not colour alone).
enum TimelineLegend {
    static func write(_ w: inout PageWriter, _ t: ReviewTimeline) {
        w.add("<ul class=\"legend\" aria-label=\"key to the timeline\">")
        for (i, course) in t.courses.enumerated() {
            let style = ChartPalette.drug(i)
            item(&w, line(style.colour, style.dash, width: 2), "\(course.drugName) (line: planned; bars: taken)")
        }
        item(&w, line(ChartPalette.painMean, nil, width: 2.5), "pain, 7-day mean")
        item(&w, line(ChartPalette.baseline, "10 4", width: 1.5), "pre-treatment baseline")
        item(&w, line(ChartPalette.sleep, ChartPalette.sleepDash, width: 1.5), "sleep interference")
        item(&w, line(ChartPalette.mood, ChartPalette.moodDash, width: 1.5), "mood interference")
        for (severity, flag, text) in [(Severity.mild, false, "mild"), (.moderate, false, "moderate"), (.severe, false, "severe"), (nil, true, "red flag")] {
            let (shape, fill) = ChartPalette.marker(severity: severity, redFlag: flag)
            let mark: String = switch shape {
            case .circle: "<circle cx=\"14\" cy=\"6\" r=\"4\" fill=\"\(fill)\" stroke=\"#000000\"/>"
            case .triangle: "<polygon points=\"14,2 18,10 10,10\" fill=\"\(fill)\" stroke=\"#000000\"/>"
            case .square: "<rect x=\"10\" y=\"2\" width=\"8\" height=\"8\" fill=\"\(fill)\" stroke=\"#000000\"/>"
            case .diamond: "<polygon points=\"14,1 19,6 14,11 9,6\" fill=\"\(fill)\" stroke=\"#000000\" stroke-width=\"2\"/>"
            }
            item(&w, mark, "side effect, \(text)")
        }
        item(&w, "<rect x=\"2\" y=\"1\" width=\"24\" height=\"10\" fill=\"url(#hold-hatch)\" stroke=\"#999999\"/>", "step-ups on hold")
        item(&w, "<line x1=\"14\" y1=\"0\" x2=\"14\" y2=\"12\" stroke=\"#333333\" stroke-dasharray=\"3 2\"/>", "decision (numbered; see the table below)")
        w.add("</ul>")
    }

    static func line(_ colour: String, _ dash: String?, width: Double) -> String {
        "<line x1=\"0\" y1=\"6\" x2=\"28\" y2=\"6\" stroke=\"\(colour)\" stroke-width=\"\(width)\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
    }

    static func item(_ w: inout PageWriter, _ mark: String, _ text: String) {
        w.add("<li><svg viewBox=\"0 0 28 12\" aria-hidden=\"true\">\(mark)</svg> \(HTMLText.escaped(text))</li>")
    }
}
