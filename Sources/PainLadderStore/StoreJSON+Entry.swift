import Foundation
import PainLadder

extension StoreJSON {
    /// A journal entry's `detail` JSON, byte for byte what ``encode(_:)`` gives (sorted keys,
    /// no escaped slashes, instants as ``StoreTime`` text), written directly.
    ///
    /// Why: `JSONEncoder` goes through the generic `Codable` machinery and cost about 20,000
    /// instructions an entry, most of the time of loading a clinic (22 million dose entries for
    /// 10,000 patients; see BENCHMARKS.md). An entry with a structured assessment (rare, and
    /// nested) still goes through `JSONEncoder`. `BulkLoaderTests` checks both give the same
    /// text for entries of every kind, with quotes, control characters and non-ASCII text.
    static func entry(_ e: JournalEntry) throws -> String {
        if e.assessment != nil { return try encode(e) }
        var w = Writer()
        w.open()
        w.key("at"); w.instant(e.at)
        if let v = e.courseID { w.key("courseID"); w.int(v) }
        if let d = e.dose {
            w.key("dose"); w.open()
            w.key("doseMg"); w.int(d.doseMg)
            w.key("late"); w.bool(d.late)
            if let v = d.plannedDoseMg { w.key("plannedDoseMg"); w.int(v) }
            if let slot = d.slot {
                w.key("slot"); w.open()
                w.key("date"); w.date(slot.date)
                w.key("time"); w.string(slot.time.description)
                w.close()
            }
            if let v = d.stepNumber { w.key("stepNumber"); w.int(v) }
            w.close()
        }
        w.key("flags"); w.bytes.append(91)   // [
        for (i, flag) in e.flags.enumerated() {
            if i > 0 { w.bytes.append(44) }
            w.first = true
            w.open()
            w.key("kind"); w.string(flag.kind.rawValue)
            w.key("message"); w.string(flag.message)
            w.close()
        }
        w.bytes.append(93)   // ]
        w.first = false
        if let v = e.id { w.key("id"); w.int(v) }
        if let v = e.impression { w.key("impression"); w.int(v) }
        w.key("kind"); w.string(e.kind.rawValue)
        if let v = e.note { w.key("note"); w.string(v) }
        if let p = e.pain {
            w.key("pain"); w.open()
            w.key("baseline"); w.bool(p.baseline)
            if let v = p.impact { w.key("impact"); w.string(v) }
            w.key("score"); w.int(p.score)
            if let v = p.sleep { w.key("sleep"); w.int(v) }
            w.close()
        }
        w.key("patientID"); w.string(e.patientID)
        if let v = e.planVersionID { w.key("planVersionID"); w.int(v) }
        if let v = e.reason { w.key("reason"); w.string(v) }
        w.key("recordedAt"); w.instant(e.recordedAt)
        w.key("recordedBy"); w.string(e.recordedBy)
        if let s = e.sideEffect {
            w.key("sideEffect"); w.open()
            w.key("known"); w.bool(s.known)
            w.key("redFlag"); w.bool(s.redFlag)
            if let v = s.resolves { w.key("resolves"); w.int(v) }
            if let v = s.severity { w.key("severity"); w.string(v.rawValue) }
            if let v = s.since { w.key("since"); w.date(v) }
            if let v = s.stepNumber { w.key("stepNumber"); w.int(v) }
            w.key("symptom"); w.string(s.symptom)
            w.close()
        }
        if let v = e.supersedes { w.key("supersedes"); w.int(v) }
        w.close()
        return w.text
    }

    /// A minimal JSON writer into UTF-8 bytes: objects whose keys the caller gives in sorted order.
    private struct Writer {
        var bytes: [UInt8] = []
        var first = true

        init() { bytes.reserveCapacity(512) }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func raw(_ s: StaticString) {
            s.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func open() { bytes.append(123); first = true }    // {
        mutating func close() { bytes.append(125); first = false }  // }

        mutating func key(_ k: StaticString) {
            if !first { bytes.append(44) }   // ,
            first = false
            bytes.append(34)
            raw(k)
            bytes.append(34)
            bytes.append(58)
        }

        mutating func int<I: BinaryInteger>(_ v: I) { bytes.append(contentsOf: String(v).utf8) }
        mutating func bool(_ v: Bool) { v ? raw("true") : raw("false") }
        mutating func instant(_ d: Date) { bytes.append(34); StoreTime.append(d, to: &bytes); bytes.append(34) }
        mutating func date(_ d: LocalDate) { bytes.append(34); d.appendISO(to: &bytes); bytes.append(34) }

        /// As Foundation's encoder escapes: quote, backslash and control characters; `/` kept
        /// (`.withoutEscapingSlashes`); everything else as UTF-8.
        mutating func string(_ s: String) {
            bytes.append(34)
            for b in s.utf8 {
                switch b {
                case 34: raw("\\\"")
                case 92: raw("\\\\")
                case 10: raw("\\n")
                case 13: raw("\\r")
                case 9: raw("\\t")
                case 8: raw("\\b")
                case 12: raw("\\f")
                case 0..<32:
                    raw("\\u00")
                    bytes.append(b < 16 ? 48 : 49)
                    let low = b % 16
                    bytes.append(low < 10 ? 48 + low : 87 + low)   // lower-case hex, as JSONEncoder
                default: bytes.append(b)
                }
            }
            bytes.append(34)
        }
    }
}
