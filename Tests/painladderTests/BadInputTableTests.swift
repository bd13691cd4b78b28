import Foundation
import Testing

/// One invalid command line: what it must exit with and what the one stderr line must name.
struct BadInput: Sendable, CustomTestStringConvertible {
    var args: [String]
    var code: Int32
    var mentions: String
    /// Put `--db` before a `--` (after it everything is positional).
    var dbFirst = false

    init(_ args: [String], _ code: Int32, _ mentions: String, dbFirst: Bool = false) {
        self.args = args
        self.code = code
        self.mentions = mentions
        self.dbFirst = dbFirst
    }

    var testDescription: String {
        args.map { $0.count > 30 ? "\($0.prefix(12))…(\($0.count) chars)" : $0 }.joined(separator: " ")
    }
}

/// The bad-input table: every command, every kind of bad value. Each gets exactly one line
/// on stderr naming the problem, its documented exit code (64 usage, 65 bad data, 66 no such
/// patient or database), nothing on stdout, and the database's logical dump is unchanged.
@Suite("Reliability: bad input table")
struct BadInputTableTests {
    static let sql = "'; DROP TABLE patient; --"
    static let huge = Reliability.long(10_000)
    static let addP002 = ["patient", "add", "P002", "--born", "1970-01-01", "--sex", "male", "--tz", "Europe/London",
                          "--diagnosis", "post-herpetic-neuralgia"]
    /// A time in the future relative to `Reliability.now` (2026-03-20T12:00Z).
    static let future = "2026-03-25 08:00"

    static let cases: [BadInput] = patientCases + courseCases + doseCases + symptomCases + journalCases + clinicianCases
        + globalCases

    static let patientCases: [BadInput] = [
        // patient add
        BadInput(addP002.replacing(["1970-01-01"], with: ["2026-02-30"]), 65, "2026-02-30"),
        BadInput(addP002.replacing(["1970-01-01"], with: ["1970-13-01"]), 65, "1970-13-01"),
        BadInput(addP002.replacing(["1970-01-01"], with: ["2030-01-01"]), 65, "--born"),
        BadInput(addP002.replacing(["male"], with: ["other"]), 65, "--sex"),
        BadInput(addP002.replacing(["Europe/London"], with: ["Mars/Olympus"]), 65, "Mars/Olympus"),
        BadInput(addP002.replacing(["post-herpetic-neuralgia"], with: ["migraine"]), 65, "--diagnosis"),
        BadInput(addP002 + ["--weight=-70"], 65, "--weight"),
        BadInput(addP002 + ["--weight", "-70"], 65, "--weight"),
        BadInput(addP002 + ["--weight", "1e9"], 65, "--weight"),
        BadInput(addP002 + ["--weight", "nan"], 65, "--weight"),
        BadInput(addP002 + ["--creatinine", "80"], 65, "--creatinine-unit"),
        BadInput(addP002 + ["--creatinine", "80", "--creatinine-unit", "mmol/L"], 65, "mmol/L"),
        BadInput(addP002 + ["--crcl", "0"], 65, "--crcl"),
        BadInput(addP002 + ["--condition", sql], 65, "--condition"),
        BadInput(addP002 + ["--name", huge], 65, "--name"),
        BadInput(addP002 + ["--medicine", huge], 65, "--medicine"),
        BadInput(addP002.replacing(["P002"], with: [sql]), 65, "patient"),
        BadInput(addP002.replacing(["P002"], with: [huge]), 65, "patient"),
        BadInput(addP002.replacing(["P002"], with: ["P\n002"]), 65, "patient"),
        BadInput(addP002.replacing(["P002"], with: ["P001"]), 65, "already exists"),
        BadInput(addP002.replacing(["--sex", "male"], with: []), 64, "--sex"),
        BadInput(addP002 + ["--crcl", "lots"], 65, "--crcl"),
        BadInput(addP002 + ["--creatinine-unit", "mg/dL"], 65, "--creatinine: '(missing)'"),
        BadInput(addP002 + ["--creatinine", "80", "--creatinine-unit", "mg/dL"], 65, "--creatinine: '80' is not valid; allowed: a number from 0.1 to 25 mg/dL"),
        BadInput(addP002.replacing(["--tz", "Europe/London"], with: []), 64, "--tz"),
        // patient update
        BadInput(["patient", "update", "NOBODY", "--weight", "70"], 66, "NOBODY"),
        BadInput(["patient", "update", "P001", "--weight", "70"], 65, "no change"),
        BadInput(["patient", "update", "P001", "--tz", "Mars/Olympus"], 65, "Mars/Olympus"),
        BadInput(["patient", "update", "P001", "--weight", "5000"], 65, "--weight"),
        BadInput(["patient", "update", "P001", "--frail", "maybe"], 65, "--frail"),
        BadInput(["patient", "update", "P001", "--hepatic-impairment", "maybe"], 65, "--hepatic-impairment: 'maybe' is not valid; allowed: yes or no"),
        BadInput(["patient", "update", "P001", "--pregnancy-potential", "2"], 65, "--pregnancy-potential"),
        BadInput(["patient", "update", "P001", "--crcl", "0"], 65, "--crcl"),
        BadInput(["patient", "update", "P001", "--creatinine-unit", "mmol/L", "--creatinine", "80"], 65, "mmol/L"),
        BadInput(["patient", "update", "P001", "--add-condition", sql], 65, "--add-condition"),
        BadInput(["patient", "update", "P001", "--remove-medicine", "tramadol"], 65, "--remove-medicine"),
        BadInput(["patient", "update", "P001", "--weight", "71", "--reason", huge], 65, "--reason"),
        BadInput(["patient", "update", "P001", "--creatinine", "80"], 65, "--creatinine-unit"),
        // patient show
        BadInput(["patient", "show", "NOBODY"], 66, "NOBODY"),
        BadInput(["patient", "show", sql], 65, "patient"),
        BadInput(["patient", "show", huge], 65, "patient"),
        BadInput(["patient", "show"], 64, "id"),
    ]

