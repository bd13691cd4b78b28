import Foundation

/// An entry's JSON (the CLI's `--json`, a store's whole-entry `detail`): the header's fields,
/// `kind`, and the event's detail under its own key (`dose`, `sideEffect`, `pain`,
/// `impression` or `assessment`), as the flat entry this type once was wrote it; optional
/// fields are written only when present and may be absent when read.
extension JournalEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case id, patientID, courseID, planVersionID, kind, at, recordedAt, recordedBy, supersedes
        case reason, note, dose, sideEffect, pain, impression, assessment, flags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(Kind.self, forKey: .kind)
        guard let event = JournalEvent(kind: kind,
                                       dose: try c.decodeIfPresent(DoseDetail.self, forKey: .dose),
                                       sideEffect: try c.decodeIfPresent(SideEffectDetail.self, forKey: .sideEffect),
                                       pain: try c.decodeIfPresent(PainDetail.self, forKey: .pain),
                                       impression: try c.decodeIfPresent(Int.self, forKey: .impression),
                                       assessment: try c.decodeIfPresent(PainAssessment.self, forKey: .assessment)) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                                                   debugDescription: "a \(kind.rawValue) entry needs its own detail and no other")
        }
        self.init(id: try c.decodeIfPresent(Int64.self, forKey: .id),
                  patientID: try c.decode(String.self, forKey: .patientID),
                  courseID: try c.decodeIfPresent(Int64.self, forKey: .courseID),
                  planVersionID: try c.decodeIfPresent(Int64.self, forKey: .planVersionID),
                  at: try c.decode(Date.self, forKey: .at),
                  recordedAt: try c.decode(Date.self, forKey: .recordedAt),
                  recordedBy: try c.decode(String.self, forKey: .recordedBy),
                  supersedes: try c.decodeIfPresent(Int64.self, forKey: .supersedes),
                  reason: try c.decodeIfPresent(String.self, forKey: .reason),
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  event: event,
                  flags: try c.decode([ClinicianFlag].self, forKey: .flags))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(patientID, forKey: .patientID)
        try c.encodeIfPresent(courseID, forKey: .courseID)
        try c.encodeIfPresent(planVersionID, forKey: .planVersionID)
        try c.encode(kind, forKey: .kind)
        try c.encode(at, forKey: .at)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encodeIfPresent(supersedes, forKey: .supersedes)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(note, forKey: .note)
        switch event {
        case .taken(let d), .extra(let d), .skipped(let d), .missed(let d): try c.encode(d, forKey: .dose)
        case .sideEffect(let s), .sideEffectResolved(let s): try c.encode(s, forKey: .sideEffect)
        case .pain(let p): try c.encode(p, forKey: .pain)
        case .impression(let v): try c.encode(v, forKey: .impression)
        case .assessment(let a): try c.encode(a, forKey: .assessment)
        case .undo: break
        }
        try c.encode(flags, forKey: .flags)
    }
}
