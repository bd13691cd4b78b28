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
        var parser = JSONReader(bytes: bytes)
        if let fast = parser.entry() { return fast }
        return try decode(JournalEntry.self, from: String(decoding: bytes, as: UTF8.self))
    }
}

/// A reader for the JSON the store writes (journal entries here, schedules in
/// `StoreJSON+ScheduleDecoding.swift`); `nil` means "not the expected shape".
struct JSONReader {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Set by ``nextKey(_:)`` on malformed input.
    var failed = false

    init(bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

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
        return JournalEntry(id: id, patientID: patientID, courseID: courseID, planVersionID: planVersionID, kind: kind,
                            at: at, recordedAt: recordedAt, recordedBy: recordedBy, supersedes: supersedes,
                            reason: reason, note: note, dose: dose, sideEffect: sideEffect, pain: pain,
                            impression: impression.map(Int.init), flags: flags)
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

    /// Inside an object (after its `{`): the next key, its `:` consumed, or `nil` at the
    /// closing `}` (consumed) or on malformed input (then ``failed`` is set).
    mutating func nextKey(_ first: inout Bool) -> Range<Int>? {
        if first {
            first = false
            if take(125) { return nil }   // {}
        } else {
            if take(125) { return nil }
            guard take(44) else { failed = true; return nil }   // ,
        }
        guard let key = plainString(), take(58) else { failed = true; return nil }
        return key
    }

    // MARK: - JSON pieces

    /// `{ "key": value, … }`: `field` reads each value and says whether it was acceptable.
    /// For schedules (read once per plan); the entry readers above tell keys apart as bytes.
    mutating func object(_ field: (inout JSONReader, String) -> Bool) -> Bool {
        guard take(123) else { return false }   // {
        var first = true
        while let key = nextKey(&first) {
            guard field(&self, String(decoding: bytes(key), as: UTF8.self)) else { return false }
        }
        return !failed
    }

    /// Whether the bytes in `range` spell `name`.
    func key(_ range: Range<Int>, is name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { w in
            var j = 0
            for k in range {
                guard b[k] == w[j] else { return false }
                j += 1
            }
            return true
        }
    }

    /// A string without escapes or control characters: the range of its bytes (between the
    /// quotes); `nil`, with nothing consumed, for anything else.
    mutating func plainString() -> Range<Int>? {
        guard take(34) else { return nil }   // "
        let start = i
        var j = i
        while j < b.count, b[j] != 34 {
            guard b[j] != 92, b[j] >= 0x20 else { i = start - 1; return nil }
            j += 1
        }
        guard j < b.count else { i = start - 1; return nil }
        i = j + 1
        return start..<j
    }

    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[range])
    }

    /// An optional value: `null` leaves it nil (as `decodeIfPresent` does).
    mutating func optional<T>(_ slot: inout T?, _ read: (inout JSONReader) -> T?) -> Bool {
        if literal("null") { slot = nil; return true }
        slot = read(&self)
        return slot != nil
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 32 || b[i] == 10 || b[i] == 13 || b[i] == 9 { i += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < b.count, b[i] == byte else { return false }
        i += 1
        return true
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let matches = word.withUTF8Buffer { w in (0..<n).allSatisfy { b[i + $0] == w[$0] } }
        if matches { i += n }
        return matches
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A whole number (no fraction or exponent: those go to `JSONDecoder`).
    mutating func int() -> Int64? {
        skipSpace()
        var negative = false
        if i < b.count, b[i] == 45 { negative = true; i += 1 }
        var value: Int64 = 0
        let start = i
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(b[i] - 48))
            guard !o1, !o2 else { return nil }
            value = sum
            i += 1
        }
        guard i > start, i == b.count || (b[i] != 46 && b[i] != 101 && b[i] != 69) else { return nil }
        return negative ? -value : value
    }

    mutating func instant() -> Date? {
        plainString().flatMap { StoreTime.date(bytes: bytes($0)) }
    }

    mutating func localDate() -> LocalDate? {
        plainString().flatMap { LocalDate.parseISO(bytes($0)) }
    }

    mutating func localTime() -> LocalTime? {
        plainString().flatMap { LocalTime(parsingBytes: bytes($0)) }
    }

    mutating func string() -> String? {
        guard take(34) else { return nil }   // "
        let start = i
        var plain = true
        while i < b.count, b[i] != 34 {
            if b[i] == 92 || b[i] < 0x20 { plain = false; i += b[i] == 92 ? 2 : 1 } else { i += 1 }
        }
        guard i < b.count else { return nil }
        defer { i += 1 }
        if plain { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) }
        return unescape(start..<i)
    }

    /// A string with backslash escapes (rare: quotes, control characters in free text).
    func unescape(_ range: Range<Int>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var j = range.lowerBound
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= range.upperBound else { return nil }
            var v: UInt32 = 0
            for k in at..<at + 4 {
                guard let d = hexDigit(b[k]) else { return nil }
                v = v * 16 + d
            }
            return v
        }
        while j < range.upperBound {
            let c = b[j]
            guard c == 92 else {
                guard c >= 0x20 else { return nil }   // raw control characters are not JSON
                out.append(c); j += 1; continue
            }
            guard j + 1 < range.upperBound else { return nil }
            switch b[j + 1] {
            case 34: out.append(34)
            case 92: out.append(92)
            case 47: out.append(47)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                guard var code = hex4(j + 2) else { return nil }
                j += 4
                if (0xD800..<0xDC00).contains(code) {
                    // A surrogate pair: \uD83D\uDE42.
                    guard j + 2 + 6 <= range.upperBound, b[j + 2] == 92, b[j + 3] == 117,
                          let low = hex4(j + 4), (0xDC00..<0xE000).contains(low) else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
            j += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: UInt32(c - 48)
        case 65...70: UInt32(c - 55)
        case 97...102: UInt32(c - 87)
        default: nil
        }
    }
}