    static let courseCases: [BadInput] = [
        BadInput(["start", "P001", "ibuprofen"], 65, "ibuprofen"),
        BadInput(["start", "P001", sql], 65, "drug"),
        BadInput(["start", "P001", huge], 65, "drug"),
        BadInput(["start", "P001", "amitriptyline", "--on", "2026-02-30"], 65, "2026-02-30"),
        BadInput(["start", "P001", "amitriptyline", "--on", "26-03-02"], 65, "--on"),
        BadInput(["start", "P001", "amitriptyline", "--times", "25:00"], 65, "25:00"),
        BadInput(["start", "P001", "amitriptyline", "--times", "22:00,08:00"], 65, "--times"),
        BadInput(["start", "P001", "amitriptyline", "--variant", "turbo"], 65, "turbo"),
        BadInput(["start", "NOBODY", "amitriptyline"], 66, "NOBODY"),
        BadInput(["start", "P001"], 64, "drug"),
        BadInput(["schedule", "NOBODY"], 66, "NOBODY"),
        BadInput(["schedule", "P001", "--from", "2026-02-30"], 65, "2026-02-30"),
        BadInput(["schedule", "P001", "--from", "2026-04-01", "--to", "2026-03-01"], 65, "--to"),
        BadInput(["today", "NOBODY"], 66, "NOBODY"),
        BadInput(["today", sql], 65, "patient"),
        BadInput(["formulary", "show", "ibuprofen"], 65, "ibuprofen"),
        BadInput(["formulary", "show", huge], 65, "drug"),
    ]

