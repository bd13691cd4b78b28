import Foundation

/// A dose event, with a copy of what was planned for its slot at the time, so a later change
/// of plan never rewrites history.
public struct DoseDetail: Codable, Sendable, Equatable {
    /// The scheduled slot it belongs to; `nil` for an extra dose outside any slot.
    public var slot: SlotKey?
    /// What was actually taken (0 for a skip).
    public var doseMg: Milligrams
    /// What the plan asked for at that slot, copied when recorded.
    public var plannedDoseMg: Milligrams?
    public var stepNumber: Int?
    /// Taken more than the late threshold after the slot.
    public var late: Bool

    public init(slot: SlotKey?, doseMg: Milligrams, plannedDoseMg: Milligrams?, stepNumber: Int?, late: Bool) {
        self.slot = slot
        self.doseMg = doseMg
        self.plannedDoseMg = plannedDoseMg
        self.stepNumber = stepNumber
        self.late = late
    }
}
