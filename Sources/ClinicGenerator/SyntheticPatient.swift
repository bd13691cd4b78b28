import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore
import SeededRandom

/// One generated patient, lived one day at a time.
struct SyntheticPatient {
    static let zones: [(String, Double)] = [("Europe/London", 0.70), ("Europe/Dublin", 0.05), ("Europe/Paris", 0.10),
                                            ("America/New_York", 0.10), ("Australia/Sydney", 0.05)]
    static let diagnoses: [(String, Double)] = [("diabetic-peripheral-neuropathy", 0.45), ("post-herpetic-neuralgia", 0.15),
                                                ("peripheral-neuropathic-pain", 0.20), ("chemotherapy-induced-neuropathy", 0.05),
                                                ("post-stroke-pain", 0.05), ("multiple-sclerosis-pain", 0.05),
                                                ("spinal-cord-injury-pain", 0.05)]
    static let ladder = ["gabapentin", "pregabalin", "amitriptyline", "duloxetine"]
    static let skipReasons = ["forgot", "felt too drowsy", "ran out", "was away", "felt sick"]
    static let clinicians = ["dr.rao", "dr.khan", "nurse.lee", "pharm.okafor"]

    /// A course to run: which drug (first choice), from when, until when and why it ends.
    struct PlannedCourse {
        var drug: String
        var start: LocalDate
        var stop: LocalDate?
        var outcome: Course.Outcome?
    }

    /// The course in progress, as written so far.
    struct Active {
        var courseID: Int64
        var drug: Drug
        var plan: PlanVersion
        var status: Course.Status
        var titrationEnds: LocalDate
        var stop: LocalDate?
        var outcome: Course.Outcome?
    }

    var rng: SplitMix
    let patient: Patient
    let clock: ZoneClock
    let firstDay: LocalDate
    let options: ClinicGenerator.Options
    let formulary: Formulary
    let clinician: String
    var planned: [PlannedCourse]
    var used: Set<String> = []
    var active: Active?
    let baseline: Int
    /// The share of pain relief the patient reaches once titrated.
    let response: Double

    init(index: Int, rng: SplitMix, clock: ZoneClock, firstDay: LocalDate, options: ClinicGenerator.Options,
         formulary: Formulary) {
        var rng = rng
        let sex: Patient.Sex = rng.chance(0.55) ? .female : .male
        patient = Patient(id: String(format: "P%06d", index + 1), name: nil,
                          birthDate: LocalDate(year: rng.int(1935...1990), month: rng.int(1...12), day: rng.int(1...28))!,
                          sex: sex, timeZone: clock.zone.identifier, weightKg: Double(rng.int(50...110)),
                          serumCreatinine: SerumCreatinine(value: Double(rng.int(55...115)), unit: .micromolPerLitre),
                          creatinineClearance: options.measuredClearance,
                          diagnosis: rng.pick(Self.diagnoses))
        clinician = Self.clinicians[rng.int(0...(Self.clinicians.count - 1))]
        baseline = rng.int(5...9)
        response = Double(rng.int(15...60)) / 100
        let first = rng.pick(options.firstDrugs.map { ($0.drug, $0.weight) })
        var courses = [PlannedCourse(drug: first, start: firstDay.adding(days: 1))]
        let lastDay = options.end.adding(days: -40)
        if firstDay.days(to: lastDay) >= 160, rng.chance(options.secondCourseRate) {
            let stop = firstDay.adding(days: rng.int(120...min(300, firstDay.days(to: lastDay))))
            courses[0].stop = stop
            courses[0].outcome = rng.chance(0.6) ? .notEffective : .notTolerated
            let weights = Dictionary(options.firstDrugs.map { ($0.drug, $0.weight) }, uniquingKeysWith: +)
            let next = rng.pick(Self.ladder.filter { $0 != first }.map { ($0, (weights[$0] ?? 0) + 0.1) })
            courses.append(PlannedCourse(drug: next, start: stop.adding(days: 1)))
        }
        planned = courses
        self.rng = rng
        self.clock = clock
        self.firstDay = firstDay
        self.options = options
        self.formulary = formulary
    }

    func at(_ day: LocalDate, _ hour: Int, _ minute: Int) -> Date {
        clock.instant(day, LocalTime(hour: hour, minute: minute)!)
    }

