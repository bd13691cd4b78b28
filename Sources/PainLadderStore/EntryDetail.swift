import Foundation
import PainLadder

/// What a journal row's `detail` holds besides its columns (format 2, see
/// ``StoreJSON/entryDetail(_:)``).
struct EntryDetail: Equatable {
    var reason: String?
    var note: String?
    var dose: Dose?
    var sideEffect: SideEffectDetail?
    var pain: PainDetail?
    var impression: Int?
    var flags: [ClinicianFlag] = []

    /// A dose's fields that are not columns (`dose_mg`, `slot_date` and `slot_time` are).
    struct Dose: Decodable, Equatable {
        var late: Bool
        var plannedDoseMg: Int?
        var stepNumber: Int?
    }
}

extension EntryDetail: Decodable {
    private enum CodingKeys: String, CodingKey {
        case reason, note, dose, sideEffect, pain, impression, flags
        case kind, at   // only a whole entry (format 1) has these
    }

    /// For text the fast reader hands over. A whole entry is not a detail: read as one, its
    /// kind, patient and instants would be silently dropped.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard !c.contains(.kind), !c.contains(.at) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a whole journal entry, not a detail"))
        }
        self.init(reason: try c.decodeIfPresent(String.self, forKey: .reason),
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  dose: try c.decodeIfPresent(Dose.self, forKey: .dose),
                  sideEffect: try c.decodeIfPresent(SideEffectDetail.self, forKey: .sideEffect),
                  pain: try c.decodeIfPresent(PainDetail.self, forKey: .pain),
                  impression: try c.decodeIfPresent(Int.self, forKey: .impression),
                  flags: try c.decodeIfPresent([ClinicianFlag].self, forKey: .flags) ?? [])
    }
}

extension StoreJSONReader {
    /// What a `detail` column turned out to be.
    enum Detail {
        /// Format 2: the fields the columns do not hold.
        case detail(EntryDetail)
        /// Format 1: the whole entry (it has a `kind`); read it with ``entry()`` from the start.
        case wholeEntry
    }

    /// Reads a format-2 detail; `nil` for anything it does not expect (an assessment, an
    /// unknown key, a fraction, malformed text), which `JSONDecoder` then decides.
    mutating func detail() -> Detail? {
        var d = EntryDetail()
        var impression: Int64?, dose: EntryDetail.Dose?
        guard take(123) else { return nil }   // {
        var first = true
        while let k = nextKey(&first) {
            let ok: Bool
            switch k.count {
            case 2 where key(k, is: "at"): return .wholeEntry
            case 4 where key(k, is: "kind"): return .wholeEntry
            case 4 where key(k, is: "dose"): ok = optional(&dose) { $0.detailDose() }
            case 4 where key(k, is: "pain"): ok = optional(&d.pain) { $0.pain() }
            case 4 where key(k, is: "note"): ok = optional(&d.note) { $0.string() }
            case 5 where key(k, is: "flags"): if let f = flags() { d.flags = f; ok = true } else { ok = false }
            case 6 where key(k, is: "reason"): ok = optional(&d.reason) { $0.string() }
            case 10 where key(k, is: "sideEffect"): ok = optional(&d.sideEffect) { $0.sideEffect() }
            case 10 where key(k, is: "impression"): ok = optional(&impression) { $0.int() }
            default: ok = false
            }
            guard ok else { return nil }
        }
        skipSpace()
        guard !failed, i == b.count else { return nil }
        d.dose = dose
        d.impression = impression.map(Int.init)
        return .detail(d)
    }

    /// A detail's dose: `doseMg` and `slot` are columns (the column wins, as with `JSONDecoder`).
    mutating func detailDose() -> EntryDetail.Dose? {
        guard let d = doseFields() else { return nil }
        return EntryDetail.Dose(late: d.late, plannedDoseMg: d.planned.map(Int.init), stepNumber: d.step.map(Int.init))
    }
}