    static let doseCases: [BadInput] = [
        BadInput(["take", "NOBODY"], 66, "NOBODY"),
        BadInput(["take", "P001", "--at", "25:00"], 65, "25:00"),
        BadInput(["take", "P001", "--at", "08:60"], 65, "08:60"),
        BadInput(["take", "P001", "--at", "2026-02-30 08:00"], 65, "2026-02-30"),
        BadInput(["take", "P001", "--at", "yesterday 24:00"], 65, "--at"),
        BadInput(["take", "P001", "--at", huge], 65, "--at"),
        BadInput(["take", "P001", "--at", "2026-02-30T22:00:00Z"], 65, "2026-02-30"),
        BadInput(["take", "P001", "--at", "2026-03-19T22:00:00+25:00"], 65, "+25:00"),
        BadInput(["take", "P001", "--dose=-5"], 65, "--dose"),
        // A negative number after an option is its value, not another option.
        BadInput(["take", "P001", "--dose", "-5"], 65, "--dose"),
        BadInput(["take", "P001", "--dose", "0"], 65, "--dose"),
        BadInput(["take", "P001", "--dose", "2.5"], 65, "--dose"),
        BadInput(["take", "P001", "--dose", "10001"], 65, "--dose"),
        BadInput(["take", "P001", "--dose", "99999999999999999999"], 65, "--dose"),
        BadInput(["take", "P001", "--note", huge], 65, "--note"),
        BadInput(["take", "P001", "--note", "two\nlines"], 65, "--note"),
        BadInput(["skip", "NOBODY", "--reason", "nausea"], 66, "NOBODY"),
        BadInput(["skip", "P001", "--reason", ""], 65, "--reason"),
        BadInput(["skip", "P001", "--reason", huge], 65, "--reason"),
        BadInput(["skip", "P001", "--reason", "nausea", "--at", "25:00"], 65, "25:00"),
        BadInput(["skip", "P001", "--reason", "nausea", "--at", future], 65, "--at"),
        BadInput(["skip", "P001"], 64, "--reason"),
    ]

    static let symptomCases: [BadInput] = [
        BadInput(["side-effect", "NOBODY", "dizziness", "--severity", "mild"], 66, "NOBODY"),
        BadInput(["side-effect", "P001", "dizziness", "--severity", "extreme"], 65, "--severity"),
        BadInput(["side-effect", "P001", "dizziness", "--severity", "mild", "--since", "2026-02-30"], 65, "2026-02-30"),
        BadInput(["side-effect", "P001", "dizziness", "--severity", "mild", "--since", "2026-04-01"], 65, "--since"),
        BadInput(["side-effect", "P001", huge, "--severity", "mild"], 65, "symptom"),
        BadInput(["side-effect", "P001", "", "--severity", "mild"], 65, "symptom: '(empty)'"),
        BadInput(["side-effect", "P001", "dizziness", "--severity", "mild", "--note", huge], 65, "--note"),
        BadInput(["side-effect", "P001", "--resolved", "9999"], 65, "9999"),
        BadInput(["side-effect", "P001", "--resolved", "1"], 65, "--resolved"),
        BadInput(["side-effect", "P001", "dizziness"], 64, "--severity"),
        BadInput(["pain", "NOBODY", "5"], 66, "NOBODY"),
        BadInput(["pain", "P001", "11"], 65, "score"),
        BadInput(["pain", "P001", "--", "-1"], 65, "score", dbFirst: true),
        BadInput(["pain", "P001", "-1"], 65, "score", dbFirst: true),
        BadInput(["pain", "P001", "-1", "--sleep", "3"], 65, "score", dbFirst: true),
        BadInput(["impression", "P001", "-2"], 65, "impression", dbFirst: true),
        BadInput(["pain", "P001", "3.5"], 65, "score"),
        BadInput(["pain", "P001", "ten"], 65, "score"),
        BadInput(["pain", "P001", "99999999999999999999"], 65, "score"),
        BadInput(["pain", "P001", "5", "--sleep", "11"], 65, "--sleep"),
        BadInput(["pain", "P001", "5", "--sleep", "-1"], 65, "--sleep"),
        BadInput(["pain", "P001", "5", "--mood", "11"], 65, "--mood"),
        BadInput(["pain", "P001", "5", "--mood", "-1"], 65, "--mood"),
        BadInput(["pain", "P001", "5", "--mood", "low"], 65, "--mood"),
        BadInput(["pain", "P001", "5", "--at", "25:00"], 65, "25:00"),
        BadInput(["pain", "P001", "5", "--at", future], 65, "--at"),
        BadInput(["pain", "P001", "5", "--impact", huge], 65, "--impact"),
        BadInput(["impression", "NOBODY", "4"], 66, "NOBODY"),
        BadInput(["impression", "P001", "0"], 65, "impression"),
        BadInput(["impression", "P001", "8"], 65, "impression"),
        BadInput(["assess", "NOBODY", "--pattern", "constant"], 66, "NOBODY"),
        BadInput(["assess", "P001", "--pattern", "sometimes"], 65, "--pattern"),
        BadInput(["assess", "P001", "--with-new-symptoms", "maybe"], 65, "--with-new-symptoms"),
        BadInput(["assess", "P001", "--stops", huge], 65, "answer"),
        BadInput(["assess", "P001", "--eases", "two\nlines"], 65, "answer"),
        BadInput(["assess", "P001", "--worsens", huge], 65, "answer"),
        BadInput(["assess", "P001", "--onset", "slowly"], 65, "--onset"),
        BadInput(["assess", "P001", "--happened-before", "perhaps"], 65, "--happened-before"),
        BadInput(["assess", "P001", "--felt-same", "perhaps"], 65, "--felt-same"),
        BadInput(["assess", "P001", "--character", "spiky"], 65, "--character"),
        BadInput(["assess", "P001", "--one-sided-facial", "left"], 65, "--one-sided-facial"),
        BadInput(["assess", "P001"], 64, "assess"),
    ]

