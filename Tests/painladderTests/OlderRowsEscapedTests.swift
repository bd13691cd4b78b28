import Foundation
import Testing

/// Issue 14, Why 3, for what is already stored: rows written before the text check (planted
/// here with `sqlite3`) hold escape codes, a forged history line and bidi and zero-width
/// characters. Every text screen shows them escaped (`\u{1B}`), never raw.
@Suite("Reliability: older rows rendered escaped")
struct OlderRowsEscapedTests {
    static let esc = "char(27)", bel = "char(7)", nl = "char(10)"

    /// The hostile strings planted, one per stored field a screen shows.
    static let plants: [String] = [
        // The patient's name sets the terminal's title and erases the line.
        "UPDATE patient SET name = 'Ann' || \(esc) || ']0;pwned' || \(bel) || \(esc) || '[2K' WHERE id = 'P001'",
        // A medicine with a colour code and a right-to-left override.
        "UPDATE patient SET medicines = json_array('tramadol' || \(esc) || '[31m', 'x' || char(8238) || 'gm 57') WHERE id = 'P001'",
        // A skip whose author and reason forge a history line.
        """
        INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, slot_date, slot_time, dose_mg, detail)
        VALUES ('P001', 1, 1, 'skipped', '2026-03-18T22:05:00.000Z', '2026-03-18T22:06:00.000Z',
                'Dr Rao' || \(nl) || '#7 taken 75 mg', '2026-03-18', '22:00', 0,
                json_object('dose', json('{"late":false,"plannedDoseMg":20,"stepNumber":3}'),
                            'reason', 'nausea' || \(nl) || '2026-03-19 22:05  v1  #7 taken 75 mg' || \(esc) || '[2K'))
        """,
        // A pain score whose impact hides a zero-width space and a C1 CSI.
        """
        INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, detail)
        VALUES ('P001', 1, 1, 'pain', '2026-03-19T09:00:00.000Z', '2026-03-19T09:00:00.000Z', 'tester',
                json_object('pain', json_object('baseline', json('false'), 'score', 7,
                                                'impact', 'walk' || char(8203) || 'ing' || char(155) || '2K')))
        """,
        // A side effect in the patient's words with an escape code.
        """
        INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, detail)
        VALUES ('P001', 1, 1, 'side-effect', '2026-03-19T10:00:00.000Z', '2026-03-19T10:00:00.000Z', 'tester',
                json_object('sideEffect', json_object('known', json('false'), 'redFlag', json('false'), 'severity', 'mild',
                                                      'stepNumber', 3, 'symptom', 'itch' || \(esc) || '[8m')))
        """,
        // A decision whose author and reason carry escape codes and a newline.
        """
        INSERT INTO plan_version (course_id, version, replaces_id, created_at, author, reason, effective_from, hold_reason,
                                  next_review_date, overrides, schedule, decision)
        SELECT course_id, 2, id, '2026-03-20T11:00:00.000Z', 'Dr X' || \(esc) || ']0;pwned' || \(bel),
               'continue: ok' || \(nl) || 'forged line', '2026-03-20', NULL, next_review_date, overrides, schedule,
               json_object('by', 'Dr X' || \(esc) || ']0;pwned' || \(bel), 'details', json_object(), 'kind', 'continue',
                           'reason', 'ok' || \(nl) || 'forged line', 'warnings', json_array())
        FROM plan_version WHERE course_id = 1 AND version = 1
        """,
    ]

    /// The screens that show stored text, as a person runs them.
    static let screens: [[String]] = [
        ["history", "P001"],
        ["review", "P001"],
        ["patient", "list"],
        ["patient", "show", "P001"],
        ["today", "P001"],
        ["schedule", "P001"],
        ["export", "P001", "--format", "csv"],
    ]

    static func planted() throws -> CLI {
        let cli = try Reliability.clinic()
        for sql in plants { try Reliability.sqlite(cli.database, sql, write: true) }
        return cli
    }

    @Test(arguments: screens)
    func olderRowsAreShownEscaped(_ screen: [String]) throws {
        let cli = try Self.planted()
        defer { cli.cleanUp() }
        let r = try cli.run(screen + ["--now", Reliability.now])
        #expect(r.status == 0, "\(r.stderr)")
        let hidden = r.stdout.unicodeScalars.filter { $0 != "\n" && $0 != "\r" && HostileTextTests.isHidden($0) }
        #expect(hidden.isEmpty, "raw \(hidden.map { String($0.value, radix: 16) }) in: \(r.stdout.debugDescription.prefix(800))")
        // No stored text starts a line of its own: the forged entry stays inside its row.
        let lines = r.stdout.components(separatedBy: CharacterSet(charactersIn: "\r\n"))
        #expect(!lines.contains { $0.hasPrefix("#7 taken") || $0.hasPrefix("2026-03-19 22:05  v1  #7") || $0.hasPrefix("forged line") },
                "\(r.stdout)")
    }

    /// What each screen shows of the planted text, escaped where a person can see it was there.
    @Test func theEscapesAreVisible() throws {
        let cli = try Self.planted()
        defer { cli.cleanUp() }
        func out(_ args: [String]) throws -> String { try cli.run(args + ["--now", Reliability.now]).stdout }
        let history = try out(["history", "P001"])
        #expect(history.contains(#"skipped the 2026-03-18 22:00 dose: nausea\n2026-03-19 22:05  v1  #7 taken 75 mg\u{1B}[2K"#), "\(history)")
        #expect(history.contains(#"by Dr X\u{1B}]0;pwned\u{7}: continue: ok\nforged line"#), "\(history)")
        #expect(history.contains(#"side effect: itch\u{1B}[8m (mild)"#), "\(history)")
        let review = try out(["review", "P001"])
        #expect(review.contains(#"Review of P001 (Ann\u{1B}]0;pwned\u{7}\u{1B}[2K)"#), "\(review)")
        #expect(review.contains(#"impact 2026-03-19: walk\u{200B}ing\u{9B}2K"#), "\(review)")
        #expect(review.contains(#"by Dr X\u{1B}]0;pwned\u{7} on 2026-03-20: ok\nforged line"#), "\(review)")
        let list = try out(["patient", "list"])
        #expect(list.contains(#"Ann\u{1B}]0;pwned\u{7}\u{1B}[2K"#), "\(list)")
        let show = try out(["patient", "show", "P001"])
        #expect(show.contains(#"medicines   tramadol\u{1B}[31m, x\u{202E}gm 57"#), "\(show)")
        let csv = try out(["export", "P001", "--format", "csv"])
        #expect(csv.contains(#"Dr Rao\n#7 taken 75 mg"#), "\(csv)")
        // JSON was always escaped by its encoder: the text itself comes back exactly as stored.
        let json = try out(["history", "P001", "--json"])
        #expect(json.contains(#""recordedBy" : "Dr Rao\n#7 taken 75 mg""#), "\(json)")
    }
}
