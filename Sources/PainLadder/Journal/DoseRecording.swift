import Foundation

/// Turns "I took it" or "I skipped it" into a journal entry: finds the slot, copies the
/// planned dose, marks late doses and extras, and flags a day above the maximum.
public enum DoseRecording {
    /// The course facts recording needs.
    public struct Context: Sendable {
        public var patientID: String
        public var courseID: Int64?
        public var courseStart: LocalDate
        public var drug: Drug
        public var versions: [PlanVersion]
        public var zones: ZoneHistory
        /// The effective journal (corrections applied).
        public var journal: [JournalEntry]

        public init(patientID: String, courseID: Int64?, courseStart: LocalDate, drug: Drug,
                    versions: [PlanVersion], zones: ZoneHistory, journal: [JournalEntry]) {
            self.patientID = patientID
            self.courseID = courseID
            self.courseStart = courseStart
            self.drug = drug
            self.versions = versions
            self.zones = zones
            self.journal = journal
        }

        func slots(around instant: Date) -> [DoseSlot] {
            let day = zones.localDate(instant)
            return DoseCalendar.slots(versions: versions, courseStart: courseStart, from: day.adding(days: -1),
                                      to: day.adding(days: 1), zones: zones)
        }

        var takenKeys: Set<SlotKey> {
            Set(journal.filter { $0.kind == .taken }.compactMap { $0.dose?.slot })
        }
    }

    /// A dose taken at `instant`. `doseMg` defaults to the planned dose of its slot.
    ///
    /// - Parameter confirmed: the person confirmed a dose above the maximum single or daily dose.
    /// - Throws: `invalidValue` for a time in the future, a dose no strength can make or one
    ///   above the formulary's ``Drug/doseEntryLimit`` (a typing mistake);
    ///   `confirmationNeeded` for a dose above the maximum not confirmed.
    public static func take(at instant: Date, doseMg: Milligrams?, note: String?, context c: Context,
                            now: Date, by: String, confirmed: Bool = false) throws -> JournalEntry {
        guard instant <= now.addingTimeInterval(60) else {
            throw PainLadderError.invalidValue(field: .at, given: iso(instant),
                                               allowed: "a time not in the future (a dose is recorded once taken)")
        }
        if let doseMg {
            if let limit = c.drug.doseEntryLimit?.value, doseMg > limit {
                throw PainLadderError.invalidValue(field: .dose, given: "\(doseMg)",
                                                   allowed: "at most \(limit) mg of \(c.drug.id) (a larger number is taken as a typing mistake)")
            }
            try checkMakeable(doseMg, drug: c.drug)
        }
        let slots = c.slots(around: instant)
        let assignment = SlotMatcher.assign(instant, slots: slots, taken: c.takenKeys)
        var entry: JournalEntry
        switch assignment {
        case let .slot(slot, late):
            entry = JournalEntry(patientID: c.patientID, courseID: c.courseID, planVersionID: slot.planVersionID,
                                 at: instant, recordedAt: now, recordedBy: by, note: note,
                                 event: .taken(DoseDetail(slot: slot.key, doseMg: doseMg ?? slot.doseMg,
                                                          plannedDoseMg: slot.doseMg, stepNumber: slot.stepNumber, late: late)))
        case let .extra(nearest):
            let day = c.zones.localDate(instant)
            let plan = DoseCalendar.plan(on: day, versions: c.versions)
            let amount = doseMg ?? nearest?.doseMg ?? plan?.step(on: day)?.administrations.first?.doseMg ?? 0
            guard amount > 0 else {
                throw PainLadderError.invalidValue(field: .dose, given: "(missing)",
                                                   allowed: "the dose in mg: no planned dose is near this time")
            }
            entry = JournalEntry(patientID: c.patientID, courseID: c.courseID, planVersionID: plan?.id,
                                 at: instant, recordedAt: now, recordedBy: by, note: note,
                                 event: .extra(DoseDetail(slot: nil, doseMg: amount, plannedDoseMg: nil,
                                                          stepNumber: nearest?.stepNumber, late: false)))
        }
        entry.flags = aboveMaximumFlags(adding: entry, context: c)
        if !entry.flags.isEmpty, !confirmed {
            throw PainLadderError.confirmationNeeded(Phrase(entry.flags.map(\.message).joined(separator: "; ")))
        }
        return entry
    }