    static let journalCases: [BadInput] = [
        BadInput(["history", "NOBODY"], 66, "NOBODY"),
        BadInput(["history", "P001", "--from", "2026-02-30"], 65, "2026-02-30"),
        BadInput(["correct", "P001", "9999", "--score", "5", "--reason", "typo"], 65, "9999"),
        BadInput(["correct", "P001", "abc", "--score", "5", "--reason", "typo"], 65, "entry"),
        BadInput(["correct", "P001", "2", "--score", "11", "--reason", "typo"], 65, "--score"),
        BadInput(["correct", "P001", "2", "--mood", "11", "--reason", "typo"], 65, "--mood"),
        BadInput(["correct", "P001", "1", "--mood", "5", "--reason", "typo"], 65, "correct"),
        // An option that does not apply to the entry is refused, not silently dropped (#3 is a side effect).
        BadInput(["correct", "P001", "3", "--severity", "moderate", "--sleep", "4", "--reason", "typo"], 65, "side effect"),
        BadInput(["correct", "P001", "3", "--severity", "moderate", "--at", "08:00", "--reason", "typo"], 65, "side effect"),
        BadInput(["correct", "P001", "2", "--score", "5", "--reason", ""], 65, "--reason"),
        BadInput(["correct", "P001", "2", "--dose", "10", "--reason", "typo"], 65, "pain"),
        BadInput(["correct", "P001", "1", "--dose=-5", "--reason", "typo"], 65, "--dose"),
        BadInput(["correct", "P001", "1", "--dose", "-5", "--reason", "typo"], 65, "--dose"),
        BadInput(["correct", "P001", "1", "--at", "25:00", "--reason", "typo"], 65, "25:00"),
        BadInput(["correct", "P001", "1", "--reason", "nothing"], 65, "correct"),
        BadInput(["undo", "P001", "9999", "--reason", "mistake"], 65, "9999"),
        BadInput(["undo", "P001", "0", "--reason", "mistake"], 65, "entry"),
        BadInput(["undo", "P001", "#x", "--reason", "mistake"], 65, "entry"),
        BadInput(["undo", "P001", "1", "--reason", huge], 65, "--reason"),
    ]

