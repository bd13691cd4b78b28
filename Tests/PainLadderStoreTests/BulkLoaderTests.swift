import Foundation
import GRDB
import FormularyData
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

/// The bulk loader is a faster road to the same rows: loading a record through it writes
/// exactly what the one-at-a-time API writes, and the indexes it drops come back.
@Suite("Bulk loader")
struct BulkLoaderTests {
    static func entries(course: Int64, plan: Int64, held: Int64) -> [JournalEntry] {
        let slot = SlotKey(date: day("2026-03-02"), time: LocalTime(hour: 22, minute: 0)!)
        return [
            JournalEntry(patientID: "P001", courseID: course, planVersionID: plan, at: t0 + 13 * 3600,
                         recordedAt: t0 + 13 * 3600 + 60, recordedBy: "P001", note: "with 'quotes'; and ; semicolons",
                         event: .taken(DoseDetail(slot: slot, doseMg: 10, plannedDoseMg: 10, stepNumber: 1, late: false))),
            JournalEntry(patientID: "P001", courseID: course, planVersionID: held, at: t0 + 20 * 3600,
                         recordedAt: t0 + 20 * 3600, recordedBy: "P001", event: .pain(PainDetail(score: 6, sleep: 4, impact: "ünïcödé"))),
            JournalEntry(patientID: "P001", courseID: course, planVersionID: held, at: t0 + 30 * 3600,
                         recordedAt: t0 + 30 * 3600, recordedBy: "P001",
                         event: .sideEffect(SideEffectDetail(symptom: "drowsiness", known: true, severity: .moderate, stepNumber: 1)),
                         flags: [ClinicianFlag(.stepUpHeld, "held")]),
        ]
    }

