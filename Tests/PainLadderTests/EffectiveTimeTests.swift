import Foundation
import Testing
@testable import PainLadder

/// The rule "effective from the next slot" on plain values: the effective time of an instant,
/// and which version owns each slot of a day on which a version begins during the day.
@Suite("Plan versions: effective from the next slot")
struct EffectiveTimeTests {
    let london = TimeZone(identifier: "Europe/London")!

    func d(_ s: String) -> LocalDate { LocalDate(parsing: s)! }
    func t(_ s: String) -> LocalTime { LocalTime(parsing: s)! }
    func at(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

    @Test("the instant's local minute, rounded up; nil for a later day")
    func effectiveTime() {
        #expect(PlanVersion.effectiveTime(at: at("2026-03-16T11:05:00Z"), on: d("2026-03-16"), zone: london) == t("11:05"))
        #expect(PlanVersion.effectiveTime(at: at("2026-03-16T11:05:30Z"), on: d("2026-03-16"), zone: london) == t("11:06"))
        // After the spring change London is on BST: 10:05Z is 11:05 local.
        #expect(PlanVersion.effectiveTime(at: at("2026-03-30T10:05:00Z"), on: d("2026-03-30"), zone: london) == t("11:05"))
        #expect(PlanVersion.effectiveTime(at: at("2026-03-16T11:05:00Z"), on: d("2026-03-17"), zone: london) == nil)
    }

    func step(_ n: Int, _ from: String, _ mg: Milligrams) -> TitrationStep {
        TitrationStep(number: n, startDate: d(from), administrations: ["08:00", "20:00"].map {
            Administration(time: t($0), doseMg: mg, units: [])
        }, minimumDays: 3, beyondTarget: false)
    }

    func version(_ n: Int, _ steps: [TitrationStep], from: String, time: String?, hold: String? = nil) -> PlanVersion {
        PlanVersion(id: Int64(n), courseID: 1, version: n, replacesID: n == 1 ? nil : Int64(n - 1), createdAt: .distantPast,
                    author: "t", reason: "t", schedule: Schedule(drug: "pregabalin", variant: "standard", renalBand: nil, steps: steps,
                                                           maximumDailyDose: Sourced(600, sources: ["S"], status: .confirmed),
                                                           usualTarget: Sourced(300, sources: ["S"], status: .confirmed),
                                                           cautions: [], offLabel: false),
                    effectiveFrom: d(from), effectiveTime: time.map(t), holdReason: hold)
    }

    @Test("a start at 11:05 has no 08:00 slot; a decision at 11:05 owns only the 20:00 slot")
    func slotsOfTheDay() {
        let v1 = version(1, [step(1, "2026-03-02", 75), step(2, "2026-03-09", 150)], from: "2026-03-02", time: "11:05")
        let first = DoseCalendar.slots(versions: [v1], courseStart: d("2026-03-02"), from: d("2026-03-02"), to: d("2026-03-02"),
                                       zones: ZoneHistory(single: "Europe/London"))
        #expect(first.map(\.key.description) == ["2026-03-02 20:00"])
        let v2 = version(2, [step(1, "2026-03-02", 75), step(2, "2026-03-05", 150)], from: "2026-03-05", time: "11:05")
        let day = DoseCalendar.slots(versions: [v1, v2], courseStart: d("2026-03-02"), from: d("2026-03-05"), to: d("2026-03-06"),
                                     zones: ZoneHistory(single: "Europe/London"))
        #expect(day.map { "\($0.key) \($0.doseMg) v\($0.planVersion)" }
                == ["2026-03-05 08:00 75 v1", "2026-03-05 20:00 150 v2", "2026-03-06 08:00 150 v2", "2026-03-06 20:00 150 v2"])
    }

    @Test("a hold before the first dose of a step-up day keeps the step before; after it, the new step")
    func holdOnTheStepUpDay() {
        let steps = [step(1, "2026-03-02", 75), step(2, "2026-03-09", 150), step(3, "2026-03-16", 300)]
        let early = version(2, steps, from: "2026-03-09", time: "07:00", hold: "dizzy")
        #expect(early.step(on: d("2026-03-09"))?.dailyTotal == 150)
        #expect(early.step(on: d("2026-03-20"))?.dailyTotal == 150)
        let late = version(2, steps, from: "2026-03-09", time: "09:00", hold: "dizzy")
        #expect(late.step(on: d("2026-03-20"))?.dailyTotal == 300)
        #expect(version(1, steps, from: "2026-03-02", time: nil).stepInForce(on: d("2026-03-09"), at: t("07:00"))?.number == 1)
    }
}
