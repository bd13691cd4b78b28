import Foundation

/// What a patient recorded about the medicine they hold: a pack collected (`add`) or a
/// count of what is left (`count`, which replaces everything before it for that strength).
/// Append-only, like the journal.
public struct SupplyEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Units collected (a new pack), added to what is held.
        case add
        /// Units counted in hand: the stock from now on, whatever came before.
        case count
    }

    /// Assigned by the store.
    public var id: Int64?
    public var patientID: String
    public var courseID: Int64
    public var drug: String
    public var strength: Strength
    public var kind: Kind
    public var units: Int
    /// When the pack was collected or the count made.
    public var at: Date
    public var recordedBy: String

    public init(id: Int64? = nil, patientID: String, courseID: Int64, drug: String, strength: Strength,
                kind: Kind, units: Int, at: Date, recordedBy: String) {
        self.id = id
        self.patientID = patientID
        self.courseID = courseID
        self.drug = drug
        self.strength = strength
        self.kind = kind
        self.units = units
        self.at = at
        self.recordedBy = recordedBy
    }
}

/// The estimated stock of one strength and when the plan's coming doses use it up.
public struct SupplyStock: Codable, Sendable, Equatable {
    public var strength: Strength
    /// Units in hand now (negative when the plan used more than was recorded).
    public var onHand: Int
    /// The latest supply event for this strength (the key of its prescription request).
    public var lastEventID: Int64?
    /// The first planned dose the stock cannot cover, within the horizon; `nil` when the
    /// plan's coming doses never use it up (or no longer use this strength). It may be in
    /// the past (the stock already ran out by the plan's count): ``ranOut(now:)``.
    public var runsOut: DoseSlot?
    /// Units of this strength the plan's doses need over ``coverDays`` from ``runsOut``.
    public var unitsForCover: Int?
    public var coverDays: Int?
    /// The last dose recorded taken (or extra) after a past run-out: doses are still being
    /// taken with no supply on record.
    public var lastUseAfterRunOut: Date?

    public init(strength: Strength, onHand: Int, lastEventID: Int64?, runsOut: DoseSlot?, unitsForCover: Int?,
                coverDays: Int?, lastUseAfterRunOut: Date? = nil) {
        self.strength = strength
        self.onHand = onHand
        self.lastEventID = lastEventID
        self.runsOut = runsOut
        self.unitsForCover = unitsForCover
        self.coverDays = coverDays
        self.lastUseAfterRunOut = lastUseAfterRunOut
    }

    /// Whether the run-out is already past at `now`.
    public func ranOut(now: Date) -> Bool {
        runsOut.map { $0.instant <= now } ?? false
    }
}

/// Stock from recorded supply, by the plan (not by today's dose).
///
/// The rule (also in the README):
/// - Stock of a strength starts at its latest `count`, or at zero before its first `add`;
///   each later `add` adds to it.
/// - Each planned dose after that uses the units the plan makes it from: a dose recorded
///   taken uses what was taken (at the time it was taken), a skipped dose uses nothing,
///   and a past dose with nothing recorded is assumed taken (so the estimate errs towards
///   asking early, never late). Extra doses use their units too.
/// - The coming doses are the **plan's**, day by day, step-ups included: 56 × 10 mg
///   amitriptyline tablets last 56 days at 10 mg a night but far fewer on a plan that
///   climbs to 40 mg.
/// - A run-out may be in the past: the first planned dose, recorded or assumed taken, that
///   the stock could not cover. It is stated as past, with its date, never moved to today.
public enum SupplyForecast {
    /// The earliest moment any strength's stock is counted from: the journal must be read from here.
    public static func consumptionStart(_ events: [SupplyEvent]) -> Date? {
        Dictionary(grouping: events, by: { $0.strength.mg }).values.compactMap { base(of: $0)?.at }.min()
    }

