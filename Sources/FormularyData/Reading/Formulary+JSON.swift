import PainLadder

extension FormularyIndex {
    /// `formulary.json`.
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(name: try o.string("name"), version: try o.string("version"), drugs: try o.strings("drugs"),
                  pathway: try o.read("pathway", PathwaySettings.init(json:)))
    }
}

extension PathwaySettings {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            ladderOrder: try o.optionalSourced("ladderOrder") { try $0.strings() },
            rules: try o.array("rules", SafetyRule.init(json:)),
            holdStepUpAtSeverity: try o.sourced("holdStepUpAtSeverity") { try $0.string() },
            painChangeBands: try o.optionalSourced("painChangeBands", PainChangeBands.init(json:)),
            referralSeverePain: try o.optionalSourced("referralSeverePain") { try $0.double() },
            renalFunctionUnknown: try o.optionalSourced("renalFunctionUnknown") { v in
                let p = try v.object()
                return RenalUnknownPolicy(capFromAge: try p.int("capFromAge"), capWhenFrail: try p.bool("capWhenFrail"))
            },
            cockcroftGaultWeight: try o.optionalSourced("cockcroftGaultWeight") { v in
                let w = try v.object()
                return DosingWeightRule(idealUpToPercent: try w.double("idealUpToPercent"),
                                        adjustedFraction: try w.double("adjustedFraction"))
            },
            heightUnknownShortestCm: try o.optionalSourced("heightUnknownShortestCm") { try $0.double() })
    }
}

extension PainChangeBands {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(minimalPercent: try o.double("minimalPercent"), moderatePercent: try o.double("moderatePercent"),
                  substantialPercent: try o.double("substantialPercent"))
    }
}

extension Source {
    /// One entry of `sources.json`.
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(title: try o.string("title"), url: try o.optionalString("url"))
    }
}

extension Diagnosis {
    /// One entry of `diagnoses.json`.
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(id: try o.string("id"), label: try o.string("label"), category: try o.string("category"))
    }
}

extension LocalOverlay {
    /// A clinic's overlay file (`--formulary FILE`).
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            name: try o.string("name"),
            sources: try o.readIfPresent("sources") { sources in try sources.dictionary(Source.init(json:)) },
            caps: try o.readIfPresent("caps") { caps in
                try caps.dictionary { cap in try Sourced(json: cap) { value in try value.int() } }
            },
            ladderOrder: try o.optionalSourced("ladderOrder") { try $0.strings() })
    }
}
