import Foundation

/// What a journal entry records, with the detail that kind of event carries: every kind has
/// exactly its own payload, so a reader switches on the event instead of unwrapping optionals.
public enum JournalEvent: Sendable, Equatable {
    /// A planned dose taken (its slot set; possibly late or a different amount).
    case taken(DoseDetail)
    /// A dose beyond the plan (no slot).
    case extra(DoseDetail)
    /// A planned dose not taken, on purpose (`doseMg` 0); the entry's `reason` says why.
    case skipped(DoseDetail)
    /// Written by the reminder job when a planned dose's late window has passed with nothing
    /// recorded (`doseMg` 0). Day plans and adherence treat the slot as unrecorded; a later
    /// `take` (late) or `skip` for the slot wins over it.
    case missed(DoseDetail)
    // The side effect and the assessment, on few entries and the largest details, are boxed
    // (`indirect`): the event of every other entry stays the size of a dose or a pain score.
    indirect case sideEffect(SideEffectDetail)
    /// Closes a side-effect report: the detail's `resolves` names it.
    indirect case sideEffectResolved(SideEffectDetail)
    case pain(PainDetail)
    /// Patient global impression of change, 1 (very much improved) … 7 (very much worse).
    case impression(Int)
    indirect case assessment(PainAssessment)
    /// Withdraws the entry the journal entry `supersedes`, with no replacement.
    case undo

    public var kind: JournalEntry.Kind {
        switch self {
        case .taken: .taken
        case .extra: .extra
        case .skipped: .skipped
        case .missed: .missed
        case .sideEffect: .sideEffect
        case .sideEffectResolved: .sideEffectResolved
        case .pain: .pain
        case .impression: .impression
        case .assessment: .assessment
        case .undo: .undo
        }
    }

    /// The dose of a dose event (taken, extra, skipped or missed).
    public var dose: DoseDetail? {
        switch self {
        case .taken(let d), .extra(let d), .skipped(let d), .missed(let d): d
        default: nil
        }
    }

    /// The side effect reported, or the one a resolution closes.
    public var sideEffect: SideEffectDetail? {
        switch self {
        case .sideEffect(let s), .sideEffectResolved(let s): s
        default: nil
        }
    }

    public var pain: PainDetail? {
        if case .pain(let p) = self { p } else { nil }
    }

    public var impression: Int? {
        if case .impression(let v) = self { v } else { nil }
    }

    public var assessment: PainAssessment? {
        if case .assessment(let a) = self { a } else { nil }
    }

    /// The event of kind `kind` from the details stored beside it (one optional per payload,
    /// as storage and JSON hold them); `nil` unless exactly the kind's own detail is given.
    public init?(kind: JournalEntry.Kind, dose: DoseDetail?, sideEffect: SideEffectDetail?, pain: PainDetail?,
                 impression: Int?, assessment: PainAssessment?) {
        let given = (dose == nil ? 0 : 1) + (sideEffect == nil ? 0 : 1) + (pain == nil ? 0 : 1)
            + (impression == nil ? 0 : 1) + (assessment == nil ? 0 : 1)
        guard given == (kind == .undo ? 0 : 1) else { return nil }
        switch kind {
        case .taken: guard let dose else { return nil }; self = .taken(dose)
        case .extra: guard let dose else { return nil }; self = .extra(dose)
        case .skipped: guard let dose else { return nil }; self = .skipped(dose)
        case .missed: guard let dose else { return nil }; self = .missed(dose)
        case .sideEffect: guard let sideEffect else { return nil }; self = .sideEffect(sideEffect)
        case .sideEffectResolved: guard let sideEffect else { return nil }; self = .sideEffectResolved(sideEffect)
        case .pain: guard let pain else { return nil }; self = .pain(pain)
        case .impression: guard let impression else { return nil }; self = .impression(impression)
        case .assessment: guard let assessment else { return nil }; self = .assessment(assessment)
        case .undo: self = .undo
        }
    }
}
