import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// Supply by the plan's coming doses, worked by hand.
@Suite("Reminders: supply running out, by the plan")
struct SupplyForecastTests {
    let tablet10 = Strength(mg: 10, form: "tablet")

    func add(_ id: Int64, _ units: Int, _ strength: Strength, at: String, drug: String = "amitriptyline") -> SupplyEvent {
        SupplyEvent(id: id, patientID: "P001", courseID: 12, drug: drug, strength: strength, kind: .add, units: units,
                    at: Remind.at(at), recordedBy: "P001")
    }

    @Test("56 × 10 mg amitriptyline on a climbing plan runs out on 03-26, not after 56 days; asked for 7 days before")
    func amitriptylineStepUps() throws {
        // Used by the plan: 03-02..08 1 a night (7), 03-09..15 2 (14), 03-16..22 3 (21), from
        // 03-23 4 (40 mg = 4 × 10 mg). 56 − 7 − 14 − 21 = 14 left on 03-23: 03-23, 24, 25 use
        // 12, leaving 2; the 4 needed at 22:00 on 03-26 are not there. (At today's 10 mg a
        // night they would last until 04-26.)
        let input = try Remind.amitriptyline(supply: [add(1, 56, tablet10, at: "2026-03-02T09:00Z")])
        #expect(Remind.plan(input, now: "2026-03-19T07:59Z", lastRun: nil).of(.supply).isEmpty)
        let r = try #require(Remind.plan(input, now: "2026-03-19T08:00Z", lastRun: nil).of(.supply).first)
        #expect(r.key == "supply:c12:10mg:e1")
        #expect(r.audience == .patient)
        #expect(r.local == "2026-03-26T22:00")
        // By 03-19 08:00 the plan used 7 + 14 + 9 (03-16..18) = 30: 26 left.
        #expect(r.message == "Ask for a new prescription of amitriptyline 10 mg tablets: about 26 left; "
            + "by the plan's coming doses they run out at the 22:00 dose on 2026-03-26.")

        // A skipped dose uses nothing: 27 left, still out on 03-26 (27 − 12 = 15; 15 − 12 = 3 < 4).
        let skipped = try Remind.amitriptyline(journal: [Remind.entry(5, .skipped, slot: "2026-03-03 22:00", at: "2026-03-03T22:00Z")],
                                               supply: [add(1, 56, tablet10, at: "2026-03-02T09:00Z")])
        let s = try #require(Remind.plan(skipped, now: "2026-03-19T08:00Z", lastRun: nil).of(.supply).first)
        #expect(s.message.contains("about 27 left"))
        #expect(s.local == "2026-03-26T22:00")

        // A count replaces the estimate: 30 counted on 03-19 at 08:00 → 03-19..22 use 12 (18
        // left), 03-23..25 use 12 (6), 03-26 uses 4 (2), 03-27 needs 4: out at 22:00 on 03-27,
        // asked for from 03-20 08:00.
        let counted = try Remind.amitriptyline(supply: [add(1, 56, tablet10, at: "2026-03-02T09:00Z"),
                                                        SupplyEvent(id: 2, patientID: "P001", courseID: 12, drug: "amitriptyline",
                                                                    strength: tablet10, kind: .count, units: 30,
                                                                    at: Remind.at("2026-03-19T08:00Z"), recordedBy: "P001")])
        #expect(Remind.plan(counted, now: "2026-03-20T07:59Z", lastRun: nil).of(.supply).isEmpty)
        let c = try #require(Remind.plan(counted, now: "2026-03-20T08:00Z", lastRun: nil).of(.supply).first)
        #expect(c.key == "supply:c12:10mg:e2")
        #expect(c.local == "2026-03-27T22:00")
    }

    @Test("pregabalin, a Schedule 3 controlled drug: the request says 30 days' supply at most, valid 28 days")
    func controlledDrug() throws {
        // 75 mg at 08:00 and 20:00 (1 × 75 mg capsule each) from 03-02, 150 mg each from 03-09.
        // 28 × 150 mg collected on 03-05: the plan takes 2 a day from 03-09, 14 days, so the
        // 08:00 dose on 03-23 is the first not covered; asked for from 03-16 08:00 (GMT).
        // By then 03-09..15 (14) and 03-16 08:00 (1) are used: 13 left.
        let c75 = Strength(mg: 75, form: "capsule"), c150 = Strength(mg: 150, form: "capsule")
        func admin(_ time: String, _ s: Strength) -> Administration {
            Administration(time: Remind.t(time), doseMg: s.mg, units: [UnitCount(strength: s, count: 1)])
        }
        let start = Remind.d("2026-03-02")
        let schedule = Schedule(drug: "pregabalin", variant: "standard", renalBand: nil, steps: [
            TitrationStep(number: 1, startDate: start, administrations: [admin("08:00", c75), admin("20:00", c75)],
                          minimumDays: 3, beyondTarget: false),
            TitrationStep(number: 2, startDate: Remind.d("2026-03-09"), administrations: [admin("08:00", c150), admin("20:00", c150)],
                          minimumDays: 7, beyondTarget: false),
        ], maximumDailyDose: Sourced(600, sources: ["S"], status: .confirmed),
           usualTarget: Sourced(300, sources: ["S"], status: .confirmed), cautions: [], offLabel: false)
        let input = Remind.input([Remind.version(1, schedule, from: start)], course: Remind.course(drug: "pregabalin", start: start),
                                 drug: try FormularyLoader.bundled().drug("pregabalin"),
                                 supply: [add(7, 28, c150, at: "2026-03-05T12:00Z", drug: "pregabalin")])
        #expect(Remind.plan(input, now: "2026-03-16T07:59Z", lastRun: nil).of(.supply).isEmpty)
        let r = try #require(Remind.plan(input, now: "2026-03-16T08:00Z", lastRun: nil).of(.supply).first)
        #expect(r.key == "supply:c12:150mg:e7")
        #expect(r.local == "2026-03-23T08:00")
        // 30 days from 03-23 (03-23..04-21) at 2 a day: 60 capsules.
        #expect(r.message == "Ask for a new prescription of pregabalin 150 mg capsules: about 13 left; by the plan's coming "
            + "doses they run out at the 08:00 dose on 2026-03-23. Pregabalin is a Schedule 3 controlled drug: a prescription "
            + "covers at most 30 days (60 × 150 mg capsules for 30 days from 2026-03-23 by the plan) and is valid for 28 days "
            + "from the date on it.")
    }

    @Test("a strength the plan no longer uses never runs out")
    func unusedStrength() throws {
        let tablet50 = Strength(mg: 50, form: "tablet")
        let input = try Remind.amitriptyline(supply: [add(1, 28, tablet50, at: "2026-03-02T09:00Z")])
        #expect(Remind.plan(input, now: "2026-03-20T08:00Z", lastRun: nil).of(.supply).isEmpty)
    }
}
