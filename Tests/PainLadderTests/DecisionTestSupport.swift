import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// A course as the store would hold it, built from the shipped formulary, for decision tests.
struct DecisionBench {
    let formulary: Formulary
    var patient: Patient
    var course: Course
    var plan: PlanVersion
    var courses: [Course]

    static let shipped: Formulary = try! FormularyLoader.bundled()

    static func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    /// Noon UTC on a date (noon in London too, winter or summer).
    static func noon(_ text: String) -> Date {
        let day = d(text)
        return Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 12 * 3_600))
    }

    static func patient(crCl: Double? = 90, born: String = "1970-05-01", medicines: [String] = [],
                        frail: Bool = false) -> Patient {
        Patient(id: "P1", birthDate: d(born), sex: .female, timeZone: "Europe/London", creatinineClearance: crCl,
                frail: frail, diagnosis: "diabetic-peripheral-neuropathy", medicines: medicines)
    }

    /// `drug` started on `start` for `patient`: course 1, plan version 1 (id 10).
    init(_ drug: String, start: String, patient: Patient = DecisionBench.patient(),
         formulary: Formulary = DecisionBench.shipped) throws {
        self.formulary = formulary
        self.patient = patient
        let startDate = Self.d(start)
        let schedule = try ScheduleBuilder.build(formulary: formulary, drugID: drug, variantID: nil, patient: patient,
                                                 startDate: startDate, times: nil)
        course = Course(id: 1, patientID: patient.id, drug: drug, variant: schedule.variant, startDate: startDate,
                        createdAt: Self.noon(start), createdBy: "Dr Rao")
        plan = PlanVersion(id: 10, courseID: 1, version: 1, replacesID: nil, createdAt: Self.noon(start), author: "Dr Rao",
                           reason: "course started", schedule: schedule, effectiveFrom: startDate,
                           nextReviewDate: startDate.adding(days: 14))
        courses = [course]
    }

    func context(on day: String) -> DecisionContext {
        DecisionContext(formulary: formulary, patient: patient, course: course, plan: plan, courses: courses,
                        today: Self.d(day), now: Self.noon(day))
    }

    func decide(_ request: DecisionRequest, on day: String) throws -> DecisionResult {
        try Decisions.decide(request, context(on: day))
    }

    /// Makes `result` the course's current state, as the store would after saving it.
    mutating func apply(_ result: DecisionResult) {
        var saved = result.plan
        saved.id = plan.id! + 1
        plan = saved
        course.status = result.courseStatus
        course.outcome = result.outcome ?? course.outcome
        courses = courses.map { $0.id == course.id ? course : $0 }
    }

    /// The automatic hold the journal's rule writes (Clinic.reportSideEffect), on `day`.
    mutating func autoHold(on day: String, reason: String = "moderate drowsiness") {
        var held = plan
        held.id = plan.id! + 1
        held.version += 1
        held.replacesID = plan.id
        held.effectiveFrom = Self.d(day)
        held.holdReason = reason
        held.decision = Decision(kind: .automaticHold, by: "painladder (hold rule)", reason: reason)
        plan = held
        course.status = .held
    }
}

/// A step as "date mg" for comparing with hand-written lists ("2026-03-16 40").
func dated(_ steps: [TitrationStep]) -> [String] {
    steps.map { "\($0.startDate) \($0.administrations.isEmpty ? "stop" : String($0.dailyTotal))" }
}

/// A step's doses as "time mg" ("08:00 75").
func doses(_ step: TitrationStep?) -> [String] {
    step?.administrations.map { "\($0.time) \($0.doseMg)" } ?? []
}

func request(_ kind: Decision.Kind, _ configure: (inout DecisionRequest) -> Void = { _ in }) -> DecisionRequest {
    var r = DecisionRequest(kind: kind, by: "Dr Rao", reason: "reviewed")
    configure(&r)
    return r
}
