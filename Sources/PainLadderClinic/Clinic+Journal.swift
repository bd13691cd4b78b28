import Foundation
import PainLadder

/// The patient's journal: doses, side effects, pain, impressions, assessments, corrections.
extension Clinic {
    /// The result of recording: the entries written and any plan version it created.
    public struct Recorded: Sendable {
        public var entries: [JournalEntry]
        public var newPlan: PlanVersion?
        /// The patient's zones as read when recording, for showing local times.
        public var zones: ZoneHistory
        /// The entry a correction or undo replaced, and its drug.
        public var replaced: Replaced?
        /// For an extra dose: the dose already taken for the same slot within the hour,
        /// which it may repeat (``DoseRecording/possibleRepeat(of:context:)``).
        public var possibleRepeatOf: JournalEntry?
        /// For a dose above the maximum: what to do if it was really taken, in the
        /// formulary's words with its sources (`nil` where the formulary has none).
        public var overdoseAdvice: Sourced<String>?
        /// Whether a notice for the clinician is queued for the reminder job (a dose above
        /// the maximum on a course in progress: ``Reminder/Kind/clinician``).
        public var clinicianNoticeQueued = false

        /// An entry replaced by a correction or undo, with its course's drug (when it has one).
        public struct Replaced: Sendable {
            public var entry: JournalEntry
            public var drug: String?
        }
    }

    /// One journal unit of work (``ClinicStore/recordJournal(patientID:journalNear:_:)``),
    /// returning what was written with the zones it was read with.
    func record(patientID: String, journalNear: Date? = nil,
                _ body: (PatientSnapshot) throws -> JournalWrite) throws -> Recorded {
        try permit(.patient(patientID))
        var zones: ZoneHistory?
        let written = try store.recordJournal(patientID: patientID, journalNear: journalNear) { s in
            zones = s.zones
            return try body(s)
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan, zones: zones!)
    }

    /// - Parameter purpose: what the patient tried to do, for the message ("record a dose").
    func requireCourse(_ s: PatientSnapshot, to purpose: String = "record this") throws -> (Course, Drug) {
        guard let course = s.course, !s.versions.isEmpty else {
            throw PainLadderError.noCourseInProgress(patient: s.patient.id, purpose: purpose)
        }
        return (course, try formulary.drug(course.drug))
    }


    func doseContext(_ s: PatientSnapshot) throws -> DoseRecording.Context {
        let (course, drug) = try requireCourse(s, to: "record a dose")
        return DoseRecording.Context(patientID: s.patient.id, courseID: course.id, courseStart: course.startDate,
                                     drug: drug, versions: s.versions, zones: s.zones, journal: s.effectiveJournal)
    }

    /// Records a dose taken at `at` (default now): its slot, or an extra beyond the plan.
    ///
    /// - Parameters:
    ///   - drug: which medicine, needed only while two are in progress (a switch).
    ///   - confirmed: the person confirmed a dose above the maximum single or daily dose;
    ///     without it such a dose is refused (`confirmationNeeded`) and nothing is recorded.
    public func take(patientID: String, drug: String? = nil, at: TimeExpression?, doseMg: Milligrams?, note: String?,
                     by: String, now: Date, confirmed: Bool = false) throws -> Recorded {
        if let note { try StoredText.check(note, field: .note) }
        try StoredText.check(by, field: .by, required: true)
        var repeatOf: JournalEntry?
        var advice: Sourced<String>?
        var recorded = try record(patientID: patientID, journalNear: Self.roughInstant(at, now: now)) { all in
            // The time first: a bad --at is the problem to name, whichever medicine it was.
            let instant = try Self.pastInstant(at, now: now, zones: all.zones, what: "a dose is recorded once taken")
            // Only the courses with doses on that day are candidates (an ended taper is not).
            let s = try CourseRules.asLived(all, on: all.zones.localDate(instant)).focused(onDrug: drug)
            let context = try doseContext(s)
            try Self.requireStarted(context, instant)
            let entry = try DoseRecording.take(at: instant, doseMg: doseMg, note: note, context: context, now: now, by: by,
                                               confirmed: confirmed)
            repeatOf = DoseRecording.possibleRepeat(of: entry, context: context)
            advice = entry.flags.contains { $0.kind == .aboveMaximum } ? context.drug.overdose : nil
            return JournalWrite(entries: [entry])
        }
        recorded.possibleRepeatOf = repeatOf
        recorded.overdoseAdvice = advice
        // The reminder job hands the notice out (ClinicianNotices): queued by the flag itself.
        recorded.clinicianNoticeQueued = recorded.entries.contains { $0.flags.contains { $0.kind == .aboveMaximum } }
        return recorded
    }

