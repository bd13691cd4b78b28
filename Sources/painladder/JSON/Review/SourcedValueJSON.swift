import PainLadder

/// A sourced value that is not a single dose (a trial length, the IMMPACT bands, a drug
/// order), with its sources and evidence status; ``SourcedJSON`` is the dose form.
struct SourcedValueJSON<Value: Encodable>: Encodable {
    var value: Value
    var sources: [String]
    var status: String
    var note: String?

    init<Core>(_ s: Sourced<Core>, _ value: (Core) -> Value) {
        self.value = value(s.value)
        sources = s.sources
        status = s.status.rawValue
        note = s.note
    }
}
