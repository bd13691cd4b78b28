import ArgumentParser
import Foundation
import PainLadder
import PainLadderStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a ready-made patient end to end in a temporary database.",
        discussion: """
        Creates a demo patient (67, diabetic peripheral neuropathy, reduced renal function), \
        shows which drugs the ladder offers her and why, starts amitriptyline 17 days ago, and \
        prints the schedule, today's doses and where she stands. Uses a new temporary database \
        unless --db names one.
        """)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            let now = try global.currentInstant()
            let path: String
            if let db = global.database {
                path = db
            } else {
                let dir = FileManager.default.temporaryDirectory
                    .appendingPathComponent("painladder-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(now.timeIntervalSince1970))")
                path = dir.appendingPathComponent("demo.sqlite").path
            }
            let clinic = Clinic(store: try Store(path: path, createIfMissing: true), formulary: try global.loadFormulary())
            let zone = TimeZone(identifier: "Europe/London")!
            let today = LocalDate(now, in: zone)
            let patient = Patient(id: "DEMO-1", name: "Alex Morgan (demo)",
                                  birthDate: LocalDate(year: today.year - 67, month: 6, day: 14)!,
                                  sex: .female, timeZone: zone.identifier, weightKg: 68,
                                  serumCreatinine: SerumCreatinine(value: 110, unit: .micromolPerLitre),
                                  diagnosis: "diabetic-peripheral-neuropathy", medicines: ["codeine"])
            try clinic.store.addPatient(patient, at: now, by: "demo")
            let ladder = LadderOption.evaluate(formulary: clinic.formulary, patient: patient, on: today)
            let (course, plan) = try clinic.startCourse(patientID: patient.id, drug: "amitriptyline", variant: nil,
                                                        on: today.adding(days: -17), times: nil, by: "Dr Demo", now: now)
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
            Output.line("Today")
            Output.line(PositionText.render(position, drugName: "Amitriptyline", today: today, planVersion: plan.version))
            Output.line("")
            Output.line("Try: painladder --db \(path) schedule DEMO-1")
        }
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
