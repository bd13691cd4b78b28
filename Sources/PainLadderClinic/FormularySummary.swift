import Foundation
import PainLadder

/// Where a report's clinical numbers come from.
public struct FormularySummary: Sendable {
    public var name: String
    public var version: String
    public var localName: String?
    /// Source tag → source, as the numbers cite them.
    public var sources: [String: Source]
    public var provenance: FormularyProvenance

    public init(_ f: Formulary) {
        name = f.name
        version = f.version
        localName = f.localName
        sources = f.sources
        provenance = f.provenance
    }
}