    /// Records a planned dose not taken, with the reason.
    public func skip(patientID: String, drug: String? = nil, at: TimeExpression?, reason: String, by: String,
                     now: Date) throws -> Recorded {
        try StoredText.check(reason, field: .reason, required: true)
        try StoredText.check(by, field: .by, required: true)
        return try record(patientID: patientID, journalNear: Self.roughInstant(at, now: now)) { all in
            // The time first: a bad --at is the problem to name, whichever medicine it was.
            let instant = try Self.pastInstant(at, now: now, zones: all.zones, what: "record a skip once the dose is missed")
            // Only the courses with doses on that day are candidates (an ended taper is not).
            let s = try CourseRules.asLived(all, on: all.zones.localDate(instant)).focused(onDrug: drug)
            let context = try doseContext(s)
            try Self.requireStarted(context, instant)
            return JournalWrite(entries: [try DoseRecording.skip(at: instant, reason: reason, context: context, now: now, by: by)])
        }
    }

    /// Records a side effect. A red flag flags the course; one at or above the pathway's
    /// threshold during titration holds the next step-up (a new plan version) until review.
    ///
    /// - Parameter drug: the medicine it is reported against; by default the newest course.
    public func reportSideEffect(patientID: String, drug: String? = nil, symptom: String, severity: Severity,
                                 since: LocalDate?, note: String?, by: String, now: Date) throws -> Recorded {
        try StoredText.check(symptom, field: .symptom, required: true)
        if let note { try StoredText.check(note, field: .note) }
        try StoredText.check(by, field: .by, required: true)
        // Only the current plan and the course as lived today are needed: read around now.
        // A hold moves the coming slots: the store rewrites them in this transaction.
        return try movingSlots(now: now) { try record(patientID: patientID, journalNear: now) { all in
            let lived = CourseRules.asLived(all, on: all.zones.localDate(now))
            let s = drug == nil ? lived : try lived.focused(onDrug: drug)
            let (course, drug) = try requireCourse(s, to: "record a side effect")
            let today = s.zones.localDate(now)
            if let since, since > today {
                throw PainLadderError.invalidValue(field: .since, given: since.description, allowed: "a date not after today (\(today))")
            }
            let match = SymptomMatcher.match(symptom, drug: drug)
            let plan = s.currentPlan!
            var entry = JournalEntry(patientID: s.patient.id, courseID: course.id, planVersionID: plan.id,
                                     at: now, recordedAt: now, recordedBy: by, note: note,
                                     event: .sideEffect(SideEffectDetail(symptom: match?.effect.id ?? symptom, known: match != nil,
                                                                         severity: severity, since: since,
                                                                         redFlag: match?.redFlag ?? false,
                                                                         stepNumber: plan.stepInForce(on: today, at: WallClock.local(now, in: s.zones.zone(at: now)).time)?.number)))
            if match?.redFlag == true {
                entry.flags.append(ClinicianFlag(.redFlag, "\(match!.effect.label) reported on \(drug.id). What to do now: \(match!.effect.action ?? "get medical help now: call 111, or 999 in an emergency.")"))
            }
            let newPlan = holdIfNeeded(&entry, severity: severity, label: match?.effect.label ?? symptom,
                                       plan: plan, course: course, drug: drug, today: today, zones: s.zones, now: now)
            return JournalWrite(entries: [entry], newPlan: newPlan, courseStatus: newPlan == nil ? nil : .held)
        } }
    }