    /// Every row of every table, in order: what "the same database" means here (the audit
    /// chain included: the bulk loader links the same rows to the same hashes).
    static func contents(_ store: Store) throws -> [String: [Row]] {
        try store.read { db in
            var all: [String: [Row]] = [:]
            for table in ["patient", "course", "plan_version", "journal_entry", "audit", "audit_seal", "patient_zone"] {
                all[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            }
            return all
        }
    }

    @Test func bulkWritesWhatTheOneAtATimeAPIWrites() throws {
        try withTemporaryDirectory { dir in
            // One at a time.
            let single = try Store(path: dir + "/single.sqlite", createIfMissing: true)
            try single.addPatient(samplePatient(), at: t0, by: "dr.khan")
            let (course, v1) = try single.startCourse(sampleCourse(), plan: samplePlan())
            var hold = nextVersion(of: v1, schedule: v1.schedule, reason: "held", at: t0 + 86_400)
            hold.holdReason = "moderate drowsiness"
            hold.decision = Decision(kind: .automaticHold, by: "painladder (hold rule)", reason: "held")
            let v2 = try single.addPlanVersion(hold, courseStatus: .held)
            let entries = Self.entries(course: course.id!, plan: v1.id!, held: v2.id!)
            _ = try single.recordJournal(patientID: "P001") { _ in JournalWrite(entries: entries) }

            // The same records in bulk.
            let bulk = try Store(path: dir + "/bulk.sqlite", createIfMissing: true)
            let rows = try bulk.bulkLoad { loader in
                try loader.addPatient(samplePatient(), at: t0, by: "dr.khan")
                let (courseID, planID) = try loader.startCourse(sampleCourse(), plan: samplePlan())
                #expect(courseID == course.id && planID == v1.id)
                var held = hold
                held.replacesID = planID
                let heldID = try loader.addPlanVersion(held, patientID: "P001", statusBefore: .titrating, courseStatus: .held)
                #expect(heldID == v2.id)
                for e in entries { try loader.append(e) }
                return loader.rowsWritten
            }
            #expect(try Self.contents(bulk) == Self.contents(single))
            // 1 patient + 1 course + 2 plan versions + 3 entries + 6 audit rows (patient, course,
            // plan version 2, three entries), and 1 course status update.
            #expect(rows == 14)
        }
    }

    /// Into an empty store the load writes the file directly (rollback journal); the store is
    /// in WAL mode again afterwards, whether the load went through or was refused. A store
    /// that already holds patients is loaded through the WAL (its readers keep reading).
    @Test func anEmptyStoreIsLoadedWithoutTheWALAndLeftInWALMode() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            let mode = { try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } }
            #expect(try mode() == "wal")
            // Refused part-way: still empty, still WAL.
            #expect(throws: PainLadderError.duplicatePatient("P001")) {
                try store.bulkLoad { loader in
                    #expect(try String.fetchOne(loader.db, sql: "PRAGMA journal_mode") == "delete")
                    try loader.addPatient(samplePatient("P001"), at: t0, by: "dr.khan")
                    try loader.addPatient(samplePatient("P001"), at: t0, by: "dr.khan")
                }
            }
            #expect(try store.patients().isEmpty)
            #expect(try mode() == "wal")
            try store.bulkLoad { loader in
                #expect(try String.fetchOne(loader.db, sql: "PRAGMA journal_mode") == "delete")
                try loader.addPatient(samplePatient("P001"), at: t0, by: "dr.khan")
            }
            #expect(try mode() == "wal")
            try store.bulkLoad { loader in
                #expect(try String.fetchOne(loader.db, sql: "PRAGMA journal_mode") == "wal")
                try loader.addPatient(samplePatient("P002"), at: t0, by: "dr.khan")
            }
            #expect(try store.patients().map(\.id) == ["P001", "P002"])
            #expect(try mode() == "wal")
            // Another connection opening the file sees the same.
            #expect(try Store(path: dir + "/db.sqlite", createIfMissing: false).patients().map(\.id) == ["P001", "P002"])
        }
    }

    @Test func indexesAreBackAfterTheLoadAndARefusedLoadChangesNothing() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            let indexes = { try store.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name") } }
            let before = try indexes()
            #expect(before.contains { $0.contains("journal_by_patient") })
            try store.bulkLoad { loader in try loader.addPatient(samplePatient(), at: t0, by: "dr.khan") }
            #expect(try indexes() == before)
            // A load that fails part-way (a duplicate patient) leaves nothing of itself behind.
            #expect(throws: PainLadderError.duplicatePatient("P001")) {
                try store.bulkLoad { loader in
                    try loader.addPatient(samplePatient("P002"), at: t0, by: "dr.khan")
                    try loader.addPatient(samplePatient("P001"), at: t0, by: "dr.khan")
                }
            }
            #expect(try store.patients().map(\.id) == ["P001"])
            #expect(try indexes() == before)
            // A journal row the schema refuses (its patient does not exist: a foreign key) goes
            // through SQLite's own binding calls and still aborts the whole load.
            #expect(throws: (any Error).self) {
                try store.bulkLoad { loader in
                    try loader.addPatient(samplePatient("P003"), at: t0, by: "dr.khan")
                    try loader.append(JournalEntry(patientID: "P404", at: t0, recordedAt: t0,
                                                   recordedBy: "P404", event: .pain(PainDetail(score: 5, baseline: true))))
                }
            }
            #expect(try store.patients().map(\.id) == ["P001"])
            #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM journal_entry") } == 0)
        }
    }
}

/// A journal row: columns plus a `detail` of the rest (format 2), or a whole entry as JSON
/// (format 1, every row written before, and entries with an assessment). Every entry must
/// come back as it went in, whatever its text, and both readers must agree with `JSONDecoder`.
@Suite("Journal entry JSON")
struct EntryJSONTests {
    static let awkward = ["plain", "with \"quotes\" and \\backslashes\\", "a/b/c", "tab\there", "new\nline\r\n",
                          "bell\u{07} nul\u{00} esc\u{1B} \u{0B}\u{0C}\u{08}", "del\u{7F}", "ünïcödé 痛み 🙂 \u{2028}", ""]

