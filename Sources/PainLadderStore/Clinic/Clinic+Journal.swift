import Foundation
import PainLadder

/// The patient's journal: doses, side effects, pain, impressions, assessments, corrections.
extension Clinic {
    /// The result of recording: the entries written and any plan version it created.
    public struct Recorded: Sendable {
        public var entries: [JournalEntry]
        public var newPlan: PlanVersion?
    }

    func requireCourse(_ s: PatientSnapshot) throws -> (Course, Drug) {
        guard let course = s.course, !s.versions.isEmpty else {
            throw PainLadderError.notPossible("\(s.patient.id) has no course in progress (a clinician starts one with 'painladder start')")
        }
        return (course, try formulary.drug(course.drug))
    }

    func doseContext(_ s: PatientSnapshot) throws -> DoseRecording.Context {
        let (course, drug) = try requireCourse(s)
        return DoseRecording.Context(patientID: s.patient.id, courseID: course.id, courseStart: course.startDate,
                                     drug: drug, versions: s.versions, zones: s.zones, journal: s.effectiveJournal)
    }

    /// Records a dose taken at `at` (default now): its slot, or an extra beyond the plan.
    public func take(patientID: String, at: String?, doseMg: Milligrams?, note: String?, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            let instant = try at.map { try TimeInput.parse($0, now: now, zone: s.zones.zone(on: LocalDate(now, in: s.patient.zone))) } ?? now
            let entry = try DoseRecording.take(at: instant, doseMg: doseMg, note: note, context: try doseContext(s), now: now, by: by)
            return JournalWrite(entries: [entry])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Records a planned dose not taken, with the reason.
    public func skip(patientID: String, at: String?, reason: String, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            let instant = try at.map { try TimeInput.parse($0, now: now, zone: s.patient.zone) } ?? now
            guard instant <= now.addingTimeInterval(60) else {
                throw PainLadderError.invalidValue(field: "--at", given: at ?? "", allowed: "a time not in the future")
            }
            return JournalWrite(entries: [try DoseRecording.skip(at: instant, reason: reason, context: try doseContext(s), now: now, by: by)])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Records a side effect. A red flag flags the course; one at or above the pathway's
    /// threshold during titration holds the next step-up (a new plan version) until review.
    public func reportSideEffect(patientID: String, symptom: String, severity: Severity, since: LocalDate?,
                                 note: String?, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            let (course, drug) = try requireCourse(s)
            let today = LocalDate(now, in: s.patient.zone)
            if let since, since > today {
                throw PainLadderError.invalidValue(field: "--since", given: since.description, allowed: "a date not after today (\(today))")
            }
            let match = SymptomMatcher.match(symptom, drug: drug)
            let plan = s.currentPlan!
            var entry = JournalEntry(patientID: s.patient.id, courseID: course.id, planVersionID: plan.id,
                                     kind: .sideEffect, at: now, recordedAt: now, recordedBy: by, note: note,
                                     sideEffect: SideEffectDetail(symptom: match?.effect.id ?? symptom, known: match != nil,
                                                                  severity: severity, since: since,
                                                                  redFlag: match?.redFlag ?? false,
                                                                  stepNumber: plan.step(on: today)?.number))
            var newPlan: PlanVersion?
            if match?.redFlag == true {
                entry.flags.append(ClinicianFlag(.redFlag, "\(match!.effect.label) reported on \(drug.id): \(match!.effect.action ?? "seek help now")"))
            }
            let threshold = formulary.pathway.holdStepUpAtSeverity.value
            if HoldPolicy.holdsStepUp(severity: severity, threshold: threshold, plan: plan, on: today) {
                let reason = "\(severity.rawValue) \(match?.effect.label ?? symptom) reported on \(today): step-ups wait for a clinician's review"
                entry.flags.append(ClinicianFlag(.stepUpHeld, reason))
                newPlan = PlanVersion(courseID: course.id!, version: plan.version + 1, replacesID: plan.id, createdAt: now,
                                      author: "painladder (hold rule)", reason: reason, schedule: plan.schedule,
                                      effectiveFrom: today, holdReason: reason, overrides: plan.overrides,
                                      nextReviewDate: plan.nextReviewDate,
                                      decision: Decision(kind: .automaticHold, by: "painladder (hold rule)", reason: reason))
            }
            return JournalWrite(entries: [entry], newPlan: newPlan, courseStatus: newPlan == nil ? nil : .held)
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Marks a side-effect report resolved (a new entry; the report stays in history).
    public func resolveSideEffect(patientID: String, entryID: Int64, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            guard let report = s.effectiveJournal.first(where: { $0.id == entryID && $0.kind == .sideEffect }) else {
                throw PainLadderError.invalidValue(field: "--resolved", given: "\(entryID)",
                                                   allowed: "the number of an open side-effect report of this patient (see 'painladder history')")
            }
            if s.effectiveJournal.contains(where: { $0.kind == .sideEffectResolved && $0.sideEffect?.resolves == entryID }) {
                throw PainLadderError.notPossible("side effect #\(entryID) is already marked resolved")
            }
            let detail = SideEffectDetail(symptom: report.sideEffect!.symptom, known: report.sideEffect!.known,
                                          severity: nil, redFlag: false, resolves: entryID)
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: report.courseID,
                                                       kind: .sideEffectResolved, at: now, recordedAt: now,
                                                       recordedBy: by, sideEffect: detail)])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Records average pain over the last 24 hours (0–10), with sleep interference and impact.
    public func recordPain(patientID: String, score: Int, sleep: Int?, impact: String?, baseline: Bool,
                           at: String?, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            let instant = try at.map { try TimeInput.parse($0, now: now, zone: s.patient.zone) } ?? now
            guard instant <= now.addingTimeInterval(60) else {
                throw PainLadderError.invalidValue(field: "--at", given: at ?? "", allowed: "a time not in the future")
            }
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: s.course?.id,
                                                       planVersionID: s.currentPlan?.id, kind: .pain, at: instant,
                                                       recordedAt: now, recordedBy: by,
                                                       pain: PainDetail(score: score, sleep: sleep, impact: impact, baseline: baseline))])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Records the patient's global impression of change (1 very much improved … 7 very much worse).
    public func recordImpression(patientID: String, value: Int, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: s.course?.id, planVersionID: s.currentPlan?.id,
                                                kind: .impression, at: now, recordedAt: now, recordedBy: by, impression: value)])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Records a structured pain assessment and the flags it raises for the clinician.
    public func recordAssessment(patientID: String, _ assessment: PainAssessment, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: s.course?.id, planVersionID: s.currentPlan?.id,
                                                kind: .assessment, at: now, recordedAt: now, recordedBy: by,
                                                assessment: assessment, flags: assessment.flags)])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// Undoes an entry: a new `.undo` entry supersedes it; nothing is deleted.
    public func undo(patientID: String, entryID: Int64, reason: String, by: String, now: Date) throws -> Recorded {
        let written = try store.recordJournal(patientID: patientID) { s in
            let old = try entryInForce(s, entryID)
            return JournalWrite(entries: [JournalEntry(patientID: s.patient.id, courseID: old.courseID, kind: .undo,
                                                       at: old.at, recordedAt: now, recordedBy: by,
                                                       supersedes: entryID, reason: reason)])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    /// What a correction may change.
    public struct Correction: Sendable {
        public var doseMg: Milligrams?
        public var at: String?
        public var score: Int?
        public var sleep: Int?
        public var severity: Severity?
        public var impression: Int?

        public init(doseMg: Milligrams? = nil, at: String? = nil, score: Int? = nil, sleep: Int? = nil,
                    severity: Severity? = nil, impression: Int? = nil) {
            self.doseMg = doseMg
            self.at = at
            self.score = score
            self.sleep = sleep
            self.severity = severity
            self.impression = impression
        }

        var isEmpty: Bool { doseMg == nil && at == nil && score == nil && sleep == nil && severity == nil && impression == nil }
    }

    /// Corrects an entry: a new entry with the new values supersedes the old one, which stays in history.
    public func correct(patientID: String, entryID: Int64, _ change: Correction, reason: String, by: String, now: Date) throws -> Recorded {
        guard !change.isEmpty else {
            throw PainLadderError.invalidValue(field: "correct", given: "(nothing to change)",
                                               allowed: "at least one of --dose, --at, --score, --sleep, --severity, --impression")
        }
        let written = try store.recordJournal(patientID: patientID) { s in
            let old = try entryInForce(s, entryID)
            var new = old
            new.id = nil
            new.supersedes = entryID
            new.reason = reason
            new.recordedAt = now
            new.recordedBy = by
            switch old.kind {
            case .taken, .extra, .skipped:
                guard change.score == nil, change.sleep == nil, change.severity == nil, change.impression == nil else {
                    throw PainLadderError.invalidValue(field: "correct", given: "#\(entryID) (\(old.kind.rawValue))",
                                                       allowed: "--dose or --at for a dose entry")
                }
                if change.at != nil || change.doseMg != nil, old.kind != .skipped {
                    var ctx = try doseContext(s)
                    ctx.journal.removeAll { $0.id == entryID }
                    let instant = try change.at.map { try TimeInput.parse($0, now: now, zone: s.patient.zone) } ?? old.at
                    let redone = try DoseRecording.take(at: instant, doseMg: change.doseMg ?? old.dose?.doseMg,
                                                        note: old.note, context: ctx, now: now, by: by)
                    new.kind = redone.kind
                    new.at = redone.at
                    new.dose = redone.dose
                    new.flags = redone.flags
                    new.planVersionID = redone.planVersionID
                } else if old.kind == .skipped {
                    throw PainLadderError.invalidValue(field: "correct", given: "#\(entryID) (skipped)",
                                                       allowed: "to record that the dose was in fact taken, undo the skip and use 'take --at'")
                }
            case .pain:
                guard change.doseMg == nil, change.severity == nil, change.impression == nil else {
                    throw PainLadderError.invalidValue(field: "correct", given: "#\(entryID) (pain)", allowed: "--score, --sleep or --at for a pain entry")
                }
                if let score = change.score { new.pain?.score = score }
                if let sleep = change.sleep { new.pain?.sleep = sleep }
                if let at = change.at { new.at = try TimeInput.parse(at, now: now, zone: s.patient.zone) }
            case .sideEffect:
                guard let severity = change.severity, change.doseMg == nil, change.score == nil else {
                    throw PainLadderError.invalidValue(field: "correct", given: "#\(entryID) (side effect)", allowed: "--severity for a side effect")
                }
                new.sideEffect?.severity = severity
            case .impression:
                guard let value = change.impression else {
                    throw PainLadderError.invalidValue(field: "correct", given: "#\(entryID) (impression)", allowed: "--impression 1-7")
                }
                new.impression = value
            case .sideEffectResolved, .assessment, .undo, .missed:
                throw PainLadderError.notPossible("entry #\(entryID) (\(old.kind.rawValue)) cannot be corrected; undo it and record it again")
            }
            if new.at > now.addingTimeInterval(60) {
                throw PainLadderError.invalidValue(field: "--at", given: change.at ?? "", allowed: "a time not in the future")
            }
            return JournalWrite(entries: [new])
        }
        return Recorded(entries: written.entries, newPlan: written.newPlan)
    }

    func entryInForce(_ s: PatientSnapshot, _ id: Int64) throws -> JournalEntry {
        guard let entry = s.journal.first(where: { $0.id == id }) else {
            throw PainLadderError.invalidValue(field: "entry", given: "\(id)",
                                               allowed: "the number of one of \(s.patient.id)'s entries (see 'painladder history \(s.patient.id)')")
        }
        guard !s.journal.contains(where: { $0.supersedes == id }) else {
            let by = s.journal.first { $0.supersedes == id }!
            throw PainLadderError.notPossible("entry #\(id) was already \(by.kind == .undo ? "undone" : "corrected") by #\(by.id ?? 0); act on that one instead")
        }
        guard entry.kind != .undo else {
            throw PainLadderError.notPossible("entry #\(id) is an undo; record the entry again instead")
        }
        return entry
    }
}
