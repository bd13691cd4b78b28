import Foundation
import PainLadder
import PainLadderClinic
import PainLadderReport
import Testing

/// Free text in the page and the letter is escaped: the read model of the hand-built patient
/// with hostile text put in every free-text spot (as rows stored before the input check
/// could hold it), rendered, and read back by html5lib's strict parser: no element, attribute
/// or script comes from the text, and the text reads as written (bidi controls shown escaped).
@Suite("Report: hostile text is escaped")
struct ReportHostileTextTests {
    static let markup = "<script>alert(\"x\")</script>"
    static let quotes = "Dr \"O'Neil\" & <b>Sons</b> \"><img src=x onerror=alert(1)>"
    static let bidi = "dose 75\u{202E}gm 01"
    static let closing = "]]></svg></title><!-- -->"

    static func hostile(_ r: ReviewReport) throws -> ReviewReport {
        var r = r
        r.summary.patientName = markup + quotes
        r.summary.course?.holdReason = bidi + quotes
        r.summary.pain.impacts = [try decoded(["date": r.summary.date.description, "text": markup])]
        r.summary.pain.stopsDoing = [quotes, bidi]
        r.summary.ladder.referralPrompts = [try decoded(["kind": "limits-daily-life", "message": closing + markup])]
        var flag = try #require(r.timeline.sideEffects.first)
        flag.symptom = markup + bidi
        flag.label = nil
        flag.redFlag = true
        flag.resolved = false
        r.summary.sideEffects.openRedFlags = [flag]
        r.timeline.sideEffects.append(flag)
        r.timeline.decisions[0].by = quotes
        r.timeline.decisions[0].reason = markup + closing
        r.priorTreatments = [PriorTreatment(drug: "gabapentin", outcome: .notTolerated, until: "2024-01", maxDoseMg: 900,
                                            recordedBy: quotes, reason: markup)]
        return r
    }

    /// A read-model value from its JSON (they have no public initialiser).
    static func decoded<T: Decodable>(_ fields: [String: String]) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    @Test func thePageShowsHostileTextAsText() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let report = try Self.hostile(try ReportHarness.report(cli))
        let html = ReportPage.render(report, wording: { $0.description })
        #expect(!html.contains("\u{202E}") && html.contains("\\u{202E}"))
        let parsed = try ReportHarness.parseStrictly(html)
        #expect(parsed.scripts == 0 && parsed.handlers == 0 && parsed.links.isEmpty)
        #expect(!html.contains("<img") && !html.contains("<b>Sons"))
        for text in [Self.markup, Self.quotes, "dose 75\\u{202E}gm 01", Self.closing] {
            #expect(parsed.text.contains(text), "\(text) not shown as written")
        }
        // The red flag (hostile name) comes first, before the suggestion.
        let flag = try #require(parsed.text.range(of: "OPEN RED FLAG: " + Self.markup))
        let suggestion = try #require(parsed.text.range(of: "Suggestion (a prompt"))
        #expect(flag.lowerBound < suggestion.lowerBound)
        // In the SVG, the marker's label is an attribute value, still text.
        #expect(parsed.attributes.contains { $0.contains(Self.markup) })
    }

    @Test func theLetterShowsHostileTextAsText() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let letter = ReferralLetter(try Self.hostile(try ReportHarness.report(cli)), question: Self.quotes, wording: { $0.description })
        #expect(!letter.text.contains("\u{202E}") && letter.text.contains(Self.markup))
        let parsed = try ReportHarness.parseStrictly(letter.html)
        #expect(parsed.scripts == 0 && parsed.handlers == 0 && parsed.links.isEmpty)
        for text in [Self.markup, Self.quotes] { #expect(parsed.text.contains(text)) }
    }

    @Test func escapingIsTheFiveCharactersAndTheStoredTextRule() {
        #expect(HTMLText.escaped("Tom & \"Jerry\" <b>'s") == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s")
        #expect(HTMLText.free("a\u{2066}b\nc") == "<bdi>a\\u{2066}b\\nc</bdi>")
        #expect(HTMLText.escaped("plain text") == "plain text")
    }
}
