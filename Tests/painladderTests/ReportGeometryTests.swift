import Foundation
import PainLadder
import PainLadderClinic
import PainLadderReport
import Testing

/// The timeline's SVG against the data of the hand-built patient (``ReportHarness/recordR1(_:)``),
/// read back with an XML parser: days from 2026-03-01 (the baseline) to 2026-03-19 (19 days
/// over the 884 units from x = 60), doses on 0–20 mg (the highest is 20) over the dose panel
/// y = 36…186, scores 0–10 over the pain panel y = 214…364.
@Suite("Report: the timeline's geometry")
struct ReportGeometryTests {
    static let dayWidth = 884.0 / 19
    /// The left edge of day `k` of March (day 1 is the first shown).
    static func x(_ k: Int) -> Double { 60 + Double(k - 1) * dayWidth }
    static func middle(_ k: Int) -> Double { x(k) + dayWidth / 2 }
    static func doseY(_ mg: Double) -> Double { 186 - mg / 20 * 150 }
    static func painY(_ score: Double) -> Double { 364 - score / 10 * 150 }

    static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.006 }
    static func near(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { near($0.0, $1.0) && near($0.1, $1.1) }
    }

    @Test func pointsAndStepsSitWhereTheDataSay() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let report = try ReportHarness.report(cli)
        let t = report.timeline
        #expect(t.from.description == "2026-03-01" && t.to.description == "2026-03-19")
        // The plan: 10 mg 03-02…03-08, 20 mg from 03-09 (the hold keeps it), to today.
        #expect(t.courses.first?.planned.map { "\($0.from) \($0.to) \($0.dailyDoseMg)" }
                == ["2026-03-02 2026-03-08 10", "2026-03-09 2026-03-19 20"])
        let svg = try SVGShapes(TimelineChart.figure(t).svg)

        let planned = try #require(svg.with("planned").first)
        #expect(Self.near(planned.points, [(Self.x(2), Self.doseY(0)), (Self.x(2), Self.doseY(10)), (Self.x(9), Self.doseY(10)),
                                           (Self.x(9), Self.doseY(20)), (Self.x(20), Self.doseY(20))]), "\(planned.points)")

        // Taken: 10 mg on 03-02…03-08 but 03-05, 20 mg on 03-09…03-18.
        // Bars centred on the day, from the dose down to 0.
        let taken = svg.with("taken").map { ($0.number("x") + $0.number("width") / 2, $0.number("y")) }
        #expect(svg.with("taken").allSatisfy { Self.near($0.number("y") + $0.number("height"), Self.doseY(0)) })
        let expectedTaken: [(Double, Double)] = (2...18).filter { $0 != 5 }.map { (Self.middle($0), Self.doseY($0 < 9 ? 10 : 20)) }
        #expect(Self.near(taken, expectedTaken), "\(taken)")

        // Pain: 8 on 03-01 (the baseline), then 6, 5, 5, 4, 5, 4, 4 on 03-13…03-19.
        let pain = svg.with("pain").filter { $0.name == "circle" }.map { ($0.number("cx"), $0.number("cy")) }
        let scores: [(Int, Double)] = [(1, 8), (13, 6), (14, 5), (15, 5), (16, 4), (17, 5), (18, 4), (19, 4)]
        #expect(Self.near(pain, scores.map { (Self.middle($0.0), Self.painY($0.1)) }), "\(pain)")

        // The 7-day mean: 8 on 03-01…03-07 (the window holds only the baseline), none 03-08…03-12,
        // then the running means from 03-13: 6, 5.5, 5.33…, 5, 5, 4.83…, 4.71…
        let means = svg.with("pain-mean").map(\.points)
        let later: [Double] = [6, 11.0 / 2, 16.0 / 3, 20.0 / 4, 25.0 / 5, 29.0 / 6, 33.0 / 7]
        let firstRun: [(Double, Double)] = (1...7).map { (Self.middle($0), Self.painY(8)) }
        let lastRun: [(Double, Double)] = later.indices.map { (Self.middle(13 + $0), Self.painY(later[$0])) }
        #expect(means.count == 2)
        #expect(Self.near(means.first ?? [], firstRun))
        #expect(Self.near(means.last ?? [], lastRun))

        // The baseline as a line from its day to the right edge.
        let baseline = try #require(svg.with("baseline").first)
        #expect(Self.near(baseline.points, [(Self.x(1), Self.painY(8)), (944, Self.painY(8))]))
    }

    @Test func everyDecisionHoldAndSideEffectHasItsMarkInsideThePlot() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let report = try ReportHarness.report(cli)
        let t = report.timeline
        let svg = try SVGShapes(TimelineChart.figure(t).svg)

        // One rule per decision in each of the three panels, at its day's left edge, numbered above.
        #expect(t.decisions.count >= 1 && t.decisions.first?.kind == .hold)
        let rules = svg.with("decision")
        #expect(rules.count == 3 * t.decisions.count)
        for (i, d) in t.decisions.enumerated() {
            let k = t.from.days(to: d.date) + 1
            let mine = rules.filter { $0.attributes["data-decision"] == "\(i + 1)" }
            #expect(mine.count == 3 && mine.allSatisfy { Self.near($0.number("x1"), Self.x(k)) && Self.near($0.number("x2"), Self.x(k)) })
        }
        #expect(svg.with("decision-label").count == t.decisions.count)

        // The hold from 03-12 (the evening's dose) to today, shaded in each panel.
        let holds = svg.with("hold")
        #expect(t.holds.first?.from.description == "2026-03-12")
        #expect(holds.count == 3 * t.holds.count)
        #expect(holds.contains { Self.near($0.number("x"), Self.x(12)) && Self.near($0.number("x") + $0.number("width"), Self.x(20)) })

        // Side effects: mild dry mouth on 03-04 (a circle), moderate nausea on 03-15 (a triangle).
        let marks = svg.with("side-effect")
        #expect(marks.count == t.sideEffects.count && marks.count == 2)
        let mild = try #require(marks.first { $0.attributes["data-severity"] == "mild" })
        #expect(mild.name == "circle" && Self.near(mild.number("cx"), Self.middle(4)))
        let moderate = try #require(marks.first { $0.attributes["data-severity"] == "moderate" })
        #expect(moderate.name == "polygon" && Self.near(moderate.points[0].0, Self.middle(15)))

        // Nothing drawn outside its panel's plot area.
        let panelled = svg.shapes.filter { $0.plot != nil && $0.name != "g" }
        #expect(panelled.count >= 40)
        for shape in panelled {
            let p = shape.plot!
            for (x, y) in shape.points {
                #expect(x >= p.x - 1e-6 && x <= p.x + p.width + 1e-6 && y >= p.y - 1e-6 && y <= p.y + p.height + 1e-6,
                        "\(shape.name) \(shape.attributes["class"] ?? "") at (\(x), \(y)) outside \(p)")
            }
        }
    }

    @Test func adherenceBarsAreTheWeeksFigures() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let report = try ReportHarness.report(cli)
        // Weeks from 03-02: 7 due, 6 taken (03-05 skipped); 7 of 7; 03-16…03-18 due by 03-19 12:00, 3 of 3.
        let weeks = report.timeline.weeklyAdherence.map { ($0.figure.taken, $0.figure.scheduled) }
        #expect(weeks.map(\.0) == [6, 7, 3] && weeks.map(\.1) == [7, 7, 3])
        let svg = try SVGShapes(AdherenceChart.figure(report.timeline.weeklyAdherence, drug: "Amitriptyline").svg)
        let bars = svg.with("week")
        #expect(bars.count == 3)
        // 884 / 3 per week; a bar is 70% of its slot from 15% in; height share × 120 from y = 136.
        let slot = 884.0 / 3
        let first = try #require(bars.first)
        #expect(Self.near(first.number("x"), 60 + slot * 0.15) && Self.near(first.number("width"), slot * 0.7))
        #expect(Self.near(first.number("y"), 136 - 6.0 / 7 * 120))
        for bar in bars {
            let p = bar.plot!
            #expect(bar.points.allSatisfy { $0.0 >= p.x && $0.0 <= p.x + p.width && $0.1 >= p.y && $0.1 <= p.y + p.height + 1e-6 })
        }
    }
}
