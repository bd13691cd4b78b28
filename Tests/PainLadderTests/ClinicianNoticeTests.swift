import Foundation
import Testing
@testable import PainLadder

/// The `clinician` notice for a dose above the maximum, and a supply run-out already past
/// (issue 13, Why 6 and 8), planned by the pure reminder rules.
@Suite("Reminders: clinician notices, supply run out in the past")
struct ClinicianNoticeTests {
    @Test("a flagged dose gives one notice keyed by its entry; an unflagged one none")
    func oneNoticePerFlaggedEntry() throws {
        var flagged = Remind.entry(7, .taken, slot: "2026-03-04 22:00", at: "2026-03-04T22:05Z", mg: 500)
        flagged.flags = [ClinicianFlag(.aboveMaximum, "500 mg of amitriptyline recorded as one dose, above the maximum single dose of 75 mg")]
        let plain = Remind.entry(6, .taken, slot: "2026-03-03 22:00", at: "2026-03-03T22:00Z")
        let input = try Remind.amitriptyline(journal: [plain, flagged])
        // Not before it was recorded (a replay of an earlier moment).
        #expect(Remind.plan(input, now: "2026-03-04T22:04Z", lastRun: nil).of(.clinician).isEmpty)
        let notices = Remind.plan(input, now: "2026-03-04T22:10Z", lastRun: nil).of(.clinician)
        #expect(notices.map(\.key) == ["clinician:c12:e7"])
        #expect(notices.first?.audience == .clinician)
        #expect(notices.first?.local == "2026-03-04T22:05")
        #expect(notices.first?.message == "P001 recorded a dose above the maximum (#7 at 22:05 on 2026-03-04): 500 mg of amitriptyline "
            + "recorded as one dose, above the maximum single dose of 75 mg. It may be a typing mistake: please check with the patient.")
        // The same key on every later run: the store hands it out once (end to end: CourseDosesEndToEndTests).
        #expect(Remind.plan(input, now: "2026-03-05T08:00Z", lastRun: "2026-03-04T22:10Z").of(.clinician).map(\.key) == ["clinician:c12:e7"])
    }

    @Test("10 tablets from 03-02 ran out at the 22:00 dose on 03-10: said as past on 03-14, not moved to today")
    func runOutInThePast() throws {
        let drug = try Remind.amitriptyline().drug
        let event = SupplyEvent(id: 1, patientID: "P001", courseID: 12, drug: "amitriptyline", strength: Strength(mg: 10, form: "tablet"),
                                kind: .add, units: 10, at: Remind.at("2026-03-02T09:00Z"), recordedBy: "P001")
        let input = try Remind.amitriptyline(supply: [event])
        let slots = DoseCalendar.slots(versions: input.versions, courseStart: input.course.startDate, from: Remind.d("2026-03-01"),
                                       to: Remind.d("2026-04-14"), zones: input.zones)
        // 03-02..08: 7 × 1; 03-09: 2 (1 left); 03-10 needs 2. Nothing recorded: past doses assumed taken.
        let stock = try #require(SupplyForecast.stock(events: [event], slots: slots, journal: [], drug: drug,
                                                      now: Remind.at("2026-03-14T12:00Z")).first)
        #expect(stock.runsOut?.key == SlotKey(date: Remind.d("2026-03-10"), time: Remind.t("22:00")))
        #expect(stock.ranOut(now: Remind.at("2026-03-14T12:00Z")))
        #expect(stock.onHand == 10 - 7 - 2 * 5)
        #expect(stock.lastUseAfterRunOut == nil, "assumed doses are not doses recorded")
    }
}
