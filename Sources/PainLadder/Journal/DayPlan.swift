import Foundation

/// What a patient takes on one day and what is already recorded: the answer to
/// "what do I take today, and how".
public struct DayPlan: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Recorded as taken.
        case taken
        /// Recorded as skipped.
        case skipped
        /// Not recorded, and its time has come (within the late window).
        case due
        /// Not recorded and more than ``SlotMatcher/lateAfter`` past its time.
        case overdue
        /// Later today.
        case upcoming
    }

    public struct Item: Codable, Sendable, Equatable {
        public var slot: DoseSlot
        public var state: State
        /// The entry that records it, if any.
        public var entryID: Int64?
        public var takenAt: Date?
        public var takenMg: Milligrams?
    }

    public var date: LocalDate
    public var items: [Item]
    /// Extra doses recorded on this day, outside the plan.
    public var extras: [JournalEntry]
    /// The step in force today, and the one before it when the dose changes today.
    public var step: TitrationStep?
    public var changesToday: Bool
    /// Yesterday's daily total, when the dose changes today.
    public var previousDailyTotal: Milligrams?
    /// When a decision made today changes the dose from a slot after today's first
    /// (effective from the next dose): the time of the first dose under the new plan. The
    /// earlier doses today keep the plan that was in force, so "from today" would be wrong.
    public var changesAt: LocalTime?
    /// The step that starts tomorrow, when the dose changes tomorrow.
    public var changesTomorrow: TitrationStep?
    public var holdReason: String?

    /// - Parameters:
    ///   - slots: slots for `date` and the next day (for "changes tomorrow").
    ///   - entries: the effective journal.
    public init(date: LocalDate, now: Date, slots: [DoseSlot], entries: [JournalEntry],
                versions: [PlanVersion], zones: ZoneHistory) {
        self.date = date
        let today = slots.filter { $0.key.date == date }
        var byKey: [SlotKey: JournalEntry] = [:]
        for e in entries where e.kind == .taken || e.kind == .skipped {
            if let key = e.dose?.slot, byKey[key]?.kind != .taken { byKey[key] = e }
        }
        items = today.map { slot in
            if let e = byKey[slot.key] {
                return Item(slot: slot, state: e.kind == .taken ? .taken : .skipped, entryID: e.id,
                            takenAt: e.kind == .taken ? e.at : nil, takenMg: e.dose?.doseMg)
            }
            let state: State = slot.instant > now ? .upcoming
                : now.timeIntervalSince(slot.instant) > SlotMatcher.lateAfter ? .overdue : .due
            return Item(slot: slot, state: state, entryID: nil, takenAt: nil, takenMg: nil)
        }
        extras = entries.filter { $0.kind == .extra && zones.localDate($0.at) == date }
        let plan = DoseCalendar.plan(on: date, versions: versions)
        step = plan?.step(on: date)
        holdReason = plan?.holdReason
        let yesterday = DoseCalendar.plan(on: date.adding(days: -1), versions: versions)?.step(on: date.adding(days: -1))
        changesToday = step != nil && yesterday != nil && yesterday?.dailyTotal != step?.dailyTotal
        previousDailyTotal = changesToday ? yesterday?.dailyTotal : nil
        if let (at, before) = Self.midDayChange(on: date, slots: today, versions: versions) {
            // Today is split: the comparison is with the plan the earlier doses kept, not yesterday.
            changesToday = before?.dailyTotal != step?.dailyTotal && step != nil
            previousDailyTotal = changesToday ? before?.dailyTotal : nil
            changesAt = changesToday ? at : nil
        }
        let tomorrow = DoseCalendar.plan(on: date.adding(days: 1), versions: versions)?.step(on: date.adding(days: 1))
        changesTomorrow = (tomorrow != nil && tomorrow?.dailyTotal != step?.dailyTotal) ? tomorrow : nil
    }

    /// The first slot time under a version that began today after the day's first slot, and
    /// the step the earlier slots kept; `nil` when today's plan applies to all of today.
    static func midDayChange(on date: LocalDate, slots: [DoseSlot],
                             versions: [PlanVersion]) -> (LocalTime, TitrationStep?)? {
        guard let i = versions.lastIndex(where: { $0.effectiveFrom <= date }),
              versions[i].effectiveFrom == date, let time = versions[i].effectiveTime,
              slots.contains(where: { $0.key.time < time }),
              let first = slots.map(\.key.time).filter({ $0 >= time }).min() else { return nil }
        let earlier = DoseCalendar.plan(on: date, versions: Array(versions[..<i]))
        return (first, earlier?.step(on: date))
    }

    /// Total recorded today, planned and extra, to check against the maximum.
    public var takenTodayMg: Milligrams {
        items.compactMap(\.takenMg).reduce(0, +) + extras.compactMap { $0.dose?.doseMg }.reduce(0, +)
    }
}

