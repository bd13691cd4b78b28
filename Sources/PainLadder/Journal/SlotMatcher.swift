import Foundation

/// Which scheduled slot a recorded dose belongs to.
///
/// The rule (also in the README): a dose belongs to the **nearest** scheduled slot within
/// ``window`` (12 hours) either side; on a tie, the earlier slot. So a 00:30 dose counts for
/// the 22:00 slot of the day before, not for tomorrow's. If that slot already has a dose
/// taken, the new one is an **extra**, never a silent overwrite. A dose taken more than
/// ``lateAfter`` (2 hours) after its slot is marked late.
public enum SlotMatcher {
    public static let window: TimeInterval = 12 * 3600
    public static let lateAfter: TimeInterval = 2 * 3600

    public enum Assignment: Equatable, Sendable {
        /// The dose fills this slot.
        case slot(DoseSlot, late: Bool)
        /// Beyond the plan: the slot was already taken, or no slot is near.
        case extra(nearest: DoseSlot?)
    }

    /// - Parameters:
    ///   - slots: the slots around `instant` (the day before to the day after is enough).
    ///   - taken: slot keys that already have a taken dose.
    public static func assign(_ instant: Date, slots: [DoseSlot], taken: Set<SlotKey>) -> Assignment {
        let near = slots.filter { abs($0.instant.timeIntervalSince(instant)) <= window }
        guard let nearest = near.min(by: { a, b in
            let da = abs(a.instant.timeIntervalSince(instant)), db = abs(b.instant.timeIntervalSince(instant))
            return da == db ? a.instant < b.instant : da < db
        }) else { return .extra(nearest: nil) }
        if taken.contains(nearest.key) { return .extra(nearest: nearest) }
        return .slot(nearest, late: instant.timeIntervalSince(nearest.instant) > lateAfter)
    }

    /// The slot a skip refers to: the nearest slot not already recorded, within the window.
    public static func slotToSkip(_ instant: Date, slots: [DoseSlot], recorded: Set<SlotKey>) -> DoseSlot? {
        slots.filter { abs($0.instant.timeIntervalSince(instant)) <= window && !recorded.contains($0.key) }
            .min { abs($0.instant.timeIntervalSince(instant)) < abs($1.instant.timeIntervalSince(instant)) }
    }
}