    /// A planned dose not taken. The slot is the nearest one not yet recorded.
    public static func skip(at instant: Date, reason: String, context c: Context, now: Date, by: String) throws -> JournalEntry {
        let recorded = Set(c.journal.filter { $0.kind == .taken || $0.kind == .skipped }.compactMap { $0.dose?.slot })
        guard let slot = SlotMatcher.slotToSkip(instant, slots: c.slots(around: instant), recorded: recorded) else {
            throw PainLadderError.notPossible("skip: no planned dose within 12 hours of that time is left unrecorded")
        }
        return JournalEntry(patientID: c.patientID, courseID: c.courseID, planVersionID: slot.planVersionID,
                            at: instant, recordedAt: now, recordedBy: by, reason: reason,
                            event: .skipped(DoseDetail(slot: slot.key, doseMg: 0, plannedDoseMg: slot.doseMg,
                                                       stepNumber: slot.stepNumber, late: false)))
    }

    /// How close a second dose for a slot already taken must be to the first to be named as a
    /// possible repeat of it (the same dose recorded twice).
    public static let repeatWindow: TimeInterval = 3600

    /// The dose already recorded taken for the slot `extra` was nearest to, when `extra` came
    /// within ``repeatWindow`` of it: the extra may be the same dose recorded twice.
    public static func possibleRepeat(of extra: JournalEntry, context c: Context) -> JournalEntry? {
        guard extra.kind == .extra,
              case let .extra(nearest?) = SlotMatcher.assign(extra.at, slots: c.slots(around: extra.at), taken: c.takenKeys)
        else { return nil }
        return c.journal.last { e in
            e.kind == .taken && e.dose?.slot == nearest.key && abs(e.at.timeIntervalSince(extra.at)) <= repeatWindow
        }
    }

    static func checkMakeable(_ dose: Milligrams, drug: Drug) throws {
        guard dose > 0, Dispensing.units(for: dose, from: drug.strengths.value) != nil else {
            let strengths = drug.strengths.value.map { "\($0.mg)" }.joined(separator: ", ")
            throw PainLadderError.invalidValue(field: .dose, given: "\(dose)",
                                               allowed: "a dose in whole mg made of \(drug.id) strengths (\(strengths) mg)")
        }
    }

    /// Flags a single dose above the drug's maximum single dose, or a local day whose total,
    /// with this entry, goes above the plan's maximum.
    static func aboveMaximumFlags(adding entry: JournalEntry, context c: Context) -> [ClinicianFlag] {
        let day = entry.dose?.slot?.date ?? c.zones.localDate(entry.at)
        var flags: [ClinicianFlag] = []
        if let single = c.drug.maximumSingleDose?.value, let dose = entry.dose?.doseMg, dose > single {
            flags.append(ClinicianFlag(.aboveMaximum,
                                       "\(dose) mg of \(c.drug.id) recorded as one dose, above the maximum single dose of \(single) mg"))
        }
        guard let plan = DoseCalendar.plan(on: day, versions: c.versions) else { return flags }
        let dayTotal = (c.journal + [entry]).filter { e in
            (e.kind == .taken || e.kind == .extra)
                && (e.dose?.slot?.date ?? c.zones.localDate(e.at)) == day
        }.compactMap { $0.dose?.doseMg }.reduce(0, +)
        let maximum = plan.schedule.maximumDailyDose.value
        guard dayTotal > maximum else { return flags }
        return flags + [ClinicianFlag(.aboveMaximum,
                                      "\(dayTotal) mg of \(c.drug.id) recorded for \(day), above the maximum of \(maximum) mg/day")]
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
