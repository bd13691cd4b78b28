import Foundation
import GRDB
import PainLadder

extension StoreJSON {
    /// Reads a whole journal entry as JSON (a `detail` written before format 2, or an entry
    /// with an assessment; see ``JournalRow``): what ``decode(_:from:)`` gives, faster.
    ///
    /// Why: every command that looks at a patient's journal decodes it, and `JSONDecoder`
    /// cost about 150,000 instructions an entry: 2,700 entries (two years of a patient) took
    /// most of the 90 ms of `painladder take` and `review` (see BENCHMARKS.md). This parser
    /// reads the entry's own shape directly; anything it does not expect (an assessment, an
    /// unknown key, a number with a fraction, a malformed value) goes to `JSONDecoder`, which
    /// decides, so the result and the errors are the decoder's. `EntryJSONTests` checks both
    /// agree on entries of every kind.
    static func decodeEntry(_ text: String) throws -> JournalEntry {
        var text = text
        return try text.withUTF8 { try decodeEntry(bytes: $0) }
    }

    /// As ``decodeEntry(_:)``, from the UTF-8 bytes of a `detail` column.
    static func decodeEntry(bytes: UnsafeBufferPointer<UInt8>) throws -> JournalEntry {
        var parser = StoreJSONReader(bytes: bytes)
        if let fast = parser.entry() { return fast }
        return try decode(JournalEntry.self, from: String(decoding: bytes, as: UTF8.self))
    }
}

extension StoreJSONReader {
    // The entry readers are loops over `nextKey` rather than closures: values captured and
    // set by a closure are boxed and checked for exclusive access on every write, which cost
    // more than the parsing itself. Each key is told apart by its length first.

    mutating func entry() -> JournalEntry? {
        var id: Int64?, courseID: Int64?, planVersionID: Int64?, supersedes: Int64?, impression: Int64?
        var patientID: String?, recordedBy: String?, reason: String?, note: String?
        var kind: JournalEntry.Kind?, at: Date?, recordedAt: Date?
        var dose: DoseDetail?, sideEffect: SideEffectDetail?, pain: PainDetail?, flags: [ClinicianFlag]?
        guard take(123) else { return nil }   // {
        var first = true
        while let k = nextKey(&first) {
            let ok: Bool
            switch k.count {
            case 2 where key(k, is: "at"): at = instant(); ok = at != nil
            case 2 where key(k, is: "id"): ok = optional(&id) { $0.int() }
            case 4 where key(k, is: "dose"): ok = optional(&dose) { $0.dose() }
            case 4 where key(k, is: "kind"): kind = entryKind(); ok = kind != nil
            case 4 where key(k, is: "pain"): ok = optional(&pain) { $0.pain() }
            case 4 where key(k, is: "note"): ok = optional(&note) { $0.string() }
            case 5 where key(k, is: "flags"): flags = self.flags(); ok = flags != nil
            case 6 where key(k, is: "reason"): ok = optional(&reason) { $0.string() }
            case 8 where key(k, is: "courseID"): ok = optional(&courseID) { $0.int() }
            case 9 where key(k, is: "patientID"): patientID = string(); ok = patientID != nil
            case 10 where key(k, is: "recordedAt"): recordedAt = instant(); ok = recordedAt != nil
            case 10 where key(k, is: "recordedBy"): recordedBy = string(); ok = recordedBy != nil
            case 10 where key(k, is: "sideEffect"): ok = optional(&sideEffect) { $0.sideEffect() }
            case 10 where key(k, is: "supersedes"): ok = optional(&supersedes) { $0.int() }
            case 10 where key(k, is: "impression"): ok = optional(&impression) { $0.int() }
            case 13 where key(k, is: "planVersionID"): ok = optional(&planVersionID) { $0.int() }
            default: ok = false   // "assessment" (nested, rare) and anything unknown
            }
            guard ok else { return nil }
        }
        skipSpace()
        guard !failed, i == b.count, let patientID, let kind, let at, let recordedAt, let recordedBy, let flags else {
            return nil
        }
        guard let event = JournalEvent(kind: kind, dose: dose, sideEffect: sideEffect, pain: pain,
                                       impression: impression.map(Int.init), assessment: nil) else { return nil }
        return JournalEntry(id: id, patientID: patientID, courseID: courseID, planVersionID: planVersionID, at: at,
                            recordedAt: recordedAt, recordedBy: recordedBy, supersedes: supersedes, reason: reason,
                            note: note, event: event, flags: flags)
    }

    /// The entry's kind, compared as bytes (no `String` made for it).
    mutating func entryKind() -> JournalEntry.Kind? {
        plainString().flatMap { Self.entryKind(bytes($0)) }
    }

    /// An entry's kind from its UTF-8 text; the common ones compared as bytes (no `String`).
    static func entryKind(_ text: UnsafeBufferPointer<UInt8>) -> JournalEntry.Kind? {
        func spells(_ name: StaticString) -> Bool {
            name.withUTF8Buffer { $0.elementsEqual(text) }
        }
        switch text.count {
        case 4 where spells("pain"): return .pain
        case 4 where spells("undo"): return .undo
        case 5 where spells("taken"): return .taken
        case 5 where spells("extra"): return .extra
        case 6 where spells("missed"): return .missed
        case 7 where spells("skipped"): return .skipped
        default: return JournalEntry.Kind(rawValue: String(decoding: text, as: UTF8.self))
        }
    }

