import Foundation
import PainLadder

/// The `decision` column of `plan_version`: the decision that made the version, and the
/// version's ``PlanVersion/effectiveTime`` as a key `effectiveTime` beside the decision's own.
///
/// The time rides in this JSON column rather than a new one so that no migration is needed
/// and a database an older release wrote reads, and is written beside, exactly as before
/// (Format1JournalTests compare its plan rows byte for byte). A start made during its first
/// day has no decision: its column holds `{"effectiveTime":"11:05"}` alone. An older release
/// ignores the key; a row without it applies from the start of `effective_from`'s day.
enum DecisionColumn {
    private struct Stored: Encodable {
        var decision: Decision?
        var effectiveTime: LocalTime?

        enum Keys: String, CodingKey { case effectiveTime }

        func encode(to encoder: Encoder) throws {
            try decision?.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(effectiveTime, forKey: .effectiveTime)
        }
    }

    private struct Time: Decodable {
        var effectiveTime: LocalTime?
    }

    private struct Kind: Decodable {
        var kind: String?
    }

    /// The column's text; `nil` (SQL NULL) when there is neither, as before.
    static func text(_ v: PlanVersion) throws -> String? {
        guard v.decision != nil || v.effectiveTime != nil else { return nil }
        return try StoreJSON.encode(Stored(decision: v.decision, effectiveTime: v.effectiveTime))
    }

    /// The decision and effective time a column's text holds.
    static func read(_ text: String) throws -> (decision: Decision?, effectiveTime: LocalTime?) {
        let time = try StoreJSON.decode(Time.self, from: text).effectiveTime
        let kind = try StoreJSON.decode(Kind.self, from: text).kind
        guard kind != nil else { return (nil, time) }
        return (try StoreJSON.decode(Decision.self, from: text), time)
    }
}