    /// review, reviews, decide, remind, supply, export.
    static let clinicianCases: [BadInput] = [
        BadInput(["review", "NOBODY"], 66, "NOBODY"),
        BadInput(["review", sql], 65, "patient"),
        BadInput(["reviews", "--due-within", "abc"], 65, "--due-within"),
        BadInput(["reviews", "--due-within=-3"], 65, "--due-within"),
        BadInput(["reviews", "--due-within", "-3"], 65, "--due-within"),
        BadInput(["decide", "NOBODY", "continue", "--by", "Dr Rao", "--reason", "fine"], 66, "NOBODY"),
        BadInput(["decide", "P001", "frobnicate", "--by", "Dr Rao", "--reason", "fine"], 64, "frobnicate"),
        BadInput(["decide", "P001", "continue", "--by", "Dr Rao", "--reason", "fine", "--next-review", "2026-02-30"], 65, "2026-02-30"),
        BadInput(["decide", "P001", "reduce", "--by", "Dr Rao", "--reason", "fine", "--dose=-5"], 65, "--dose"),
        BadInput(["decide", "P001", "reduce", "--by", "Dr Rao", "--reason", "fine", "--dose", "-5"], 65, "--dose"),
        BadInput(["decide", "P001", "increase", "--by", "Dr Rao", "--reason", "fine", "--dose", "99999"], 65, "--dose"),
        BadInput(["decide", "P001", "switch", "ibuprofen", "--by", "Dr Rao", "--reason", "fine", "--outcome", "not-effective"], 65, "ibuprofen"),
        BadInput(["decide", "P001", "stop", "--by", "Dr Rao", "--reason", "fine", "--outcome", "bogus"], 65, "--outcome"),
        BadInput(["decide", "P001", "continue", "--by", "Dr Rao", "--reason", huge], 65, "--reason"),
        BadInput(["decide", "P001", "continue", "--by", "", "--reason", "fine"], 65, "--by: '(empty)'"),
        BadInput(["decide", "P001", "increase", "--by", "Dr Rao", "--reason", "fine", "--override", "minimum-interval",
                  "--override-reason", ""], 65, "--override-reason"),
        BadInput(["decide", "P001", "continue", "--reason", "fine"], 64, "--by"),
        BadInput(["remind", "--exec", ""], 65, "--exec"),
        BadInput(["remind", "--exec", "two\nlines"], 65, "--exec"),
        BadInput(["remind", "--dry-run", "--exec", "cat"], 65, "--exec"),
        BadInput(["remind", "--exec-timeout", "0"], 65, "--exec-timeout"),
        BadInput(["remind", "--now", "9999-12-31T23:59:59Z"], 65, "--replay"),
        BadInput(["remind", "--reset-mark"], 65, "--reason"),
        BadInput(["remind", "--reset-mark", "--reason", "  "], 65, "--reason"),
        BadInput(["remind", "--reason", "why"], 65, "--reset-mark"),
        BadInput(["remind", "--status", "--reset-mark", "--reason", "why"], 65, "--status"),
        BadInput(["remind", "--status", "--exec", "true"], 65, "--status"),
        BadInput(["remind", "--window", "500"], 65, "--window"),
        BadInput(["remind", "--window", "-5"], 65, "--window"),
        BadInput(["remind", "--review-within=-1"], 65, "--review-within"),
        BadInput(["remind", "--review-within", "-1"], 65, "--review-within"),
        BadInput(["supply", "NOBODY", "--add", "56", "--strength", "10"], 66, "NOBODY"),
        BadInput(["supply", "P001", "--add", "56", "--strength", "7"], 65, "--strength"),
        BadInput(["supply", "P001", "--add", "99999999999", "--strength", "10"], 65, "--add"),
        BadInput(["supply", "P001", "--add=-5", "--strength", "10"], 65, "--add"),
        BadInput(["supply", "P001", "--add", "-5", "--strength", "10"], 65, "--add"),
        BadInput(["supply", "P001", "--count", "-1", "--strength", "10"], 65, "--count"),
        BadInput(["supply", "P001", "--count", "many", "--strength", "10"], 65, "--count"),
        BadInput(["supply", "P001", "--add", "56", "--strength", "ten"], 65, "--strength"),
        BadInput(["supply", "P001", "--add", "56", "--count", "12", "--strength", "10"], 65, "--count"),
        BadInput(["supply", "P001", "--add", "56"], 65, "--strength"),
        BadInput(["supply", "P001", "--strength", "10"], 65, "--strength"),
        BadInput(["export", "NOBODY", "--format", "ics"], 66, "NOBODY"),
        BadInput(["export", "P001", "--format", "pdf"], 65, "--format"),
        BadInput(["export", "P001", "--format", "bogus"], 65, "--format: 'bogus' is not valid; allowed: ics, csv, json or fhir"),
        BadInput(["export", "P001"], 64, "--format"),
        BadInput(["reviews", "--due-within", "5y"], 65, "--due-within"),
    ]

