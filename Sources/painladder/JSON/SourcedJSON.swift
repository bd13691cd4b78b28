import PainLadder

/// A sourced number (a maximum, a target) with its sources and evidence status.
struct SourcedJSON: Encodable {
    var value: Int
    var sources: [String]
    var status: String
    var note: String?

    init(_ s: Sourced<Milligrams>) {
        value = s.value
        sources = s.sources
        status = s.status.rawValue
        note = s.note
    }
}
