import Foundation
@testable import FormularyData
@testable import PainLadder

/// Builds a fixed patient record by hand for review tests: hand-made plans, entries with ids.
struct ReviewFixture {
    static let london = "Europe/London"
    static let start = LocalDate(year: 2026, month: 3, day: 2)!   // a Monday; BST begins 2026-03-29

    var patient: Patient
    var formulary: Formulary
    var courses: [CourseRecord] = []
    var sim: JournalSimulator

    init(crCl: Double? = 80, diagnosis: String = "diabetic-peripheral-neuropathy", versions: [PlanVersion]? = nil) throws {
        patient = Patient(id: "P1", name: "Ann Example", birthDate: LocalDate(year: 1970, month: 5, day: 1)!, sex: .female,
                          timeZone: Self.london, creatinineClearance: crCl, diagnosis: diagnosis)
        formulary = try FormularyLoader.bundled()
        let plan = versions ?? [Self.version(1, HandPlan.amitriptyline(start: Self.start), from: Self.start,
                                             review: LocalDate(year: 2026, month: 3, day: 16)!)]
        courses = versions == [] ? [] : [CourseRecord(course: Self.course(1, "amitriptyline"), versions: plan)]
        sim = JournalSimulator(context: DoseRecording.Context(
            patientID: "P1", courseID: versions == [] ? nil : 1, courseStart: Self.start, drug: try HandPlan.drug(),
            versions: plan, zones: ZoneHistory(single: Self.london), journal: []))
    }

    static func course(_ id: Int64, _ drug: String, start: LocalDate = ReviewFixture.start,
                       status: Course.Status = .titrating, outcome: Course.Outcome? = nil) -> Course {
        Course(id: id, patientID: "P1", drug: drug, variant: "standard", startDate: start, status: status,
               outcome: outcome, createdAt: Date(timeIntervalSince1970: 0), createdBy: "Dr Rao")
    }

    static func version(_ n: Int, _ schedule: Schedule, from: LocalDate, course: Int64 = 1, hold: String? = nil,
                        review: LocalDate? = nil, decision: Decision? = nil, at: String = "2026-03-01T11:00:00Z") -> PlanVersion {
        PlanVersion(id: course * 100 + Int64(n), courseID: course, version: n,
                    replacesID: n == 1 ? nil : course * 100 + Int64(n - 1), createdAt: instant(at), author: "test",
                    reason: "test", schedule: schedule, effectiveFrom: from, holdReason: hold,
                    nextReviewDate: review, decision: decision)
    }

    static func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// Slots 03-02 … `through` at 22:00 (UTC in March before BST) taken at 22:05, except those skipped or left out.
    mutating func takeNightly(through last: String, skip: Set<String> = [], missing: Set<String> = []) throws {
        var d = Self.start
        while d <= Self.day(last) {
            let s = d.description
            if skip.contains(s) { try sim.skip("\(s)T22:00:00Z") } else if !missing.contains(s) { try sim.take("\(s)T22:05:00Z") }
            d = d.adding(days: 1)
        }
    }

    mutating func pain(_ iso: String, _ score: Int, sleep: Int? = nil, mood: Int? = nil, impact: String? = nil,
                       baseline: Bool = false, course: Int64? = 1) {
        sim.append(JournalEntry(patientID: "P1", courseID: course, at: Self.instant(iso),
                                recordedAt: Self.instant(iso), recordedBy: "P1",
                                event: .pain(PainDetail(score: score, sleep: sleep, mood: mood, impact: impact, baseline: baseline))))
    }

    mutating func impression(_ iso: String, _ value: Int) {
        sim.append(JournalEntry(patientID: "P1", courseID: 1, at: Self.instant(iso),
                                recordedAt: Self.instant(iso), recordedBy: "P1", event: .impression(value)))
    }

    @discardableResult
    mutating func sideEffect(_ iso: String, _ symptom: String, _ severity: Severity, step: Int, redFlag: Bool = false,
                             course: Int64 = 1) -> Int64 {
        let flags = redFlag ? [ClinicianFlag(.redFlag, "\(symptom) reported")] : []
        sim.append(JournalEntry(patientID: "P1", courseID: course, at: Self.instant(iso),
                                recordedAt: Self.instant(iso), recordedBy: "P1",
                                event: .sideEffect(SideEffectDetail(symptom: symptom, known: true, severity: severity,
                                                                    redFlag: redFlag, stepNumber: step)),
                                flags: flags))
        return sim.all.last!.id!
    }

    mutating func resolve(_ iso: String, _ id: Int64) {
        sim.append(JournalEntry(patientID: "P1", courseID: 1, at: Self.instant(iso),
                                recordedAt: Self.instant(iso), recordedBy: "P1",
                                event: .sideEffectResolved(SideEffectDetail(symptom: "x", known: true, severity: nil, resolves: id))))
    }

    mutating func assess(_ iso: String, _ assessment: PainAssessment, course: Int64? = 1) {
        sim.append(JournalEntry(patientID: "P1", courseID: course, at: Self.instant(iso),
                                recordedAt: Self.instant(iso), recordedBy: "P1", event: .assessment(assessment),
                                flags: assessment.flags))
    }

    func review(at iso: String) -> ReviewSummary {
        ReviewSummary.build(patient: patient, formulary: formulary, courses: courses, journal: Journal.effective(sim.all),
                            zones: ZoneHistory(single: Self.london), now: Self.instant(iso))
    }
}
