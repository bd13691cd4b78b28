import Foundation
import PainLadder

/// What the patient holds.
extension Clinic {
    /// The patient's recorded supply and what the plan makes of it.
    public struct SupplyView: Sendable, Encodable {
        public var patientID: String
        public var drug: String
        public var courseID: Int64
        public var stocks: [Stock]
        public var events: [SupplyEvent]

        public struct Stock: Sendable, Encodable {
            public var stock: SupplyStock
            /// The day a new prescription is asked for (``ReminderPolicy/supplyLeadDays`` before it
            /// runs out), never before today.
            public var requestFrom: LocalDate?
            /// Whether the run-out is already past (it keeps its own date).
            public var ranOut: Bool
        }
    }

    /// Records units collected (`.add`) or counted in hand (`.count`) of one strength of the
    /// current drug.
    ///
    /// - Throws: `invalidValue` for `--strength` when the drug has no such strength;
    ///   `notPossible` with no course in progress.
    @discardableResult
    public func recordSupply(patientID: String, kind: SupplyEvent.Kind, units: Int, strengthMg: Milligrams,
                             by: String, now: Date) throws -> SupplyEvent {
        try permit(.patient(patientID))
        try StoredText.check(by, field: .by, required: true)
        let s = try store.snapshot(patientID: patientID)
        let (course, drug) = try requireCourse(s)
        guard let strength = drug.strengths.value.first(where: { $0.mg == strengthMg }) else {
            let known = drug.strengths.value.map { "\($0.mg) mg \($0.form)" }.joined(separator: ", ")
            throw PainLadderError.invalidValue(field: .strength, given: "\(strengthMg)",
                                               allowed: "a strength of \(drug.id): \(known)")
        }
        let event = SupplyEvent(patientID: patientID, courseID: course.id!, drug: drug.id, strength: strength,
                                kind: kind, units: units, at: now, recordedBy: by)
        return try movingSlots(now: now) { try store.addSupply(event, recordedAt: now) }
    }

    /// Stock by strength: in hand now, and when the plan's coming doses use it up.
    public func supply(patientID: String, now: Date, policy: ReminderPolicy = .standard) throws -> SupplyView {
        let s = try store.snapshot(patientID: patientID)
        let (course, drug) = try requireCourse(s)
        let events = try store.supplyEvents(courseID: course.id!)
        var stocks: [SupplyView.Stock] = []
        if let start = SupplyForecast.consumptionStart(events) {
            let zone = s.zones.zone(on: LocalDate(now, in: s.patient.zone))
            let slots = DoseCalendar.slots(versions: s.versions, courseStart: course.startDate,
                                           from: LocalDate(start, in: zone).adding(days: -1),
                                           to: LocalDate(now, in: zone).adding(days: policy.supplyHorizonDays), zones: s.zones)
            stocks = SupplyForecast.stock(events: events, slots: slots, journal: s.effectiveJournal, drug: drug, now: now,
                                          coverDays: drug.controlledDrug?.value.maximumSupplyDays)
                .map { stock in
                    let today = s.zones.localDate(now)
                    return .init(stock: stock,
                                 requestFrom: stock.runsOut.map { max($0.key.date.adding(days: -policy.supplyLeadDays), today) },
                                 ranOut: stock.ranOut(now: now))
                }
        }
        return SupplyView(patientID: patientID, drug: drug.id, courseID: course.id!, stocks: stocks, events: events)
    }
}