    mutating func dose() -> DoseDetail? {
        guard let d = doseFields(), let doseMg = d.doseMg else { return nil }
        return DoseDetail(slot: d.slot, doseMg: Int(doseMg), plannedDoseMg: d.planned.map(Int.init),
                          stepNumber: d.step.map(Int.init), late: d.late)
    }

    /// A dose object's fields: all of them in a whole entry; in a format-2 detail, the ones
    /// that are not columns.
    mutating func doseFields() -> (late: Bool, doseMg: Int64?, slot: SlotKey?, planned: Int64?, step: Int64?)? {
        var slot: SlotKey?, doseMg: Int64?, planned: Int64?, step: Int64?, late: Bool?
        guard take(123) else { return nil }
        var first = true
        while let k = nextKey(&first) {
            let ok: Bool
            switch k.count {
            case 4 where key(k, is: "late"): late = bool(); ok = late != nil
            case 4 where key(k, is: "slot"): ok = optional(&slot) { $0.slot() }
            case 6 where key(k, is: "doseMg"): doseMg = int(); ok = doseMg != nil
            case 10 where key(k, is: "stepNumber"): ok = optional(&step) { $0.int() }
            case 13 where key(k, is: "plannedDoseMg"): ok = optional(&planned) { $0.int() }
            default: ok = false
            }
            guard ok else { return nil }
        }
        guard !failed, let late else { return nil }
        return (late, doseMg, slot, planned, step)
    }

    mutating func slot() -> SlotKey? {
        var date: LocalDate?, time: LocalTime?
        guard take(123) else { return nil }
        var first = true
        while let k = nextKey(&first) {
            let ok: Bool
            switch k.count {
            case 4 where key(k, is: "date"): date = localDate(); ok = date != nil
            case 4 where key(k, is: "time"): time = localTime(); ok = time != nil
            default: ok = false
            }
            guard ok else { return nil }
        }
        guard !failed, let date, let time else { return nil }
        return SlotKey(date: date, time: time)
    }

    mutating func pain() -> PainDetail? {
        var score: Int64?, sleep: Int64?, mood: Int64?, impact: String?, baseline: Bool?
        guard take(123) else { return nil }
        var first = true
        while let k = nextKey(&first) {
            let ok: Bool
            switch k.count {
            case 5 where key(k, is: "score"): score = int(); ok = score != nil
            case 5 where key(k, is: "sleep"): ok = optional(&sleep) { $0.int() }
            case 4 where key(k, is: "mood"): ok = optional(&mood) { $0.int() }
            case 6 where key(k, is: "impact"): ok = optional(&impact) { $0.string() }
            case 8 where key(k, is: "baseline"): baseline = bool(); ok = baseline != nil
            default: ok = false
            }
            guard ok else { return nil }
        }
        guard !failed, let score, let baseline else { return nil }
        return PainDetail(score: Int(score), sleep: sleep.map(Int.init), mood: mood.map(Int.init),
                          impact: impact, baseline: baseline)
    }

    mutating func sideEffect() -> SideEffectDetail? {
        var symptom: String?, known: Bool?, redFlag: Bool?, severity: Severity?, since: LocalDate?
        var resolves: Int64?, step: Int64?
        guard take(123) else { return nil }
        var first = true
        while let k = nextKey(&first) {
            let ok: Bool
            switch k.count {
            case 5 where key(k, is: "known"): known = bool(); ok = known != nil
            case 5 where key(k, is: "since"): ok = optional(&since) { $0.localDate() }
            case 7 where key(k, is: "redFlag"): redFlag = bool(); ok = redFlag != nil
            case 7 where key(k, is: "symptom"): symptom = string(); ok = symptom != nil
            case 8 where key(k, is: "resolves"): ok = optional(&resolves) { $0.int() }
            case 8 where key(k, is: "severity"): ok = optional(&severity) { $0.string().flatMap(Severity.init(rawValue:)) }
            case 10 where key(k, is: "stepNumber"): ok = optional(&step) { $0.int() }
            default: ok = false
            }
            guard ok else { return nil }
        }
        guard !failed, let symptom, let known, let redFlag else { return nil }
        return SideEffectDetail(symptom: symptom, known: known, severity: severity, since: since, redFlag: redFlag,
                                resolves: resolves, stepNumber: step.map(Int.init))
    }

    mutating func flags() -> [ClinicianFlag]? {
        guard take(91) else { return nil }   // [
        var result: [ClinicianFlag] = []
        skipSpace()
        if take(93) { return result }
        repeat {
            var kind: ClinicianFlag.Kind?, message: String?
            guard take(123) else { return nil }
            var first = true
            while let k = nextKey(&first) {
                let ok: Bool
                switch k.count {
                case 4 where key(k, is: "kind"): kind = string().flatMap(ClinicianFlag.Kind.init(rawValue:)); ok = kind != nil
                case 7 where key(k, is: "message"): message = string(); ok = message != nil
                default: ok = false
                }
                guard ok else { return nil }
            }
            guard !failed, let kind, let message else { return nil }
            result.append(ClinicianFlag(kind, message))
        } while take(44)
        return take(93) ? result : nil
    }
}
