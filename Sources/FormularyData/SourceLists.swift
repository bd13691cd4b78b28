import PainLadder

/// A value whose JSON form holds `sources` lists (a ``Sourced`` value, a rule, or a type
/// holding them), so that the validator can check every list resolves.
///
/// Each type lists the members that hold sources, under their JSON keys. The tests check
/// the lists found this way against a walk of the value's JSON encoding, so a member added
/// later but not listed here fails them.
protocol SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor)
}

/// One `sources` list and the path of the object holding it (`variants[0].usualTarget`).
struct SourceList: Equatable {
    var path: [JSONPathComponent]
    var tags: [String]
}

/// Collects the `sources` lists of a value, each with its path.
struct SourceListVisitor {
    private var path: [JSONPathComponent]
    private(set) var lists: [SourceList] = []

    /// `prefix` names the value's own member (`pathway`), or "" for a whole file.
    init(prefix: String = "") {
        path = prefix.isEmpty ? [] : [.key(prefix)]
    }

    /// The current object's own `sources`.
    mutating func sources(_ tags: [String]) {
        lists.append(SourceList(path: path, tags: tags))
    }

    mutating func member<T: SourceListed>(_ key: String, _ value: T) {
        path.append(.key(key))
        value.visitSourceLists(&self)
        path.removeLast()
    }

    mutating func member<T: SourceListed>(_ key: String, _ value: T?) {
        if let value { member(key, value) }
    }

    mutating func member<T: SourceListed>(_ key: String, _ values: [T]) {
        path.append(.key(key))
        for (index, value) in values.enumerated() {
            path.append(.index(index))
            value.visitSourceLists(&self)
            path.removeLast()
        }
        path.removeLast()
    }

    /// A JSON object of values by key (`codeSources.rxnorm`).
    mutating func member<T: SourceListed>(_ key: String, _ values: [String: T]?) {
        guard let values else { return }
        path.append(.key(key))
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            path.append(.key(name))
            value.visitSourceLists(&self)
            path.removeLast()
        }
        path.removeLast()
    }

    /// Whether `a` comes before `b` in a walk of the JSON that takes an object's own
    /// `sources` first and then its other members by sorted key: a prefix comes first,
    /// then keys compare as strings and indexes as numbers. Of several bad lists, the
    /// validator reports the first in this order, whatever order the types list them in.
    static func walkOrder(_ a: [JSONPathComponent], _ b: [JSONPathComponent]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case let (.key(p), .key(q)): return p < q
            case let (.index(p), .index(q)): return p < q
            case (.key, .index): return true
            case (.index, .key): return false
            }
        }
        return a.count < b.count
    }
}

extension Sourced: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.sources(sources)
    }
}

extension SafetyRule: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.sources(sources)
    }
}

extension Drug: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.member("licensedFor", licensedFor)
        visitor.member("strengths", strengths)
        visitor.member("maximumDailyDose", maximumDailyDose)
        visitor.member("maximumSingleDose", maximumSingleDose)
        visitor.member("variants", variants)
        visitor.member("renalBands", renalBands)
        visitor.member("rules", rules)
        visitor.member("taper", taper)
        visitor.member("sideEffects", sideEffects)
        visitor.member("adequateTrial", adequateTrial)
        visitor.member("reviews", reviews)
        visitor.member("controlledDrug", controlledDrug)
        visitor.member("overdose", overdose)
        visitor.member("doseEntryLimit", doseEntryLimit)
        visitor.member("noAddedBenefitAbove", noAddedBenefitAbove)
        visitor.member("codeSources", codeSources)
        if let afterStopping { visitor.member("afterStopping", afterStopping) }
    }
}

extension WashoutAfterStopping: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.member("days", days)
    }
}

extension TitrationVariant: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.member("administrationsPerDay", administrationsPerDay)
        visitor.member("steps", steps)
        visitor.member("thenIncrement", thenIncrement)
        visitor.member("daysBetweenSteps", daysBetweenSteps)
        visitor.member("usualTarget", usualTarget)
        visitor.member("maximumDailyDose", maximumDailyDose)
    }
}

extension RenalBand: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.member("maximumDailyDose", maximumDailyDose)
        visitor.member("titration", titration)
    }
}

extension SideEffects: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.member("common", common)
        visitor.member("redFlags", redFlags)
    }
}

extension PathwaySettings: SourceListed {
    func visitSourceLists(_ visitor: inout SourceListVisitor) {
        visitor.member("ladderOrder", ladderOrder)
        visitor.member("rules", rules)
        visitor.member("holdStepUpAtSeverity", holdStepUpAtSeverity)
        visitor.member("painChangeBands", painChangeBands)
        visitor.member("referralSeverePain", referralSeverePain)
        visitor.member("renalFunctionUnknown", renalFunctionUnknown)
        visitor.member("cockcroftGaultWeight", cockcroftGaultWeight)
        visitor.member("heightUnknownShortestCm", heightUnknownShortestCm)
    }
}
