import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", _superCommandName: "painladder",
        abstract: "Run a ready-made patient end to end in a temporary database.",
        discussion: """
        Creates a demo patient (67, diabetic peripheral neuropathy, reduced renal function), \
        shows which drugs the ladder offers her and why, starts amitriptyline 12 days ago, records \
        a baseline pain score, nightly doses (one late, one skipped), a mild side effect and falling \
        pain, and prints the schedule, today's doses and where she stands. Uses a new temporary \
        database unless --db names one.
        """)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let now = global.currentInstant()
        let path: String
        if let db = global.database {
            path = db
        } else {
            let dir = FileManager.default.temporaryDirectory
                .appendingPathComponent("painladder-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(now.timeIntervalSince1970))")
            path = dir.appendingPathComponent("demo.sqlite").path
        }
        Interrupts.recording()   // it writes from here: Ctrl-C lets it finish (see Interrupts)
        let clinic = Clinic(store: try Store(path: path, createIfMissing: true), formulary: try global.loadFormulary())
        let zone = TimeZone(identifier: "Europe/London")!
        let today = LocalDate(now, in: zone)
        let patient = Patient(id: "DEMO-1", name: "Alex Morgan (demo)",
                              birthDate: LocalDate(year: today.year - 67, month: 6, day: 14)!,
                              sex: .female, timeZone: zone.identifier, weightKg: 68,
                              serumCreatinine: SerumCreatinine(value: 110, unit: .micromolPerLitre),
                              diagnosis: "diabetic-peripheral-neuropathy", medicines: ["codeine"])
        try clinic.addPatient(patient, by: "demo", now: now)
        let ladder = LadderOption.evaluate(formulary: clinic.formulary, patient: patient, on: today)
        let (course, plan) = try clinic.startCourse(patientID: patient.id, drug: "amitriptyline", variant: nil,
                                                    on: today.adding(days: -12), times: nil, by: "Dr Demo", now: now)
        try Self.recordJournal(clinic, patient: patient, start: course.startDate, today: today, now: now)
        let position = CoursePosition(schedule: plan.schedule, courseStart: course.startDate, today: today,
                                      nextReview: plan.nextReviewDate, holdReason: plan.holdReason)
        if global.json {
            try Output.json(DemoView(database: path, patient: patient, ladder: ladder,
                                     course: course, plan: plan, position: position))
            return
        }
        Output.line("PainLadder demo — database: \(path)")
        Output.line("A decision aid, not a prescriber: check numbers marked 'unconfirmed' against the BNF or SmPC.")
        Output.line("")
        Output.line(PatientText.render(patient, today: today, formulary: clinic.formulary))
        Output.line("")
        Output.line(LadderText.render(ladder, formulary: clinic.formulary))
        Output.line("")
        Output.line("Started amitriptyline on \(course.startDate) (course \(course.id ?? 0), plan version \(plan.version)).")
        Output.line("")
        Output.line(ScheduleText.render(plan.schedule, drugName: "Amitriptyline", patient: patient))
        Output.line("")
        Output.line(PositionText.render(position, drugName: "Amitriptyline", today: today, planVersion: plan.version))
        Output.line("")
        Output.line(TodayText.render(try clinic.today(patientID: patient.id, now: now), now: now))
        Output.line("")
        Output.line("Recorded so far:")
        for item in try clinic.history(patientID: patient.id, from: nil, to: nil) {
            guard let e = item.entry else { continue }
            Output.line("  " + JournalText.describe(e, zone: zone))
        }
        Output.line("")
        Output.line("Try: painladder today DEMO-1 --db \(path)")
        Output.line("     painladder history DEMO-1 --db \(path)")
        Output.line("     painladder review DEMO-1 --db \(path)     # the clinician's review screen")
    }
}

extension DemoCommand {
    /// Twelve days of a patient's journal, back-dated the way a real patient records late.
    static func recordJournal(_ clinic: Clinic, patient: Patient, start: LocalDate, today: LocalDate, now: Date) throws {
        let zone = patient.zone
        func at(_ day: LocalDate, _ h: Int, _ m: Int) -> Date { WallClock.instant(day, LocalTime(hour: h, minute: m)!, in: zone) }
        func iso(_ d: Date) -> TimeExpression { TimeExpression(.instant(d), given: ISO8601DateFormatter().string(from: d)) }
        _ = try clinic.recordPain(patientID: patient.id, score: 7, sleep: 8, mood: 6, impact: "2 hours to get to sleep; can walk only 10 minutes",
                                  baseline: true, at: iso(at(start.adding(days: -1), 20, 0)), by: "demo", now: now)
        var day = start
        while day < today {
            let n = start.days(to: day)
            if n == 4 {
                _ = try clinic.skip(patientID: patient.id, at: iso(at(day, 22, 0)), reason: "fell asleep early", by: "demo", now: now)
            } else {
                // Day 6 is taken after midnight: it counts for the night before, late.
                let taken = n == 6 ? at(day.adding(days: 1), 0, 40) : at(day, 22, 5)
                _ = try clinic.take(patientID: patient.id, at: iso(taken), doseMg: nil, note: nil, by: "demo", now: now)
            }
            if n % 3 == 2 {
                _ = try clinic.recordPain(patientID: patient.id, score: max(3, 7 - n / 3), sleep: max(2, 8 - n / 2),
                                          mood: max(3, 6 - n / 4), impact: nil,
                                          baseline: false, at: iso(at(day, 21, 0)), by: "demo", now: now)
            }
            day = day.adding(days: 1)
        }
        _ = try clinic.reportSideEffect(patientID: patient.id, symptom: "dry mouth", severity: .mild, since: start.adding(days: 2),
                                        note: nil, by: "demo", now: now)
    }
}

struct DemoView: Encodable {
    var database: String
    var patient: Patient
    var ladder: [LadderOption]
    var course: Course
    var plan: PlanVersion
    var position: CoursePosition
}
