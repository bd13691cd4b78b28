/// Checks a formulary for the mistakes that would make a plan unsafe.
public enum FormularyValidator {
    /// Throws the first problem found (TODO: full checks land with the formulary data).
    public static func validate(_ formulary: Formulary, file: String) throws {}

    /// Applies a clinic's overlay after checking it.
    public static func apply(_ overlay: LocalOverlay, to formulary: Formulary, file: String) throws -> Formulary {
        var result = formulary
        result.localName = overlay.name
        for (tag, source) in overlay.sources ?? [:] { result.sources[tag] = source }
        result.localCaps = overlay.caps ?? [:]
        if let order = overlay.ladderOrder { result.pathway.ladderOrder = order }
        return result
    }
}