    mutating func register(_ loader: LoadRecorder) throws {
        try loader.addPatient(patient, at: at(firstDay, 9, 0), by: clinician)
    }

    /// Everything that happens to the patient on `day` up to `now`.
    mutating func live(_ day: LocalDate, now: Date, loader: LoadRecorder, summary: inout ClinicGenerator.Summary) throws {
        guard day >= firstDay else { return }
        if let a = active, a.stop == day { try stopCourse(a, day, loader, &summary) }
        if let next = planned.first, next.start == day {
            planned.removeFirst()
            try startCourse(next, day, loader, &summary)
        }
        if var a = active, let review = a.plan.nextReviewDate, review == day, at(day, 10, 0) < now {
            try reviewCourse(&a, day, loader, &summary)
            active = a
        }
        if let a = active { try recordDoses(a, day, now, loader, &summary) }
        try recordPain(day, now, loader, &summary)
        if let a = active, firstDay.days(to: day) % 7 == 3 { try recordSideEffect(a, day, now, loader, &summary) }
    }

    // MARK: - Clinician

    mutating func startCourse(_ p: PlannedCourse, _ day: LocalDate, _ loader: LoadRecorder,
                              _ summary: inout ClinicGenerator.Summary) throws {
        // The planned drug, else the next on the ladder this patient can take (a hard stop
        // for this patient, e.g. renal function, rules a drug out).
        for drugID in [p.drug] + Self.ladder where !used.contains(drugID) {
            // Synthetic patients often have no kidney function recorded: started as acknowledged
            // (issue 12), so the mix of drugs stays as it was.
            guard let drug = try? formulary.drug(drugID),
                  let schedule = try? ScheduleBuilder.build(
                    formulary: formulary, drugID: drugID, variantID: nil, patient: patient, startDate: day, times: nil,
                    overrides: RenalPrecondition.refusal(drug, patient: patient, on: day, in: formulary) == nil ? [] : [.kidneyFunctionUnknown])
            else { continue }
            used.insert(drugID)
            let created = at(day.adding(days: -1), 15, 0)
            let course = Course(patientID: patient.id, drug: drugID, variant: schedule.variant, startDate: day,
                                createdAt: created, createdBy: clinician)
            var plan = PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: created, author: clinician,
                                   reason: "course started", schedule: schedule, effectiveFrom: day,
                                   nextReviewDate: day.adding(days: drug.reviews.value.earlyDays))
            let (courseID, planID) = try loader.startCourse(course, plan: plan)
            plan.id = planID
            plan.courseID = courseID
            active = Active(courseID: courseID, drug: drug, plan: plan, status: .titrating,
                            titrationEnds: schedule.plannedSteps.last?.startDate ?? day, stop: p.stop, outcome: p.outcome)
            summary.courses += 1
            summary.planVersions += 1
            return
        }
    }

    mutating func reviewCourse(_ a: inout Active, _ day: LocalDate, _ loader: LoadRecorder,
                               _ summary: inout ClinicGenerator.Summary) throws {
        let status: Course.Status = day >= a.titrationEnds ? .maintaining : .titrating
        let reason = "review: tolerating, pain improving; continue"
        let next = nextVersion(of: a.plan, day: day, reason: reason, nextReview: day.adding(days: rng.int(28...35)),
                               decision: Decision(kind: .continue, by: clinician, reason: reason))
        let id = try loader.addPlanVersion(next, patientID: patient.id, statusBefore: a.status, courseStatus: status)
        a.plan = next
        a.plan.id = id
        a.status = status
        summary.planVersions += 1
    }

    mutating func stopCourse(_ a: Active, _ day: LocalDate, _ loader: LoadRecorder,
                             _ summary: inout ClinicGenerator.Summary) throws {
        let outcome = a.outcome ?? .notEffective
        let reason = outcome == .notTolerated ? "stopped: not tolerated (dizziness, drowsiness)"
                                              : "stopped: not effective after an adequate trial"
        let next = nextVersion(of: a.plan, day: day, reason: reason, nextReview: nil,
                               decision: Decision(kind: .stop, by: clinician, reason: reason,
                                                  details: ["outcome": outcome.rawValue]))
        _ = try loader.addPlanVersion(next, patientID: patient.id, statusBefore: a.status,
                                      courseStatus: .stopped, outcome: outcome)
        active = nil
        summary.planVersions += 1
    }

    func nextVersion(of plan: PlanVersion, day: LocalDate, reason: String, nextReview: LocalDate?,
                     decision: Decision) -> PlanVersion {
        PlanVersion(courseID: plan.courseID, version: plan.version + 1, replacesID: plan.id,
                    createdAt: at(day, 10, rng0(day)), author: clinician, reason: reason, schedule: plan.schedule,
                    effectiveFrom: day, overrides: plan.overrides, nextReviewDate: nextReview, decision: decision)
    }

    /// A minute past the hour that depends only on the day (reviews are not all on the hour).
    func rng0(_ day: LocalDate) -> Int { (day.dayNumber &* 7) % 60 }

    // MARK: - Patient

    mutating func recordDoses(_ a: Active, _ day: LocalDate, _ now: Date, _ loader: LoadRecorder,
                              _ summary: inout ClinicGenerator.Summary) throws {
        guard let step = a.plan.step(on: day) else { return }
        for administration in step.administrations {
            let slot = clock.instant(day, administration.time)
            guard slot < now else { return }
            let key = SlotKey(date: day, time: administration.time)
            let roll = Double(rng.next() >> 11) / Double(1 << 53)
            if roll < options.takenRate {
                let taken = slot.addingTimeInterval(Double(rng.int(-20...50)) * 60)
                guard taken < now else { summary.unrecordedDoses += 1; continue }
                try loader.append(JournalEntry(
                    patientID: patient.id, courseID: a.courseID, planVersionID: a.plan.id, at: taken,
                    recordedAt: taken.addingTimeInterval(Double(rng.int(0...5)) * 60), recordedBy: patient.id,
                    event: .taken(DoseDetail(slot: key, doseMg: administration.doseMg, plannedDoseMg: administration.doseMg,
                                             stepNumber: step.number, late: false))))
                summary.doseEntries += 1
            } else if roll < options.takenRate + options.skippedRate {
                try loader.append(JournalEntry(
                    patientID: patient.id, courseID: a.courseID, planVersionID: a.plan.id, at: slot,
                    recordedAt: slot, recordedBy: patient.id,
                    reason: Self.skipReasons[rng.int(0...(Self.skipReasons.count - 1))],
                    event: .skipped(DoseDetail(slot: key, doseMg: 0, plannedDoseMg: administration.doseMg,
                                               stepNumber: step.number, late: false))))
                summary.doseEntries += 1
            } else {
                summary.unrecordedDoses += 1
            }
        }
    }

    mutating func recordPain(_ day: LocalDate, _ now: Date, _ loader: LoadRecorder,
                             _ summary: inout ClinicGenerator.Summary) throws {
        let when = at(day, 20, 30)
        guard when < now else { return }
        let isBaseline = day == firstDay
        var score = baseline
        if let a = active, !isBaseline {
            let weeks = Double(a.plan.schedule.steps.first.map { $0.startDate.days(to: day) } ?? 0) / 7
            score = Int((Double(baseline) * (1 - response * min(1, weeks / 6))).rounded())
        }
        score = max(0, min(10, score + rng.int(-1...1)))
        try loader.append(JournalEntry(
            patientID: patient.id, courseID: active?.courseID, planVersionID: active?.plan.id, at: when,
            recordedAt: when, recordedBy: patient.id,
            event: .pain(PainDetail(score: score, sleep: max(0, min(10, score + rng.int(-2...1))), baseline: isBaseline))))
        summary.painEntries += 1
    }

    mutating func recordSideEffect(_ a: Active, _ day: LocalDate, _ now: Date, _ loader: LoadRecorder,
                                   _ summary: inout ClinicGenerator.Summary) throws {
        let when = at(day, 12, 0)
        let common = a.drug.sideEffects.common.value
        guard when < now, !common.isEmpty else { return }
        let effect = common[rng.int(0...(common.count - 1))]
        try loader.append(JournalEntry(
            patientID: patient.id, courseID: a.courseID, planVersionID: a.plan.id, at: when,
            recordedAt: when, recordedBy: patient.id,
            event: .sideEffect(SideEffectDetail(symptom: effect.id, known: true, severity: .mild, redFlag: false,
                                                stepNumber: a.plan.step(on: day)?.number))))
        summary.sideEffects += 1
    }
}
