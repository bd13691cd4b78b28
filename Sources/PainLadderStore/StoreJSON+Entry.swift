import Foundation
import PainLadder

extension StoreJSON {
    /// A journal entry's `detail` JSON: only what the row's columns do not hold (sorted keys,
    /// no escaped slashes, as ``encode(_:)`` writes).
    ///
    /// The columns hold the kind, patient, course, plan version, both instants, who recorded
    /// it, what it supersedes, the slot and the dose taken; `detail` holds the rest:
    /// `{"dose":{"late":false,"plannedDoseMg":300,"stepNumber":2}}` for a dose taken on time,
    /// `{"pain":{"baseline":false,"score":6,"sleep":4}}` for a pain score, `{}` for an undo
    /// with no reason. Flags appear only when there are some.
    ///
    /// Why not the whole entry, as the store wrote until format 2: the duplicated fields made
    /// up three quarters of every row (16 GB for a clinic of 10,000 patients), and every
    /// review parsed them again. Rows written before keep the whole entry (their `detail` has
    /// a `kind`) and read as before; so does an entry with a structured assessment (rare and
    /// nested), which `JSONEncoder` writes whole. See ``JournalRow``.
    static func entryDetail(_ e: JournalEntry) throws -> String {
        if e.assessment != nil { return try encode(e) }
        var w = Writer()
        w.open()
        if let d = e.dose {
            w.key("dose"); w.open()
            w.key("late"); w.bool(d.late)
            if let v = d.plannedDoseMg { w.key("plannedDoseMg"); w.int(v) }
            if let v = d.stepNumber { w.key("stepNumber"); w.int(v) }
            w.close()
        }
        if !e.flags.isEmpty {
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
        }
        if let v = e.impression { w.key("impression"); w.int(v) }
        if let v = e.note { w.key("note"); w.string(v) }
        if let p = e.pain {
            w.key("pain"); w.open()
            w.key("baseline"); w.bool(p.baseline)
            if let v = p.impact { w.key("impact"); w.string(v) }
            if let v = p.mood { w.key("mood"); w.int(v) }
            w.key("score"); w.int(p.score)
            if let v = p.sleep { w.key("sleep"); w.int(v) }
            w.close()
        }
        if let v = e.reason { w.key("reason"); w.string(v) }
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
