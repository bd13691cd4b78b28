import Foundation
import Testing

/// A database whose journal rows were written by the release before journal format 2 (commit
/// 1ab39af: each row's `detail` is the whole entry) reads through the current binary exactly
/// as the old binary showed it, and takes new entries, corrections and undos beside the old rows.
@Suite("Reliability: journal format 1")
struct Format1JournalTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The instant the expected outputs were made at (make-format1-fixture.sh).
    static let now = "2026-03-20T12:00:00Z"
    /// The fixture's journal holds entries #1…#36.
    static let lastOldEntry = 36

    /// Replays format1-journal.sql into the test's database file, as mode 0600.
    static func replay(into cli: CLI) throws {
        let sql = fixtures.appendingPathComponent("format1-journal.sql")
        try Reliability.sqlite(cli.database, ".read '\(sql.path)'", write: true)
        chmod(cli.database.path, 0o600)
    }

    /// What the old binary printed (format1-expected/NAME).
    static func expected(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("format1-expected/\(name)"), encoding: .utf8)
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// JSON values as sorted-key text, to compare parsed values whole.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The old binary's output (format1-expected/) as the JSON contract's schema version 1
    /// writes it (README, "JSON output", lists these changes): a review gains `schemaVersion`;
    /// a history becomes `{schemaVersion, patientID, items}`, an entry's `id` is `entryID`,
    /// `supersedes` `supersedesEntryID`, `sideEffect.resolves` `resolvesEntryID`, an item's
    /// `supersededBy` `supersededByEntryID`. Plan versions in a history are compared by
    /// ``comparable(_:)``'s fields.
    static func inSchemaVersion1(_ old: Any, command: String, patient: String) -> Any {
        if command == "review", var review = old as? [String: Any] {
            review["schemaVersion"] = 1
            return review
        }
        let items = (old as? [[String: Any]] ?? []).map { old -> [String: Any] in
            var item = old
            if var entry = item["entry"] as? [String: Any] {
                entry["entryID"] = entry.removeValue(forKey: "id")
                entry["supersedesEntryID"] = entry.removeValue(forKey: "supersedes")
                if var effect = entry["sideEffect"] as? [String: Any] {
                    effect["resolvesEntryID"] = effect.removeValue(forKey: "resolves")
                    entry["sideEffect"] = effect
                }
                item["entry"] = entry
            }
            item["supersededByEntryID"] = item.removeValue(forKey: "supersededBy")
            return item
        }
        return comparable(["schemaVersion": 1, "patientID": patient, "items": items])
    }

    /// A history with each plan version cut to what identifies it (its full form, held and
    /// undated steps included, is the course schema's and is checked there): for comparing
    /// the journal read from old rows.
    static func comparable(_ history: Any) -> Any {
        guard var doc = history as? [String: Any], let items = doc["items"] as? [[String: Any]] else { return history }
        doc["items"] = items.map { item -> [String: Any] in
            guard let plan = item["plan"] as? [String: Any] else { return item }
            var cut = item
            cut["plan"] = plan.filter { ["version", "author", "reason", "createdAt", "effectiveFrom"].contains($0.key) }
            return cut
        }
        return doc
    }

    /// The journal rows up to #36, every column, `detail` as hex so the comparison is byte for byte.
    static func oldRows(_ database: URL) throws -> String {
        try Reliability.sqlite(database, """
            SELECT id, patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, supersedes,
                   slot_date, slot_time, dose_mg, hex(detail)
            FROM journal_entry WHERE id <= \(lastOldEntry) ORDER BY id
            """)
    }

    @Test func oldRowsReadAsTheOldBinaryShowedThem() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.replay(into: cli)
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM journal_entry") == "\(Self.lastOldEntry)")
        // Every fixture row is format 1 (the whole entry, with its kind), so this reads only old rows.
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM journal_entry WHERE json_type(detail, '$.kind') IS NULL") == "0")
        // The fixture's schema is older than this build's: the first open migrates it (a write by
        // design, see UpgradeTests); from then on reading changes nothing.
        #expect(try cli.run(["patient", "list"]).status == 0)
        let before = try cli.dump()
        // Value for value what the old binary printed, in the JSON contract's version 1 (issue 15
        // item 4: ``inSchemaVersion1``): no output names a path, a run-time clock or anything
        // else that changes between runs (--now fixes the time), so nothing else is normalised.
        for patient in ["P001", "P002"] {
            for command in ["history", "review"] {
                let r = try cli.run([command, patient, "--json", "--now", Self.now])
                #expect(r.status == 0, "\(command) \(patient): \(r.stderr)")
                let expected = try Self.inSchemaVersion1(Self.json(try Self.expected("\(command)-\(patient).json")),
                                                         command: command, patient: patient)
                #expect(try Self.canonical(Self.comparable(Self.json(r.stdout))) == Self.canonical(expected), "\(command) \(patient)")
            }
        }
        #expect(try cli.dump() == before, "reading changes nothing")
    }

    @Test func newEntriesCorrectionsAndUndosGoBesideTheOldRows() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.replay(into: cli)
        let pristine = try CLI()   // the fixture untouched, to compare the old rows with
        defer { pristine.cleanUp() }
        try Self.replay(into: pristine)
        let auditBefore = try Reliability.sqlite(cli.database, "SELECT * FROM audit ORDER BY id")
        let plansBefore = try Reliability.sqlite(cli.database, "SELECT * FROM plan_version ORDER BY id")

        // In the fixture (P001, amitriptyline 10 mg at 22:00, 20 mg from 2026-03-10, Europe/London):
        // #3 was taken at 01:10 for the 03-03 22:00 dose (late), #16 taken for 03-08 22:00, #18 a
        // pain score 6, sleep 5, "slept through twice" (itself a correction of #13).
        let writes: [(args: [String], out: String)] = [
            (["take", "P001", "--at", "2026-03-19 22:10"], "#37 taken 20 mg"),
            (["pain", "P001", "4", "--sleep", "3"], "#38 pain 4/10"),
            (["correct", "P001", "3", "--at", "2026-03-03 22:15", "--reason", "took it on time; wrote the wrong time"], "#39 taken 10 mg"),
            (["undo", "P001", "16", "--reason", "did not take it after all"], "#40 undid #16"),
            (["correct", "P001", "18", "--score", "5", "--reason", "it was 5 after all"], "#41 pain 5/10"),
        ]
        for w in writes {
            let r = try cli.run(w.args + ["--now", Self.now], environment: ["PAINLADDER_USER": "ann"])
            #expect(r.status == 0, "\(w.args): \(r.stderr)")
            #expect(r.stdout.hasPrefix(w.out), "\(w.args): \(r.stdout)")
        }

        // History: the old items exactly as the old binary showed them, except that the three
        // old entries just corrected or undone now say what replaced them; plus the new ones.
        let history = try cli.run(["history", "P001", "--json", "--now", Self.now])
        #expect(history.status == 0, "\(history.stderr)")
        let items = (try Self.comparable(Self.json(history.stdout)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
        var expectedOld = (try Self.inSchemaVersion1(Self.json(try Self.expected("history-P001.json")), command: "history",
                                                     patient: "P001") as? [String: Any])?["items"] as? [[String: Any]] ?? []
        let replacedBy: [Int: Int] = [3: 39, 16: 40, 18: 41]
        for i in expectedOld.indices {
            if let id = (expectedOld[i]["entry"] as? [String: Any])?["entryID"] as? Int, let by = replacedBy[id] {
                #expect(expectedOld[i]["supersededByEntryID"] == nil, "#\(id) was not replaced before")
                expectedOld[i]["supersededByEntryID"] = by
            }
        }
        func entryID(_ item: [String: Any]) -> Int? { (item["entry"] as? [String: Any])?["entryID"] as? Int }
        let old = items.filter { (entryID($0) ?? 0) <= Self.lastOldEntry }
        #expect(old.count == expectedOld.count)
        #expect(try Self.canonical(old) == Self.canonical(expectedOld), "old history items unchanged")
        var new: [Int: [String: Any]] = [:]
        for item in items { if let id = entryID(item), id > Self.lastOldEntry { new[id] = item["entry"] as? [String: Any] } }
        #expect(new.keys.sorted() == [37, 38, 39, 40, 41])

        // #37: the 03-19 22:00 slot, on time; 20 mg is step 2, the dose in force (held at 20 mg).
        let taken = new[37] ?? [:]
        let dose = taken["dose"] as? [String: Any] ?? [:]
        #expect(taken["kind"] as? String == "taken")
        #expect(taken["recordedBy"] as? String == "ann")
        #expect(dose["doseMg"] as? Int == 20 && dose["plannedDoseMg"] as? Int == 20 && dose["stepNumber"] as? Int == 2)
        #expect(dose["late"] as? Bool == false)
        #expect((dose["slot"] as? [String: Any])?["date"] as? String == "2026-03-19")
        #expect((dose["slot"] as? [String: Any])?["time"] as? String == "22:00")
        #expect((new[38]?["pain"] as? [String: Any])?["score"] as? Int == 4)
        // #39 replaces #3: same slot (03-03 22:00), now 15 minutes after it, so not late.
        let corrected = new[39] ?? [:]
        #expect(corrected["supersedesEntryID"] as? Int == 3)
        #expect(corrected["at"] as? String == "2026-03-03T22:15:00Z")
        #expect(((corrected["dose"] as? [String: Any])?["slot"] as? [String: Any])?["date"] as? String == "2026-03-03")
        #expect((corrected["dose"] as? [String: Any])?["late"] as? Bool == false)
        #expect(new[40]?["kind"] as? String == "undo" && new[40]?["supersedesEntryID"] as? Int == 16)
        // #41 replaces #18 and keeps what #18 held besides the score: read from a format-1 row.
        let pain = new[41]?["pain"] as? [String: Any] ?? [:]
        #expect(new[41]?["supersedesEntryID"] as? Int == 18)
        #expect(pain["score"] as? Int == 5 && pain["sleep"] as? Int == 5)
        #expect(pain["impact"] as? String == "slept through twice")

        // They took effect. Before (review-P001.json): step 1 (03-02…03-09, 8 doses) 6 taken,
        // 1 late (#3), 1 skipped, 1 unrecorded; step 2 (03-10…03-19, 10 doses) 1 taken, 9 unrecorded.
        // After: #3 is on time, #16 is withdrawn (its slot unrecorded), 03-19 is taken.
        let review = try cli.run(["review", "P001", "--json", "--now", Self.now])
        #expect(review.status == 0, "\(review.stderr)")
        let report = try Self.json(review.stdout) as? [String: Any] ?? [:]
        let byStep = (report["adherence"] as? [String: Any])?["byStep"] as? [[String: Any]] ?? []
        func figure(_ i: Int) -> [String: Int] {
            guard byStep.indices.contains(i) else { return [:] }
            let f = byStep[i]["figure"] as? [String: Any] ?? [:]
            return f.compactMapValues { $0 as? Int }.filter { $0.key != "percent" }
        }
        let oldByStep = ((try Self.json(try Self.expected("review-P001.json")) as? [String: Any])?["adherence"]
            as? [String: Any])?["byStep"] as? [[String: Any]] ?? []
        let oldStep1 = (oldByStep.first?["figure"] as? [String: Any])?.compactMapValues { $0 as? Int }
        #expect(oldStep1?["taken"] == 6 && oldStep1?["late"] == 1, "the fixture is as described above")
        #expect(figure(0) == ["scheduled": 8, "taken": 5, "late": 0, "skipped": 1, "unrecorded": 2])
        #expect(figure(1) == ["scheduled": 10, "taken": 2, "late": 0, "skipped": 0, "unrecorded": 8])
        // Week 1's only score was #18's 6 (on 03-08); #41 makes it 5. The new score is week 3's.
        let weekly = (report["pain"] as? [String: Any])?["weekly"] as? [[String: Any]] ?? []
        #expect(weekly.map { $0["mean"] as? Double } == [5, nil, 4])

        // P002 was not touched: its history is still exactly the old binary's.
        let other = try cli.run(["history", "P002", "--json", "--now", Self.now])
        let otherExpected = try Self.inSchemaVersion1(Self.json(try Self.expected("history-P002.json")), command: "history",
                                                      patient: "P002")
        #expect(try other.status == 0 && Self.canonical(Self.comparable(Self.json(other.stdout))) == Self.canonical(otherExpected))

        // The rows: old ones byte for byte as in the fixture; new ones in format 2 (no kind, no
        // instants: those are columns).
        let fixtureRows = try Self.oldRows(pristine.database)
        #expect(try Self.oldRows(cli.database) == fixtureRows)
        let newDetails = try Reliability.sqlite(cli.database, "SELECT detail FROM journal_entry WHERE id > \(Self.lastOldEntry) ORDER BY id")
            .split(separator: "\n")
        #expect(newDetails.count == 5)
        for detail in newDetails {
            let object = try Self.json(String(detail)) as? [String: Any] ?? [:]
            #expect(object["kind"] == nil && object["at"] == nil && object["patientID"] == nil, "\(detail)")
        }
        #expect(newDetails.first == #"{"dose":{"late":false,"plannedDoseMg":20,"stepNumber":2}}"#)
        #expect(newDetails.last == #"{"pain":{"baseline":false,"impact":"slept through twice","score":5,"sleep":5},"reason":"it was 5 after all"}"#)
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM journal_entry") == "41")
        #expect(try Reliability.sqlite(cli.database, "PRAGMA integrity_check") == "ok")
        #expect(try Reliability.sqlite(cli.database, "PRAGMA foreign_key_check") == "")
        // Append-only: the audit trail and the plan versions keep every old row.
        #expect(try Reliability.sqlite(cli.database, "SELECT * FROM audit ORDER BY id").hasPrefix(auditBefore))
        #expect(try Reliability.sqlite(cli.database, "SELECT * FROM plan_version ORDER BY id") == plansBefore)
    }
}
