import Foundation
import Testing

/// Issue 12, "Switch pace and warnings": amitriptyline (10 mg from 2026-01-05, +10 mg weekly
/// to 50 mg on 02-02) switched to duloxetine on 2026-03-16 (70 days: the long-use taper,
/// 40 → 30 → 20 → 10 mg weekly, stop 04-13).
@Suite("End to end: switch pace and warnings")
struct SwitchPaceEndToEndTests {
    func switchToDuloxetine(_ mode: String) throws -> String {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try s.addPatient("P1", on: "2026-01-05")
        try s.step(["start", "P1", "amitriptyline", "--on", "2026-01-05", "--by", "Dr A"], at: "2026-01-05T09:00:00Z")
        return try s.step(["decide", "P1", "switch", "duloxetine", mode, "--outcome", "not-effective",
                           "--by", "Dr A", "--reason", "no benefit"], at: "2026-03-16T07:00:00Z")
    }

    // Duloxetine stays at 30 mg until amitriptyline is at least halved: 50 → 20 mg (≤ 25) on
    // 03-30, not 60 mg on 03-23 while amitriptyline is still 30 mg.
    @Test func crossTaperHoldsDuloxetineUntilAmitriptylineIsHalved() throws {
        let out = try switchToDuloxetine("--cross-taper")
        #expect(out.contains("  1     2026-03-16  30 mg  30 mg: 1 × 30 mg gastro-resistant capsule at 08:00"), "\(out)")
        #expect(out.contains("  2     2026-03-30  60 mg  60 mg: 1 × 60 mg gastro-resistant capsule at 08:00"), "\(out)")
        #expect(out.contains("  2026-03-30  20 mg  20 mg: 2 × 10 mg tablets at 22:00"), "the taper reaches 20 mg that day")
        // The pair's cross-taper advice, for a cross-taper.
        #expect(out.contains("Switching amitriptyline → duloxetine: Cross-taper cautiously over 2–4 weeks"))
    }

    // Sequential: duloxetine starts 04-13, the first day without amitriptyline; amitriptyline
    // can still act for 14 days (switching.json), so the interaction is warned of although the
    // plans do not overlap. The cross-taper advice is not printed.
    @Test func sequentialSwitchKeepsTheInteractionAndNotTheCrossTaperAdvice() throws {
        let out = try switchToDuloxetine("--sequential")
        #expect(out.contains("New course: Duloxetine, course 2, starts 2026-04-13 (sequential"))
        #expect(out.contains("! With amitriptyline: risk of serotonin syndrome"), "\(out)")
        #expect(out.contains("! With duloxetine: risk of serotonin syndrome"), "\(out)")
        #expect(!out.contains("Switching amitriptyline → duloxetine:"), "\(out)")
        // Issue 12 item 7: no advice of another mode, in the pair's guidance or in the rules' warnings.
        #expect(!out.lowercased().contains("cross-taper"), "\(out)")
        #expect(out.contains("Watch for serotonin syndrome while both can act."), "\(out)")
    }
}
