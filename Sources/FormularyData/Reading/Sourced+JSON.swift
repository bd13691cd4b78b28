import PainLadder

// Reading the formulary's JSON into its types, without `Decodable` (see ``JSONTreeReader`` for
// why). Each reader takes the members in the order the type declares its properties, as
// the synthesized `init(from:)` did, so the first mistake in a file is the one reported.
// The type's `Codable` conformance stays the reference: the tests read every bundled file
// both ways and compare.

extension Sourced {
    /// `{"value": …, "sources": ["S1"], "status": "confirmed", "note": "…"}`, the value read by `value`.
    init(json: JSONTreeReader, value: (JSONTreeReader) throws -> Value) throws {
        let o = try json.object()
        self.init(try o.read("value", value), sources: try o.strings("sources"),
                  status: try o.rawValue("status", EvidenceStatus.self), note: try o.optionalString("note"))
    }
}

extension JSONObjectReader {
    func sourced<V>(_ key: String, _ value: (JSONTreeReader) throws -> V) throws -> Sourced<V> {
        try Sourced(json: member(key), value: value)
    }

    func optionalSourced<V>(_ key: String, _ value: (JSONTreeReader) throws -> V) throws -> Sourced<V>? {
        guard let reader = optionalMember(key) else { return nil }
        return try Sourced(json: reader, value: value)
    }
}