    static let globalCases: [BadInput] = [
        BadInput(["take", "P001", "--now", "2026-02-30T10:00:00Z"], 65, "--now"),
        BadInput(["take", "P001", "--now", "yesterday"], 65, "--now"),
        BadInput(["take", "P001", "--formulary", "/nonexistent/local.json"], 65, "--formulary"),
        BadInput(["take", "P001", "--frobnicate"], 64, "--frobnicate"),
        BadInput(["frobnicate"], 64, "frobnicate"),
    ]

    @Test(arguments: cases)
    func badInputIsOneLineItsExitCodeAndChangesNothing(_ c: BadInput) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        let args = c.args.contains("--now") ? c.args : c.args + ["--now", Reliability.now]
        let r: CLI.Result
        if c.dbFirst, let split = c.args.firstIndex(of: "--") {
            r = try cli.run(Array(c.args[..<split]) + ["--db", cli.database.path, "--now", Reliability.now] + c.args[split...],
                            db: false)
        } else {
            r = try cli.run(args)
        }
        #expect(r.status == c.code, "exit \(r.status), stderr: \(r.stderr.prefix(300))")
        #expect(r.errorLines.count == 1, "expected one line, got: \(r.stderr.prefix(600))")
        #expect(r.stderr.contains(c.mentions), "should mention '\(c.mentions)': \(r.stderr.prefix(300))")
        #expect(r.stderr.count < 600, "a clear line, not an echo of a huge argument: \(r.stderr.count) characters")
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout.prefix(200))")
        #expect(try cli.dump() == before, "the database must be unchanged")
    }

    /// Invalid UTF-8 bytes in an argument (passed through `/bin/sh` and `printf`, see
    /// ``CLI/run(_:option:rawArgument:)``): refused, never stored as replacement characters.
    @Test(arguments: [
        (["patient", "show"], nil as String?),
        (["take", "P001"], "--note" as String?),
        (["pain", "P001", "5"], "--impact"),
        (["skip", "P001"], "--reason"),
        (["start", "P001"], nil),
        (addP002, "--name"),
    ])
    func invalidUTF8IsRefused(args: [String], option: String?) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", Reliability.now], option: option, rawArgument: "P\\377\\376x")
        #expect(r.status == 65, "exit \(r.status): \(r.stderr)")
        #expect(r.errorLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("UTF-8"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before)
    }

    /// Quotes, semicolons and SQL in free text are data: stored exactly as typed, and the
    /// tables are all still there.
    @Test func sqlAndQuotesInTextAreStoredVerbatim() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let texts = [Self.sql, "it's \"fine\"; really", "Robert'); DROP TABLE journal_entry;--", "ünïcödé 痛み 🙂"]
        for text in texts {
            let r = try cli.run(["pain", "P001", "4", "--impact", text, "--now", Reliability.now, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let update = try cli.run(["patient", "update", "P001", "--weight", "71", "--reason", Self.sql, "--now", Reliability.now])
        #expect(update.status == 0, "\(update.stderr)")
        let history = try cli.run(["history", "P001", "--json", "--now", Reliability.now])
        let json = (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
        let impacts = json.compactMap { (($0["entry"] as? [String: Any])?["pain"] as? [String: Any])?["impact"] as? String }
        #expect(impacts == texts)
        let tables = try Reliability.sqlite(cli.database, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('patient', 'journal_entry', 'audit')")
        #expect(tables == "3")
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM patient") == "1")
    }
}

private extension Array where Element == String {
    /// The array with the first run equal to `old` replaced by `new`.
    func replacing(_ old: [String], with new: [String]) -> [String] {
        guard let start = indices.first(where: { Array(self[$0..<Swift.min($0 + old.count, count)]) == old }) else {
            fatalError("\(old) not in \(self)")
        }
        return Array(self[..<start]) + new + Array(self[(start + old.count)...])
    }
}