    /// Marks a side-effect report resolved (a new entry; the report stays in history).
    public func resolveSideEffect(patientID: String, entryID: Int64, by: String, now: Date) throws -> Recorded {
        try StoredText.check(by, field: .by, required: true)
        return try record(patientID: patientID) { s in
            // A report that was corrected is resolved through its latest version.
            guard let report = s.effectiveJournal.first(where: {
                $0.kind == .sideEffect && Journal.lineage(of: $0, in: s.journal).contains(entryID)
            }) else {
                throw PainLadderError.unknownSideEffect(entryID, patient: s.patient.id)
            }
            if Journal.isResolved(report, effective: s.effectiveJournal) {
                throw PainLadderError.notPossible("\(s.patient.id)'s side effect #\(entryID) is already marked resolved")
            }
            let detail = SideEffectDetail(symptom: report.sideEffect!.symptom, known: report.sideEffect!.known,
                                          severity: nil, redFlag: false, resolves: report.id)
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: report.courseID,
                                                       planVersionID: s.currentPlan?.id ?? report.planVersionID,
                                                       at: now, recordedAt: now,
                                                       recordedBy: by, event: .sideEffectResolved(detail))])
        }
    }

    /// Records average pain over the last 24 hours (0–10), with sleep and mood interference (0–10) and impact.
    public func recordPain(patientID: String, score: Int, sleep: Int?, mood: Int? = nil, impact: String?, baseline: Bool,
                           at: TimeExpression?, by: String, now: Date) throws -> Recorded {
        if let impact { try StoredText.check(impact, field: .impact) }
        try StoredText.check(by, field: .by, required: true)
        // Only the plan in force on that day is needed: read around it.
        return try record(patientID: patientID, journalNear: Self.roughInstant(at, now: now)) { all in
            let instant = try Self.painInstant(at, now: now, zones: all.zones)
            // The course as lived that day: a taper that had ended by then is not the course scored.
            let s = CourseRules.asLived(all, on: all.zones.localDate(instant))
            // The plan in force on that day; none before the course starts (a baseline).
            let plan = DoseCalendar.plan(on: s.zones.localDate(instant), versions: s.versions)
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: s.course?.id,
                                                       planVersionID: plan?.id, at: instant,
                                                       recordedAt: now, recordedBy: by,
                                                       event: .pain(PainDetail(score: score, sleep: sleep, mood: mood,
                                                                               impact: impact, baseline: baseline)))])
        }
    }

    /// Records the patient's global impression of change (1 very much improved … 7 very much worse).
    public func recordImpression(patientID: String, value: Int, by: String, now: Date) throws -> Recorded {
        try StoredText.check(by, field: .by, required: true)
        return try record(patientID: patientID, journalNear: now) { all in
            let s = CourseRules.asLived(all, on: all.zones.localDate(now))
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: s.course?.id, planVersionID: s.currentPlan?.id,
                                                at: now, recordedAt: now, recordedBy: by, event: .impression(value))])
        }
    }

    /// Records a structured pain assessment and the flags it raises for the clinician.
    public func recordAssessment(patientID: String, _ assessment: PainAssessment, by: String, now: Date) throws -> Recorded {
        try StoredText.check(assessment.eases + assessment.worsens + assessment.stopsDoing, field: .answer)
        try StoredText.check(by, field: .by, required: true)
        return try record(patientID: patientID, journalNear: now) { all in
            let s = CourseRules.asLived(all, on: all.zones.localDate(now))
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: s.course?.id, planVersionID: s.currentPlan?.id,
                                                at: now, recordedAt: now, recordedBy: by,
                                                event: .assessment(assessment), flags: assessment.flags)])
        }
    }

    /// Undoes an entry: a new `.undo` entry supersedes it; nothing is deleted.
    public func undo(patientID: String, entryID: Int64, reason: String, by: String, now: Date) throws -> Recorded {
        try undo(patientID: patientID, entry: .number(entryID), reason: reason, by: by, now: now)
    }

    /// Undoes one of the patient's entries (``EntryReference/last``: the newest still in force);
    /// the result names the entry undone and its drug (``Recorded/replaced``).
    /// - Throws: `unknownEntry` for a number that is not one of the patient's entries.
    public func undo(patientID: String, entry: EntryReference, reason: String, by: String, now: Date) throws -> Recorded {
        try StoredText.check(reason, field: .reason, required: true)
        try StoredText.check(by, field: .by, required: true)
        return try recordReplacing(patientID: patientID) { s in
            let old = try entryInForce(s, chosen(entry, in: s, can: { $0 != .undo }))
            let entryID = old.id!
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: old.courseID,
                                                       planVersionID: old.planVersionID,
                                                       at: old.at, recordedAt: now, recordedBy: by,
                                                       supersedes: entryID, reason: reason, event: .undo)])
        }
    }

    /// What a correction may change.
    public struct Correction: Sendable {
        public var doseMg: Milligrams?
        public var at: TimeExpression?
        public var score: Int?
        public var sleep: Int?
        public var mood: Int?
        public var severity: Severity?
        public var impression: Int?

        public init(doseMg: Milligrams? = nil, at: TimeExpression? = nil, score: Int? = nil, sleep: Int? = nil,
                    mood: Int? = nil, severity: Severity? = nil, impression: Int? = nil) {
            self.doseMg = doseMg
            self.at = at
            self.score = score
            self.sleep = sleep
            self.mood = mood
            self.severity = severity
            self.impression = impression
        }

        enum Field { case dose, at, score, sleep, mood, severity, impression }

        /// The fields this correction sets.
        var given: Set<Field> {
            var fields: Set<Field> = []
            if doseMg != nil { fields.insert(.dose) }
            if at != nil { fields.insert(.at) }
            if score != nil { fields.insert(.score) }
            if sleep != nil { fields.insert(.sleep) }
            if mood != nil { fields.insert(.mood) }
            if severity != nil { fields.insert(.severity) }
            if impression != nil { fields.insert(.impression) }
            return fields
        }

        /// Whether it sets nothing but `allowed`: an option that does not apply to the entry is
        /// refused, never silently dropped.
        func only(_ allowed: Set<Field>) -> Bool { given.isSubset(of: allowed) }
    }

    /// Corrects an entry: a new entry with the new values supersedes the old one, which stays in history.
    public func correct(patientID: String, entryID: Int64, _ change: Correction, reason: String, by: String, now: Date) throws -> Recorded {
        try correct(patientID: patientID, entry: .number(entryID), change, reason: reason, by: by, now: now)
    }

    /// Corrects one of the patient's entries (``EntryReference/last``: the newest still in force
    /// that can be corrected); the result names the entry corrected (``Recorded/replaced``).
    /// - Throws: `unknownEntry` for a number that is not one of the patient's entries.
    public func correct(patientID: String, entry: EntryReference, _ change: Correction, reason: String, by: String,
                        now: Date) throws -> Recorded {
        guard !change.given.isEmpty else {
            throw PainLadderError.invalidValue(field: .correction, given: "(nothing to change)",
                                               allowed: "at least one of \(.dose), \(.at), \(.score), \(.sleep), \(.mood), \(.severity), \(.impression)")
        }
        try StoredText.check(reason, field: .reason, required: true)
        try StoredText.check(by, field: .by, required: true)
        return try movingSlots(now: now) { try recordReplacing(patientID: patientID) { all in
            let old = try entryInForce(all, chosen(entry, in: all, can: Self.correctable))
            let entryID = old.id!
            let patient = all.patient.id
            // Act on the entry's own course (during a switch, the old drug's dose is corrected against its plan).
            let s = all.focused(onCourse: old.courseID)
            var new = old
            new.id = nil
            new.supersedes = entryID
            new.reason = reason
            new.recordedAt = now
            new.recordedBy = by
            var held: PlanVersion?
            switch old.kind {
            case .taken, .extra, .skipped:
                guard change.only([.dose, .at]) else {
                    throw PainLadderError.invalidValue(field: .correction, given: "\(patient)'s #\(entryID) (\(old.kind.rawValue))",
                                                       allowed: "\(.dose) or \(.at) for a dose entry")
                }
                if change.at != nil || change.doseMg != nil, old.kind != .skipped {
                    var ctx = try doseContext(s)
                    ctx.journal.removeAll { $0.id == entryID }
                    let instant = change.at.map { $0.instant(now: now, zones: s.zones) } ?? old.at
                    try Self.requireStarted(ctx, instant)
                    // A correction states its reason: it is the confirmation (a typo fixed downwards
                    // is the usual case, and must never be refused).
                    let redone = try DoseRecording.take(at: instant, doseMg: change.doseMg ?? old.dose?.doseMg,
                                                        note: old.note, context: ctx, now: now, by: by, confirmed: true)
                    new.event = redone.event
                    new.at = redone.at
                    new.flags = redone.flags
                    new.planVersionID = redone.planVersionID
                } else if old.kind == .skipped {
                    throw PainLadderError.invalidValue(field: .correction, given: "\(patient)'s #\(entryID) (skipped)",
                                                       allowed: "to record that the dose was in fact taken, undo the skip and use 'take \(.at)'")
                }
            case .pain:
                guard change.only([.score, .sleep, .mood, .at]) else {
                    throw PainLadderError.invalidValue(field: .correction, given: "\(patient)'s #\(entryID) (pain)", allowed: "\(.score), \(.sleep), \(.mood) or \(.at) for a pain entry")
                }
                if case .pain(var pain) = new.event {
                    if let score = change.score { pain.score = score }
                    if let sleep = change.sleep { pain.sleep = sleep }
                    if let mood = change.mood { pain.mood = mood }
                    new.event = .pain(pain)
                }
                if let at = change.at { new.at = at.instant(now: now, zones: s.zones) }
            case .sideEffect:
                guard let severity = change.severity, change.only([.severity]) else {
                    throw PainLadderError.invalidValue(field: .correction, given: "\(patient)'s #\(entryID) (side effect)", allowed: "\(.severity) for a side effect")
                }
                if case .sideEffect(var report) = new.event {
                    report.severity = severity
                    new.event = .sideEffect(report)
                }
                // A severity corrected upwards holds the step-up as a report would, unless it has resolved.
                let resolved = Journal.isResolved(old, effective: s.effectiveJournal)
                if !resolved, let course = s.course, let plan = s.currentPlan {
                    held = holdIfNeeded(&new, severity: severity, label: new.sideEffect?.symptom ?? "side effect",
                                        plan: plan, course: course, drug: try formulary.drug(course.drug),
                                        today: s.zones.localDate(now), zones: s.zones, now: now)
                }
            case .impression:
                guard let value = change.impression, change.only([.impression]) else {
                    throw PainLadderError.invalidValue(field: .correction, given: "\(patient)'s #\(entryID) (impression)", allowed: "\(.impression) 1-7")
                }
                new.event = .impression(value)
            case .sideEffectResolved, .assessment, .undo, .missed:
                throw PainLadderError.notPossible("\(patient)'s entry #\(entryID) (\(old.kind.rawValue)) cannot be corrected; undo it and record it again")
            }
            if new.at > now.addingTimeInterval(60) {
                throw PainLadderError.invalidValue(field: .at, given: change.at?.given ?? "", allowed: "a time not in the future")
            }
            return JournalWrite(entries: [new], newPlan: held, courseStatus: held == nil ? nil : .held)
        } }
    }

    /// The hold rule: a side effect at or above the pathway's threshold while titrating flags
    /// the entry and returns a new plan version that holds the next step-up from the next dose
    /// (a step-up due later today included), with the next review no later than the early interval.
    func holdIfNeeded(_ entry: inout JournalEntry, severity: Severity, label: String, plan: PlanVersion,
                      course: Course, drug: Drug, today: LocalDate, zones: ZoneHistory, now: Date) -> PlanVersion? {
        let threshold = formulary.pathway.holdStepUpAtSeverity.value
        let time = PlanVersion.effectiveTime(at: now, on: today, zone: zones.zone(at: now))
        guard HoldPolicy.holdsStepUp(severity: severity, threshold: threshold, plan: plan, on: today, at: time) else { return nil }
        let reason = "\(severity.rawValue) \(label.lowercased()) reported on \(today)"
        entry.flags.append(ClinicianFlag(.stepUpHeld, "\(reason): the next step-up waits for a clinician's review"))
        return PlanVersion(courseID: course.id!, version: plan.version + 1, replacesID: plan.id, createdAt: now,
                           author: "painladder (hold rule)", reason: reason, schedule: plan.schedule,
                           effectiveFrom: today, effectiveTime: time, holdReason: reason, overrides: plan.overrides,
                           nextReviewDate: ReviewSchedule.broughtForward(plan.nextReviewDate, drug: drug, from: today),
                           decision: Decision(kind: .automaticHold, by: "painladder (hold rule)", reason: reason))
    }

    /// Where a dose recorded at `at` lies, to within a day and a half (the time resolved in
    /// UTC): recording it needs only the journal around it (``Store/journalWindow``).
    static func roughInstant(_ at: TimeExpression?, now: Date) -> Date? {
        at?.instant(now: now, zones: ZoneHistory(single: "UTC")) ?? now
    }

    /// The time given (default now), in the zone in force on the day it names, and not in the future.
    static func pastInstant(_ at: TimeExpression?, now: Date, zones: ZoneHistory, what: String) throws -> Date {
        guard let at else { return now }
        let instant = at.instant(now: now, zones: zones)
        guard instant <= now.addingTimeInterval(60) else {
            let local = WallClock.local(now, in: zones.zone(at: now))
            throw PainLadderError.invalidValue(field: .at, given: at.given,
                                               allowed: "a time not in the future (\(what); it is now \(local.date) \(local.time))")
        }
        return instant
    }

    /// A dose cannot be taken or skipped before the course's first day.
    static func requireStarted(_ c: DoseRecording.Context, _ instant: Date) throws {
        let day = c.zones.localDate(instant)
        guard day >= c.courseStart else {
            throw PainLadderError.notPossible(
                "\(c.patientID)'s course of \(c.drug.id) starts on \(c.courseStart); there is no dose to record on \(day)")
        }
    }

    /// A pain score's time: a date alone means that day (now if it is today, else midday).
    static func painInstant(_ at: TimeExpression?, now: Date, zones: ZoneHistory) throws -> Date {
        guard let at, case let .day(date) = at.moment else {
            return try pastInstant(at, now: now, zones: zones, what: "pain is recorded for a day that has begun")
        }
        let today = zones.localDate(now)
        guard date <= today else {
            throw PainLadderError.invalidValue(field: .at, given: at.given, allowed: "a date not after today (\(today))")
        }
        return at.instant(now: now, zones: zones)
    }

    /// The kinds of entry a correction can change.
    static func correctable(_ kind: JournalEntry.Kind) -> Bool {
        switch kind {
        case .taken, .extra, .skipped, .pain, .sideEffect, .impression: true
        case .sideEffectResolved, .assessment, .undo, .missed: false
        }
    }

    /// The number `reference` names: as given, or the patient's newest entry in force of a
    /// kind `can` accepts.
    func chosen(_ reference: EntryReference, in s: PatientSnapshot, can: (JournalEntry.Kind) -> Bool) throws -> Int64 {
        switch reference {
        case let .number(id): return id
        case .last:
            let replaced = Set(s.journal.compactMap(\.supersedes))
            guard let newest = s.journal.last(where: { e in e.id.map { !replaced.contains($0) } ?? false && can(e.kind) }) else {
                throw PainLadderError.notPossible("\(s.patient.id) has no entry in force that this can act on")
            }
            return newest.id!
        }
    }

    /// A correction or undo as one unit of work, the result naming the entry it replaced and
    /// that entry's drug (read after the commit, for the confirmation).
    func recordReplacing(patientID: String, _ body: (PatientSnapshot) throws -> JournalWrite) throws -> Recorded {
        var old: JournalEntry?
        var recorded = try record(patientID: patientID) { s in
            let write = try body(s)
            old = write.entries.first?.supersedes.flatMap { id in s.journal.first { $0.id == id } }
            return write
        }
        if let old {
            let drug = old.courseID.flatMap { id in try? store.ladder(patientID: patientID).courses.first { $0.id == id }?.drug }
            recorded.replaced = Recorded.Replaced(entry: old, drug: drug)
        }
        return recorded
    }

    func entryInForce(_ s: PatientSnapshot, _ id: Int64) throws -> JournalEntry {
        guard let entry = s.journal.first(where: { $0.id == id }) else {
            throw PainLadderError.unknownEntry(id, patient: s.patient.id)
        }
        guard !s.journal.contains(where: { $0.supersedes == id }) else {
            let by = s.journal.first { $0.supersedes == id }!
            throw PainLadderError.notPossible("\(s.patient.id)'s entry #\(id) was already \(by.kind == .undo ? "undone" : "corrected") by #\(by.id ?? 0); act on that one instead")
        }
        guard entry.kind != .undo else {
            throw PainLadderError.notPossible("\(s.patient.id)'s entry #\(id) is an undo; record the entry again instead")
        }
        return entry
    }
}