    static func entries() -> [JournalEntry] {
        let slot = SlotKey(date: day("2026-03-29"), time: LocalTime(hour: 1, minute: 30)!)
        var all: [JournalEntry] = []
        for (i, text) in awkward.enumerated() {
            let at = t0 + Double(i) * 3601.25   // fractions of a second are stored to the millisecond
            all.append(JournalEntry(patientID: "P-\(text)", courseID: Int64(i), planVersionID: i % 2 == 0 ? nil : 7,
                                    at: at, recordedAt: at + 60, recordedBy: text, note: text,
                                    event: .taken(DoseDetail(slot: i % 3 == 0 ? nil : slot, doseMg: 25 * i,
                                                             plannedDoseMg: i % 2 == 0 ? nil : 50, stepNumber: i % 4 == 0 ? nil : i,
                                                             late: i % 2 == 1)),
                                    flags: i % 2 == 0 ? [] : [ClinicianFlag(.aboveMaximum, text), ClinicianFlag(.redFlag, "x")]))
            all.append(JournalEntry(id: Int64(i), patientID: "P1", at: at, recordedAt: at, recordedBy: "P1",
                                    supersedes: i % 2 == 0 ? nil : 3, reason: text,
                                    event: .pain(PainDetail(score: i % 11, sleep: i % 2 == 0 ? nil : 4,
                                                            mood: i % 3 == 1 ? nil : i % 11, impact: i % 3 == 0 ? nil : text,
                                                            baseline: i == 0))))
            let effect = SideEffectDetail(symptom: text, known: i % 2 == 0, severity: i % 2 == 0 ? .severe : nil,
                                          since: i % 3 == 0 ? day("2026-03-01") : nil,
                                          redFlag: i == 1, resolves: i % 2 == 0 ? nil : 12,
                                          stepNumber: i % 2 == 0 ? 3 : nil)
            all.append(JournalEntry(patientID: "P1", courseID: 2, at: at, recordedAt: at, recordedBy: "P1",
                                    event: i % 2 == 0 ? .sideEffect(effect) : .sideEffectResolved(effect)))
            all.append(JournalEntry(patientID: "P1", at: at, recordedAt: at, recordedBy: "P1", supersedes: 9, reason: text,
                                    event: i % 2 == 0 ? .impression(1 + i % 7) : .undo))
        }
        all.append(JournalEntry(patientID: "P1", at: t0, recordedAt: t0, recordedBy: "P1",
                                event: .assessment(PainAssessment(pattern: .constant, onset: .gradual, withNewOrReturningSymptoms: false,
                                                                  eases: ["heat"], worsens: ["walking"], happenedBefore: true,
                                                                  feltTheSame: true, stopsDoing: ["sleep"], character: [.burning],
                                                                  oneSidedFacial: nil))))
        return all
    }

    /// A bare `journal_entry` table (no foreign keys, so any course id will do) with each
    /// entry inserted by the store's own insert, read back by the store's own reader.
    static func roundTrip(_ entries: [JournalEntry], extraRows: [(detail: String, id: Int64)] = []) throws -> [JournalEntry] {
        let db = try DatabaseQueue()
        return try db.write { db in
            try db.execute(sql: """
                CREATE TABLE journal_entry (id INTEGER PRIMARY KEY, patient_id TEXT NOT NULL, course_id INTEGER,
                    plan_version_id INTEGER, kind TEXT NOT NULL, at TEXT NOT NULL, recorded_at TEXT NOT NULL,
                    recorded_by TEXT NOT NULL, supersedes INTEGER, slot_date TEXT, slot_time TEXT, dose_mg INTEGER,
                    detail TEXT NOT NULL CHECK (json_valid(detail) AND json_type(detail) = 'object'))
                """)
            for e in entries { _ = try Store.insertEntry(e, db) }
            for row in extraRows {
                // Columns that disagree with the detail: a format-1 row is read from its detail alone.
                try db.execute(sql: """
                    INSERT INTO journal_entry (id, patient_id, kind, at, recorded_at, recorded_by, detail)
                    VALUES (?, 'column', 'undo', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z', 'column', ?)
                    """, arguments: [row.id, row.detail])
            }
            return try Store.entries(db.makeStatement(sql: "SELECT \(JournalRow.columns) FROM journal_entry ORDER BY id"),
                                     arguments: [])
        }
    }

    @Test func everyEntryComesBackAsItWentIn() throws {
        let entries = Self.entries()
        let read = try Self.roundTrip(entries)
        #expect(read.count == entries.count)
        for (i, (e, back)) in zip(entries, read).enumerated() {
            var expected = e
            expected.id = Int64(i + 1)
            #expect(back == expected, "\(e.kind) \(e.note ?? e.reason ?? "")")
        }
    }

