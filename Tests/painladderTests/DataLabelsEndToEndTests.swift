import Foundation
import Testing

/// Issue 12, "Data and labels": the UK pain strengths of duloxetine, the UK SmPC gabapentin
/// renal bands in three doses, the Toth table's first row, and PainLadder's own defaults shown
/// as `choice`.
@Suite("End to end: data and labels")
struct DataLabelsEndToEndTests {
    // Duloxetine 60 mg since 01-12, stopped on 03-16: halved to 30 mg for a week, then the
    // 20 mg step (a taper-only strength, labelled choice) for a week, stop 03-30.
    @Test func duloxetineTitratesWithThirtyAndSixtyAndTapersThroughTwenty() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try s.addPatient("P1")
        let start = try s.step(["start", "P1", "duloxetine", "--on", "2026-01-05", "--by", "Dr A"], at: "2026-01-04T11:00:00Z")
        #expect(start.contains("  1     2026-01-05  30 mg  30 mg: 1 × 30 mg gastro-resistant capsule at 08:00"))
        #expect(start.contains("  2     2026-01-12  60 mg  60 mg: 1 × 60 mg gastro-resistant capsule at 08:00"))
        #expect(!start.contains("× 20 mg") && !start.contains("× 40 mg"), "\(start)")
        let stop = try s.step(["decide", "P1", "stop", "--outcome", "not-effective", "--by", "Dr A", "--reason", "no benefit"],
                              at: "2026-03-16T07:00:00Z")
        #expect(stop.contains("at least 14 days; lasts 14 days [S25, S12; choice]"), "\(stop)")
        #expect(stop.contains("  2026-03-16  30 mg  30 mg: 1 × 30 mg gastro-resistant capsule at 08:00"))
        #expect(stop.contains("  2026-03-23  20 mg  20 mg: 1 × 20 mg gastro-resistant capsule at 08:00"))
        #expect(stop.contains("  2026-03-30  stop"))
    }

    // CrCl 20: the 15–29 band, at most 600 mg/day from the UK SmPC [S92], in up to three doses.
    @Test func gabapentinRenalBandCitesTheUKSmPCInThreeDoses() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try s.addPatient("P2", crcl: "20")
        let out = try s.step(["start", "P2", "gabapentin", "--on", "2026-01-05", "--by", "Dr A"], at: "2026-01-04T11:00:00Z")
        #expect(out.contains("renal band CrCl 15 to <30 mL/min"))
        #expect(out.contains("Maximum for this patient: 600 mg/day [S92; unconfirmed]"), "\(out)")
        #expect(out.contains("  3     2026-01-19  300 mg  100 mg: 1 × 100 mg capsule at 08:00; 100 mg: 1 × 100 mg capsule at 14:00; "
            + "100 mg: 1 × 100 mg capsule at 22:00"), "\(out)")
        #expect(out.contains("  6     600 mg  200 mg: 2 × 100 mg capsules at 08:00; 200 mg: 2 × 100 mg capsules at 14:00; "
            + "200 mg: 2 × 100 mg capsules at 22:00"), "\(out)")
    }

    // Gabapentin 600 mg/day on 01-06 (up to 900 mg: the table's first row) → pregabalin 150.
    @Test func directSwitchUsesTheFirstConversionRow() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try s.addPatient("P3")
        try s.step(["start", "P3", "gabapentin", "--on", "2026-01-05", "--by", "Dr A"], at: "2026-01-04T11:00:00Z")
        let out = try s.step(["decide", "P3", "switch", "pregabalin", "--direct", "--outcome", "not-tolerated",
                              "--by", "Dr A", "--reason", "drowsy"], at: "2026-01-06T12:00:00Z")
        #expect(out.contains("gabapentin 600 mg/day ≈ pregabalin 150 mg/day"), "\(out)")
        #expect(out.contains("first dose 150 mg/day"))
    }

    // PainLadder's defaults are shown as `choice` where numbers are shown; the relabelled values too.
    @Test func painLadderDefaultsAreShownAsChoice() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        let pregabalin = try s.step(["formulary", "show", "pregabalin"], at: "2026-01-04T09:00:00Z")
        #expect(pregabalin.contains("[S51; choice]"), "the usual target, the low end of 300–600:\n\(pregabalin)")
        let gabapentin = try s.step(["formulary", "show", "gabapentin"], at: "2026-01-04T09:00:00Z")
        #expect(gabapentin.contains("[S45, S12, S13; local]"), "the taper rate is local:\n\(gabapentin)")
        let amitriptyline = try s.step(["formulary", "show", "amitriptyline"], at: "2026-01-04T09:00:00Z")
        #expect(amitriptyline.contains("Consider an ECG first. [S20, S76; unconfirmed]"), "\(amitriptyline)")
    }
}
