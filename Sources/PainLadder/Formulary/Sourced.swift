/// How sure we are of a clinical number (see `clinical-reference.md`).
public enum EvidenceStatus: String, Codable, Sendable, CaseIterable {
    /// Seen in the text of the cited source.
    case confirmed
    /// An NHS trust or ICB formulary or pathway: real practice, but it differs between areas.
    case local
    /// PainLadder's own default where the references leave a choice (a pace, a rounding, a
    /// safety margin): not evidence, and configurable; the note says what it rests on.
    case choice
    /// Not seen in a retrievable source: check it against the current BNF or SmPC.
    case unconfirmed
}

/// A clinical value with the sources it comes from and how sure we are of it.
///
/// In JSON: `{"value": 75, "sources": ["S17", "S11"], "status": "confirmed", "note": "…"}`.
/// Every number in the formulary is one of these, so the CLI can show the status wherever
/// it shows the number.
public struct Sourced<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var value: Value
    /// Source tags (`S1` … ) that resolve in the formulary's source list.
    public var sources: [String]
    public var status: EvidenceStatus
    public var note: String?

    /// Inlinable so that the formulary's reader (another module) builds each `Sourced<…>`
    /// specialized: an unspecialized call instantiates its generic metadata at run time,
    /// checking `Value`'s conformances by a scan of every conformance record (about 1 M
    /// instructions a type, on every command).
    @inlinable
    public init(_ value: Value, sources: [String], status: EvidenceStatus, note: String? = nil) {
        self.value = value
        self.sources = sources
        self.status = status
        self.note = note
    }

    /// "[S17, S11; confirmed]": how the CLI cites a number.
    public var citation: String {
        "[\(sources.joined(separator: ", ")); \(status.rawValue)]"
    }
}

/// A bibliographic source behind the formulary's numbers.
public struct Source: Codable, Sendable, Equatable {
    public var title: String
    public var url: String?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}