    /// - Parameters:
    ///   - slots: the course's slots from ``consumptionStart(_:)`` to at least `horizonEnd`, time order.
    ///   - journal: the effective journal over the same days.
    ///   - coverDays: also count the units needed for this many days from the run-out day
    ///     (a controlled drug's maximum supply), or `nil`.
    public static func stock(events: [SupplyEvent], slots: [DoseSlot], journal: [JournalEntry], drug: Drug,
                             now: Date, coverDays: Int? = nil) -> [SupplyStock] {
        let byStrength = Dictionary(grouping: events, by: { $0.strength.mg })
        var recorded: [SlotKey: JournalEntry] = [:]
        for e in journal where e.kind == .taken || e.kind == .skipped {
            if let key = e.dose?.slot, recorded[key]?.kind != .taken { recorded[key] = e }
        }
        let extras = journal.filter { $0.kind == .extra }
        return byStrength.keys.sorted().compactMap { mg -> SupplyStock? in
            let list = byStrength[mg]!.sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
            guard let start = base(of: list) else { return nil }
            var onHand = start.kind == .count ? start.units : 0
            for e in list where e.kind == .add && (e.at, e.id ?? 0) >= (start.at, start.id ?? 0) { onHand += e.units }
            // The past, in time order: recorded doses, assumed doses and extras use units; the
            // first planned dose the stock could not cover is when it ran out.
            var used: [(at: Date, units: Int, slot: DoseSlot?, recorded: Bool)] = []
            var future: [DoseSlot] = []
            for slot in slots {
                if let e = recorded[slot.key] {
                    if e.kind == .taken, e.at > start.at { used.append((e.at, units(of: mg, taken: e, slot: slot, drug: drug), slot, true)) }
                } else if slot.instant <= now {
                    if slot.instant > start.at { used.append((slot.instant, units(of: mg, in: slot.administration.units), slot, false)) }
                } else {
                    future.append(slot)
                }
            }
            for e in extras where e.at > start.at && e.at <= now {
                used.append((e.at, e.dose.map { units(of: mg, in: Dispensing.units(for: $0.doseMg, from: drug.strengths.value) ?? []) } ?? 0, nil, true))
            }
            var runsOut: DoseSlot?
            var takenAfterRunOut: Date?
            for use in used.sorted(by: { $0.at < $1.at }) where use.units > 0 {
                if runsOut == nil, onHand < use.units, let slot = use.slot { runsOut = slot }
                else if runsOut != nil, use.recorded { takenAfterRunOut = use.at }
                onHand -= use.units
            }
            var left = onHand
            for slot in future where runsOut == nil {
                let need = units(of: mg, in: slot.administration.units)
                if need == 0 { continue }
                if left < need { runsOut = slot; break }
                left -= need
            }
            var cover: Int?
            if let runsOut, let coverDays {
                // A run-out already past is covered from the coming doses on.
                let from = runsOut.instant <= now ? (future.first?.key.date ?? runsOut.key.date) : runsOut.key.date
                let end = from.adding(days: coverDays)
                cover = future.filter { $0.key.date >= from && $0.key.date < end }
                    .reduce(0) { $0 + units(of: mg, in: $1.administration.units) }
            }
            return SupplyStock(strength: start.strength, onHand: onHand, lastEventID: list.last?.id,
                               runsOut: runsOut, unitsForCover: cover, coverDays: runsOut == nil ? nil : coverDays,
                               lastUseAfterRunOut: takenAfterRunOut)
        }
    }

    /// Where counting starts for one strength: its latest count, else its first add.
    static func base(of events: [SupplyEvent]) -> SupplyEvent? {
        let sorted = events.sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
        return sorted.last { $0.kind == .count } ?? sorted.first
    }

    static func units(of mg: Milligrams, in units: [UnitCount]) -> Int {
        units.filter { $0.strength.mg == mg }.reduce(0) { $0 + $1.count }
    }

    static func units(of mg: Milligrams, taken e: JournalEntry, slot: DoseSlot, drug: Drug) -> Int {
        guard let dose = e.dose else { return 0 }
        if dose.doseMg == slot.doseMg { return units(of: mg, in: slot.administration.units) }
        return units(of: mg, in: Dispensing.units(for: dose.doseMg, from: drug.strengths.value) ?? [])
    }
}