    /// Format 2 keeps out of `detail` what the columns hold; an assessment is written whole.
    @Test func detailHoldsOnlyWhatTheColumnsDoNot() throws {
        for e in Self.entries() {
            let text = try StoreJSON.entryDetail(e)
            let keys = Set((try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]).keys)
            if e.assessment != nil {
                #expect(text == (try StoreJSON.encode(e)))
                continue
            }
            #expect(keys.isDisjoint(with: ["at", "courseID", "id", "kind", "patientID", "planVersionID", "recordedAt",
                                            "recordedBy", "supersedes"]), "\(text)")
            #expect(keys.contains("flags") == !e.flags.isEmpty)
            if e.dose != nil {
                let dose = (try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any])["dose"] as! [String: Any]
                #expect(dose["doseMg"] == nil && dose["slot"] == nil, "\(text)")
            }
        }
        // Hand-written: a dose taken on time at step 2 of a 300 mg plan, a pain score, a bare undo.
        let at = t0
        #expect(try StoreJSON.entryDetail(JournalEntry(patientID: "P1", courseID: 1, at: at, recordedAt: at,
                                                       recordedBy: "P1", event: .taken(DoseDetail(slot: nil, doseMg: 300, plannedDoseMg: 300, stepNumber: 2, late: false))))
                == #"{"dose":{"late":false,"plannedDoseMg":300,"stepNumber":2}}"#)
        #expect(try StoreJSON.entryDetail(JournalEntry(patientID: "P1", at: at, recordedAt: at, recordedBy: "P1",
                                                       event: .pain(PainDetail(score: 6, sleep: 4))))
                == #"{"pain":{"baseline":false,"score":6,"sleep":4}}"#)
        #expect(try StoreJSON.entryDetail(JournalEntry(patientID: "P1", at: at, recordedAt: at, recordedBy: "P1",
                                                       supersedes: 3, event: .undo)) == "{}")
    }

    /// The fast detail reader gives what `JSONDecoder` gives, for the writer's text and the
    /// same text spaced out; text it does not expect goes to the decoder, which decides.
    @Test func fastDetailReaderGivesJSONDecodersDetail() throws {
        func fast(_ text: String) -> EntryDetail? {
            var text = text
            return text.withUTF8 { bytes in
                var reader = StoreJSONReader(bytes: bytes)
                if case .detail(let d)? = reader.detail() { return d }
                return nil
            }
        }
        for text in Self.awkward { #expect(!text.contains(where: { "{}[],:".contains($0) })) }
        for e in Self.entries() where e.assessment == nil {
            let text = try StoreJSON.entryDetail(e)
            var spaced = ""
            for c in text {
                switch c {
                case "{", "[": spaced += "\(c)\n  "
                case "}", "]": spaced += " \n\(c)"
                case ",": spaced += " ,\t"
                case ":": spaced += " : "
                default: spaced.append(c)
                }
            }
            for variant in [text, spaced] {
                let decoded = try StoreJSON.decode(EntryDetail.self, from: variant)
                #expect(fast(variant) == decoded, "\(variant.prefix(120))")
                #expect(decoded.flags == e.flags && decoded.note == e.note && decoded.pain == e.pain
                        && decoded.sideEffect == e.sideEffect && decoded.reason == e.reason && decoded.impression == e.impression)
            }
        }
        // Not for the fast reader: an unknown key, a fraction, an escaped key. The row still reads.
        let pain = JournalEntry(patientID: "P1", at: t0, recordedAt: t0, recordedBy: "P1", event: .pain(PainDetail(score: 1)))
        let base = try StoreJSON.entryDetail(pain)
        let variants = [base.replacingOccurrences(of: "{\"pain\"", with: "{\"future\":[1,2],\"pain\""),
                        base.replacingOccurrences(of: "\"score\":1", with: "\"score\":1.0"),
                        base.replacingOccurrences(of: "\"pain\"", with: "\"p\\u0061in\"")]
        for text in variants {
            #expect(text != base)
            #expect(fast(text) == nil, "\(text)")
            #expect(try StoreJSON.decode(EntryDetail.self, from: text).pain == PainDetail(score: 1), "\(text)")
        }
        let db = try DatabaseQueue()
        try db.write { db in
            // No constraints here, unlike the store's table: these rows hold text the store would refuse.
            try db.execute(sql: """
                CREATE TABLE journal_entry (id INTEGER PRIMARY KEY, patient_id TEXT, course_id INTEGER, plan_version_id INTEGER,
                    kind TEXT, at TEXT, recorded_at TEXT, recorded_by TEXT, supersedes INTEGER, slot_date TEXT,
                    slot_time TEXT, dose_mg INTEGER, detail TEXT)
                """)
            let statement = try db.makeStatement(sql: "SELECT \(JournalRow.columns) FROM journal_entry WHERE id = ?")
            func row(_ detail: String, kind: String = "pain", doseMg: Int? = nil) throws -> JournalEntry {
                try db.execute(sql: "DELETE FROM journal_entry")
                try db.execute(sql: """
                    INSERT INTO journal_entry (id, patient_id, kind, at, recorded_at, recorded_by, dose_mg, detail)
                    VALUES (1, 'P1', ?, '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', 'P1', ?, ?)
                    """, arguments: [kind, doseMg, detail])
                let read = try Store.entries(statement, arguments: [1])
                try #require(read.count == 1)
                return read[0]
            }
            var expected = pain
            expected.id = 1
            for text in variants { #expect(try row(text) == expected, "\(text)") }
            // Errors, never a half-read entry: broken text, an unknown kind, a dose without its
            // dose_mg column, a whole entry whose own kind is unknown (not read as a detail).
            for (text, kind) in [(String(base.dropLast()), "pain"), (base, "bogus"),
                                 (#"{"dose":{"late":false}}"#, "taken"),
                                 (try StoreJSON.encode(pain).replacingOccurrences(of: "\"kind\":\"pain\"", with: "\"kind\":\"bogus\""), "pain"),
                                 (base.replacingOccurrences(of: "false,", with: "false "), "pain")] {
                #expect(text != base || kind != "pain")
                #expect(throws: Rows.Unreadable.self, "\(text) \(kind)") { try row(text, kind: kind) }
            }
        }
    }

    /// A whole entry in `detail` (format 1: every row written before format 2) is read from
    /// the detail alone, as it was written; the fast reader agrees with `JSONDecoder` on it.
    @Test func wholeEntriesWrittenBeforeReadAsBefore() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
        pretty.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(StoreTime.string(date))
        }
        let entries = Self.entries()
        for e in entries {
            let whole = try StoreJSON.encode(e)   // format 1, as the store wrote it
            let spaced = String(decoding: try pretty.encode(e), as: UTF8.self)
            for text in [whole, spaced] {
                let expected = try StoreJSON.decode(JournalEntry.self, from: text)
                #expect(try StoreJSON.decodeEntry(text) == expected, "\(text.prefix(120))")
            }
        }
        let rows = try entries.enumerated().map { (detail: try StoreJSON.encode($0.element), id: Int64(100 + $0.offset)) }
        let read = try Self.roundTrip([], extraRows: rows)
        #expect(read.count == entries.count)
        for (i, (e, back)) in zip(entries, read).enumerated() {
            var expected = e
            expected.id = Int64(100 + i)
            #expect(back == expected, "\(e.kind)")
        }
        // Handed to JSONDecoder: an unknown key, a fraction, escapes the writer never produces.
        let base = try StoreJSON.encode(entries[5])   // a pain score of 1 recorded by P1
        let variants = [
            base.replacingOccurrences(of: "{\"at\"", with: "{\"future\":[1,2],\"at\""),
            base.replacingOccurrences(of: "\"score\":1", with: "\"score\":1.0"),
            base.replacingOccurrences(of: "\"recordedBy\":\"P1\"", with: "\"recordedBy\":\"P\\/1 \\ud83d\\ude42 \\u00e9\""),
        ]
        for text in variants {
            #expect(text != base)
            #expect(try StoreJSON.decodeEntry(text) == StoreJSON.decode(JournalEntry.self, from: text), "\(text)")
        }
        #expect(try StoreJSON.decodeEntry(variants[2]).recordedBy == "P/1 🙂 é")
        #expect(throws: (any Error).self) { try StoreJSON.decodeEntry(String(base.dropLast())) }
        #expect(throws: (any Error).self) { try StoreJSON.decodeEntry(base.replacingOccurrences(of: "\"kind\":\"pain\"", with: "\"kind\":\"bogus\"")) }
        for broken in [base.replacingOccurrences(of: ",\"kind\"", with: ",,\"kind\""),
                       base.replacingOccurrences(of: "\"kind\":", with: "\"kind\""),
                       "[" + base + "]",
                       base.replacingOccurrences(of: "\"score\":1,", with: "\"score\":1 ")] {
            #expect(throws: (any Error).self, "\(broken)") { try StoreJSON.decodeEntry(broken) }
        }
        let escapedKey = base.replacingOccurrences(of: "\"kind\"", with: "\"ki\\u006ed\"")
        #expect(try StoreJSON.decodeEntry(escapedKey) == StoreJSON.decode(JournalEntry.self, from: escapedKey))
        // Every kind's name, each with its own detail (the assessment is JSONDecoder's).
        let dose = DoseDetail(slot: nil, doseMg: 0, plannedDoseMg: nil, stepNumber: nil, late: false)
        let effect = SideEffectDetail(symptom: "x", known: true, severity: nil)
        let events: [JournalEvent] = [.taken(dose), .extra(dose), .skipped(dose), .missed(dose), .sideEffect(effect),
                                      .sideEffectResolved(effect), .pain(PainDetail(score: 1)), .impression(4), .undo]
        #expect(Set(events.map(\.kind)) == Set(JournalEntry.Kind.allCases).subtracting([.assessment]))
        for event in events {
            var e = entries[5]
            e.event = event
            #expect(try StoreJSON.decodeEntry(StoreJSON.encode(e)) == e)
        }
        // A kind without its own detail is refused, never read as an entry of that kind.
        for kind in JournalEntry.Kind.allCases where kind != .pain {
            let text = base.replacingOccurrences(of: "\"kind\":\"pain\"", with: "\"kind\":\"\(kind.rawValue)\"")
            #expect(throws: DecodingError.self, "\(kind)") { try StoreJSON.decodeEntry(text) }
        }
    }
}

