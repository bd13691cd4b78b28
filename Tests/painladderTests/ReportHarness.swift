import Foundation
import FormularyData
import PainLadder
import PainLadderClinic
import PainLadderStore
import PainLadderTestSupport
import Testing

/// The hand-built patient the report tests share, recorded through the binary at fixed
/// instants, and the outside HTML check.
enum ReportHarness {
    static let reviewAt = "2026-03-19T12:00:00Z"

    @discardableResult
    static func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    /// R1 (Europe/London, UTC in March until the 29th) on amitriptyline from 2026-03-02:
    /// 10 mg at 22:00, 20 mg from 03-09. Baseline 8 (sleep 7, mood 6) on 03-01; doses taken
    /// at 22:05 on 03-02 … 03-18 but 03-05 (skipped); mild dry mouth on 03-04; a clinician's
    /// hold on 03-12 at 10:00 (from that evening's dose: the dose stays 20 mg); moderate
    /// nausea on 03-15; pain 6, 5, 5, 4, 5, 4, 4 (sleep 5) on 03-13 … 03-19.
    static func recordR1(_ cli: CLI) throws {
        try ok(cli, ["patient", "add", "R1", "--name", "Ann Example", "--born", "1975-05-01", "--sex", "female",
                     "--tz", "Europe/London", "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "90",
                     "--now", "2026-03-01T09:00:00Z"])
        try ok(cli, ["pain", "R1", "8", "--sleep", "7", "--mood", "6", "--baseline", "--now", "2026-03-01T10:00:00Z"])
        try ok(cli, ["start", "R1", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        try ok(cli, ["side-effect", "R1", "dry mouth", "--severity", "mild", "--now", "2026-03-04T09:00:00Z"])
        for day in 2...18 where day != 5 {
            let d = "2026-03-" + (day < 10 ? "0\(day)" : "\(day)")
            if day == 12 {
                try ok(cli, ["decide", "R1", "hold", "--by", "Dr Rao", "--reason", "review dizziness", "--now", "2026-03-12T10:00:00Z"])
            }
            try ok(cli, ["take", "R1", "--at", "\(d) 22:05", "--now", "\(d)T23:00:00Z"])
        }
        try ok(cli, ["skip", "R1", "--at", "2026-03-05 22:00", "--reason", "felt sick", "--now", "2026-03-05T23:00:00Z"])
        try ok(cli, ["side-effect", "R1", "nausea", "--severity", "moderate", "--now", "2026-03-15T09:00:00Z"])
        for (i, score) in [6, 5, 5, 4, 5, 4, 4].enumerated() {
            try ok(cli, ["pain", "R1", "\(score)", "--sleep", "5", "--now", "2026-03-\(13 + i)T09:00:00Z"])
        }
    }

    static func report(_ cli: CLI) throws -> ReviewReport {
        let store = try Store(path: cli.database.path, createIfMissing: false)
        let clinic = Clinic(store: store, formulary: try FormularyLoader.bundled())
        return try clinic.report(patientID: "R1", now: ISO8601DateFormatter().date(from: reviewAt)!)
    }

    /// html5lib's strict parser over `html`: exit 0 and a JSON summary (script elements, the
    /// text, attribute values, SVG count), or the first parse error.
    static let html5libCheck = """
        import sys, json, html5lib
        data = sys.stdin.read()
        try:
            doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)
        except Exception as e:
            print("parse error: %s" % e, file=sys.stderr); sys.exit(1)
        tags = [el.tag for el in doc.iter() if isinstance(el.tag, str)]
        local = [t.split('}')[-1] for t in tags]
        attrs = [v for el in doc.iter() for v in el.attrib.values()]
        handlers = [k for el in doc.iter() for k in el.attrib.keys() if str(k).split('}')[-1].lower().startswith("on")]
        print(json.dumps({"scripts": local.count("script"), "svgs": local.count("svg"), "iframes": local.count("iframe"), "handlers": len(handlers),
                          "text": "".join(doc.itertext()), "attributes": attrs,
                          "links": [v for el in doc.iter() for k, v in el.attrib.items() if k in ("src", "href")]}))
        """

    struct Parsed: Decodable {
        var scripts: Int
        var svgs: Int
        var iframes: Int
        /// Attributes named on…: event handlers.
        var handlers: Int
        var text: String
        var attributes: [String]
        var links: [String]
    }

    static func parseStrictly(_ html: String) throws -> Parsed {
        let result = try OutsideValidator.run(script: html5libCheck, input: html)
        #expect(result.status == 0, "html5lib strict: \(result.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))
    }
}