/// Matching what a patient types to the formulary's side effects for the drug.
public enum SymptomMatcher {
    /// The formulary entry for `text` (by id, label or alias, ignoring case, spaces and
    /// hyphens), and whether it is a red flag; `nil` when it is free text.
    public static func match(_ text: String, drug: Drug) -> (effect: SideEffect, redFlag: Bool)? {
        let key = normalise(text)
        let candidates = drug.sideEffects.redFlags.value.map { ($0, true) } + drug.sideEffects.common.value.map { ($0, false) }
        return candidates.first { effect, _ in
            ([effect.id, effect.label] + (effect.aliases ?? [])).contains { normalise($0) == key }
        }.map { (effect: $0.0, redFlag: $0.1) }
    }

    /// ``match(_:drug:)`` for many texts against one drug: every id, label and alias is
    /// normalised once, and a text is one dictionary lookup. A review matches every report
    /// of two years; doing it one by one normalised the whole list again for each.
    public struct Table: Sendable {
        /// Normalised name → the first candidate (red flags, then common) that has it, as
        /// `match` finds the first candidate with any name equal to the text.
        private var byName: [String: (effect: SideEffect, redFlag: Bool)] = [:]

        public init(drug: Drug) {
            let candidates = drug.sideEffects.redFlags.value.map { ($0, true) } + drug.sideEffects.common.value.map { ($0, false) }
            for (effect, redFlag) in candidates {
                for name in [effect.id, effect.label] + (effect.aliases ?? []) {
                    let key = SymptomMatcher.normalise(name)
                    if byName[key] == nil { byName[key] = (effect, redFlag) }
                }
            }
        }

        public func match(_ text: String) -> (effect: SideEffect, redFlag: Bool)? {
            byName[SymptomMatcher.normalise(text)]
        }
    }

    /// Lowercased, keeping only letters and digits. ASCII text (nearly every report) is done
    /// on its UTF-8 bytes, where the rule is exactly "A–Z to a–z, keep a–z and 0–9"; anything
    /// else goes the Unicode way (``normaliseUnicode(_:)``), so "Schläfrig" and "ＮＡＵＳＥＡ"
    /// read as before.
    static func normalise(_ s: String) -> String {
        var s = s
        let ascii = s.withUTF8 { u -> String? in
            for b in u where b >= 0x80 { return nil }
            guard !u.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: u.count) { out in
                var n = 0
                for b in u {
                    switch b {
                    case 65...90: out[n] = b + 32; n += 1          // A–Z
                    case 97...122, 48...57: out[n] = b; n += 1     // a–z, 0–9
                    default: break
                    }
                }
                return n
            }
        }
        return ascii ?? normaliseUnicode(s)
    }

    /// The rule itself, on characters: what ``normalise(_:)`` must agree with.
    static func normaliseUnicode(_ s: String) -> String {
        s.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// The design rule: a side effect at or above the pathway's threshold (moderate, by default)
/// while a course is titrating holds the next step-up until a clinician reviews it.
public enum HoldPolicy {
    /// - Parameter time: the local time of the report on `date`; a step-up due later that day
    ///   (its first dose at or after `time`) is still to come. `nil`: the whole day has begun.
    public static func holdsStepUp(severity: Severity, threshold: String, plan: PlanVersion, on date: LocalDate,
                                   at time: LocalTime? = nil) -> Bool {
        guard plan.holdReason == nil, let limit = Severity(rawValue: threshold), severity >= limit else { return false }
        let current = time.map { plan.stepInForce(on: date, at: $0) } ?? plan.step(on: date)
        // Only while titrating: a later planned step still to come.
        return plan.schedule.plannedSteps.contains { step in
            step.startDate >= date && step.number > (current?.number ?? 0) && step.dailyTotal > (current?.dailyTotal ?? 0)
        }
    }
}
