import PainLadder

extension MedicineName {
    /// One entry of `medicine-names.json`; `sources` and `status` are required.
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(ingredient: try o.string("ingredient"), names: try o.optionalStrings("names") ?? [],
                  classes: try o.optionalStrings("classes"), sources: try o.strings("sources"),
                  status: try o.rawValue("status", EvidenceStatus.self), note: try o.optionalString("note"))
    }
}