/// The fast schedule reader (``StoreJSON/decodeSchedule(_:)``) gives what `JSONDecoder` gives,
/// for the schedules the formulary makes for every drug and variant, renal bands included.
@Suite("Schedule JSON")
struct ScheduleJSONTests {
    @Test func fastReaderGivesJSONDecodersSchedules() throws {
        let formulary = try FormularyLoader.bundled()
        var schedules: [Schedule] = []
        for drug in formulary.drugs {
            for variant in drug.variants {
                for crcl in [100.0, 45, 20] {
                    var p = samplePatient()
                    p.creatinineClearance = crcl
                    p.conditions = []
                    p.medicines = ["opioid"]
                    if let s = try? ScheduleBuilder.build(formulary: formulary, drugID: drug.id, variantID: variant.id,
                                                          patient: p, startDate: day("2026-03-02"), times: nil) {
                        schedules.append(s)
                    }
                }
            }
        }
        schedules.append(sampleSchedule())
        #expect(schedules.count >= 8)
        #expect(schedules.contains { $0.renalBand != nil } && schedules.contains { !$0.cautions.isEmpty })
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
        for s in schedules {
            let compact = try StoreJSON.encode(s)
            #expect(try StoreJSON.decodeSchedule(compact) == s)
            let spaced = String(decoding: try pretty.encode(s), as: UTF8.self)
            #expect(try StoreJSON.decodeSchedule(spaced) == StoreJSON.decode(Schedule.self, from: spaced))
            let unknown = compact.replacingOccurrences(of: "{\"cautions\"", with: "{\"future\":{\"a\":[1]},\"cautions\"")
            #expect(unknown != compact)
            #expect(try StoreJSON.decodeSchedule(unknown) == StoreJSON.decode(Schedule.self, from: unknown))
        }
        #expect(throws: (any Error).self) { try StoreJSON.decodeSchedule("{\"drug\":\"x\"}") }
    }

    /// A field added to a schedule type but not to the reader would make every schedule go to
    /// `JSONDecoder` (still correct, slow again): this names the type to update with it.
    @Test func everyScheduleFieldIsKnownToTheReader() {
        func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label).sorted() }
        let s = sampleSchedule()
        let message = Comment(rawValue: "a field was added: update StoreJSONReader.schedule (StoreJSON+ScheduleDecoding.swift), then this list")
        #expect(fields(s) == ["cautions", "drug", "maximumDailyDose", "offLabel", "renalBand", "steps", "usualTarget", "variant"], message)
        #expect(fields(s.steps[0]) == ["administrations", "beyondTarget", "minimumDays", "number", "startDate"], message)
        #expect(fields(s.steps[0].administrations[0]) == ["doseMg", "time", "units"], message)
        #expect(fields(s.steps[0].administrations[0].units[0]) == ["count", "strength"], message)
        #expect(fields(s.steps[0].administrations[0].units[0].strength) == ["form", "mg"], message)
        #expect(fields(s.maximumDailyDose) == ["note", "sources", "status", "value"], message)
        #expect(fields(s.cautions[0]) == ["drug", "kind", "message", "rule", "sources", "status"], message)
    }
}
