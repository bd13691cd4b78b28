import PainLadder

extension SwitchingRules {
    /// `switching.json`.
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(conversions: try o.array("conversions", DoseConversion.init(json:)),
                  pairs: try o.array("pairs", SwitchPair.init(json:)))
    }
}

extension SwitchPair {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            from: try o.string("from"),
            to: try o.string("to"),
            crossTaper: try o.read("crossTaper", SwitchGuidance.init(json:)),
            directConversion: try o.optionalString("directConversion"),
            newStepUpAfterOldReducedBy: try o.optionalSourced("newStepUpAfterOldReducedBy") { try $0.double() },
            oldDrugActsForDays: try o.optionalSourced("oldDrugActsForDays") { try $0.int() },
            warnings: try o.array("warnings", SwitchWarning.init(json:)))
    }
}

extension SwitchGuidance {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(allowed: try o.bool("allowed"), message: try o.string("message"), sources: try o.strings("sources"),
                  status: try o.rawValue("status", EvidenceStatus.self), note: try o.optionalString("note"))
    }
}

extension SwitchWarning {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(id: try o.string("id"), when: try o.rawValue("when", When.self), message: try o.string("message"),
                  sources: try o.strings("sources"), status: try o.rawValue("status", EvidenceStatus.self))
    }
}

extension DoseConversion {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(id: try o.string("id"), label: try o.string("label"), from: try o.string("from"), to: try o.string("to"),
                  rows: try o.sourced("rows") { rows in try rows.array(ConversionRow.init(json:)) })
    }
}

extension ConversionRow {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(fromMg: try o.int("fromMg"), toMinMg: try o.int("toMinMg"), toMaxMg: try o.int("toMaxMg"),
                  toTypicalMg: try o.int("toTypicalMg"))
    }
}
