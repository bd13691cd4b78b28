import PainLadder

extension Drug {
    /// A drug file (`Data/formulary/<id>.json`).
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            id: try o.string("id"),
            name: try o.string("name"),
            drugClass: try o.string("class"),
            codes: try o.read("codes") { codes in try codes.dictionary { code in try code.string() } },
            licensedFor: try o.sourced("licensedFor") { try $0.strings() },
            strengths: try o.sourced("strengths") { strengths in try strengths.array(Strength.init(json:)) },
            maximumDailyDose: try o.sourced("maximumDailyDose") { try $0.int() },
            maximumSingleDose: try o.optionalSourced("maximumSingleDose") { try $0.int() },
            variants: try o.array("variants", TitrationVariant.init(json:)),
            renalBands: try o.array("renalBands", RenalBand.init(json:)),
            rules: try o.array("rules", SafetyRule.init(json:)),
            taper: try o.sourced("taper", TaperProfile.init(json:)),
            sideEffects: try o.read("sideEffects", SideEffects.init(json:)),
            adequateTrial: try o.sourced("adequateTrial", AdequateTrial.init(json:)),
            reviews: try o.sourced("reviews", ReviewIntervals.init(json:)),
            controlledDrug: try o.optionalSourced("controlledDrug", ControlledDrugRules.init(json:)),
            overdose: try o.optionalSourced("overdose") { try $0.string() },
            doseEntryLimit: try o.optionalSourced("doseEntryLimit") { try $0.int() },
            noAddedBenefitAbove: try o.optionalSourced("noAddedBenefitAbove") { try $0.int() },
            codeSources: try o.optionalMember("codeSources").map { codes in
                try codes.dictionary { code in try Sourced(json: code) { try $0.string() } }
            },
            afterStopping: try o.readIfPresent("afterStopping") { try $0.array(WashoutAfterStopping.init(json:)) })
    }
}

extension Strength {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(mg: try o.int("mg"), form: try o.string("form"))
    }
}

extension TitrationVariant {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            id: try o.string("id"),
            label: try o.string("label"),
            description: try o.optionalString("description"),
            administrationsPerDay: try o.sourced("administrationsPerDay") { try $0.int() },
            defaultTimes: try o.array("defaultTimes", LocalTime.init(json:)),
            fewerDosesAt: try o.rawValue("fewerDosesAt", DayPart.self),
            steps: try o.sourced("steps") { steps in try steps.array(StepTemplate.init(json:)) },
            thenIncrement: try o.optionalSourced("thenIncrement") { try $0.int() },
            daysBetweenSteps: try o.sourced("daysBetweenSteps", StepInterval.init(json:)),
            usualTarget: try o.sourced("usualTarget") { try $0.int() },
            maximumDailyDose: try o.optionalSourced("maximumDailyDose") { try $0.int() })
    }
}

extension StepTemplate {
    /// A bare number is a daily total; an object may give `doses` instead of `dailyDose`
    /// (as ``init(from:)``, including its errors).
    init(json: JSONTreeReader) throws {
        if case .number = json.value, let total = try? json.int() {
            self.init(dailyDose: total)
            return
        }
        let o = try json.object()
        let doses = try o.readIfPresent("doses") { try $0.ints() }
        let given = try o.optionalInt("dailyDose")
        guard let total = given ?? doses?.reduce(0, +) else { throw o.missing("dailyDose") }
        self.init(dailyDose: total, doses: doses,
                  usualDays: try o.optionalInt("usualDays"), minimumDays: try o.optionalInt("minimumDays"))
    }
}

extension StepInterval {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(usual: try o.int("usual"), minimum: try o.int("minimum"))
    }
}

extension LocalTime {
    /// "HH:MM", with the message ``init(from:)`` gives for anything else.
    init(json: JSONTreeReader) throws {
        let text = try json.string()
        guard let time = LocalTime(parsing: text) else { throw json.error(.invalid("'\(text)' is not a time (HH:MM)")) }
        self = time
    }
}

extension RenalBand {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            label: try o.string("label"),
            minimumCrCl: try o.optionalDouble("minimumCrCl"),
            belowCrCl: try o.optionalDouble("belowCrCl"),
            maximumDailyDose: try o.sourced("maximumDailyDose") { try $0.int() },
            titration: try o.readIfPresent("titration", TitrationVariant.init(json:)))
    }
}

extension SafetyRule {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            id: try o.string("id"),
            kind: try o.rawValue("kind", Kind.self),
            when: try o.read("when", RuleCondition.init(json:)),
            message: try o.string("message"),
            sources: try o.strings("sources"),
            status: try o.rawValue("status", EvidenceStatus.self))
    }
}

extension RuleCondition {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            crClBelow: try o.optionalDouble("crClBelow"),
            hepaticImpairment: try o.optionalBool("hepaticImpairment"),
            conditionsAny: try o.optionalStrings("conditionsAny"),
            medicinesAny: try o.optionalStrings("medicinesAny"),
            ageAtLeast: try o.optionalInt("ageAtLeast"),
            pregnancyPotential: try o.optionalBool("pregnancyPotential"),
            diagnosesAny: try o.optionalStrings("diagnosesAny"),
            stoppedWithinDays: try o.optionalInt("stoppedWithinDays"),
            ageBelow: try o.optionalInt("ageBelow"))
    }
}

extension TaperProfile {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            minimumDays: try o.int("minimumDays"),
            reductionMg: try o.optionalInt("reductionMg"),
            reductionFraction: try o.optionalDouble("reductionFraction"),
            daysPerStep: try o.int("daysPerStep"),
            longUseDays: try o.optionalInt("longUseDays"),
            shortUseMinimumDays: try o.optionalInt("shortUseMinimumDays"),
            taperStrengths: try o.optionalMember("taperStrengths").map { try $0.array(Strength.init(json:)) })
    }
}

extension SideEffects {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            common: try o.sourced("common") { list in try list.array(SideEffect.init(json:)) },
            redFlags: try o.sourced("redFlags") { list in try list.array(SideEffect.init(json:)) })
    }
}

extension SideEffect {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            id: try o.string("id"),
            label: try o.string("label"),
            aliases: try o.optionalStrings("aliases"),
            action: try o.optionalString("action"),
            snomed: try o.optionalString("snomed"))
    }
}

extension AdequateTrial {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(minimumWeeks: try o.int("minimumWeeks"), maximumWeeks: try o.int("maximumWeeks"),
                  weeksAtHighestTolerated: try o.int("weeksAtHighestTolerated"))
    }
}

extension ReviewIntervals {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(earlyDays: try o.int("earlyDays"), regularDays: try o.int("regularDays"))
    }
}

extension ControlledDrugRules {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(
            schedule: try o.string("schedule"),
            maximumSupplyDays: try o.int("maximumSupplyDays"),
            prescriptionValidDays: try o.int("prescriptionValidDays"),
            repeatable: try o.bool("repeatable"),
            emergencySupply: try o.bool("emergencySupply"))
    }
}

extension WashoutAfterStopping {
    init(json: JSONTreeReader) throws {
        let o = try json.object()
        self.init(id: try o.string("id"), medicinesAny: try o.read("medicinesAny") { try $0.strings() },
                  days: try o.sourced("days") { try $0.int() }, message: try o.string("message"))
    }
}
