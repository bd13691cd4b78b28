import Foundation
import PainLadder
import PainLadderClinic
import Testing

/// Starting courses and reading the ladder, with the same expectations on both backends.
@Suite struct CourseBackendTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)   // 2026-03-02T09:00:00Z
    static let monday = LocalDate(year: 2026, month: 3, day: 2)!

    /// Pregabalin 75 mg twice a day, then 150 mg twice a day from the second week.
    static func schedule() -> Schedule {
        let capsule = Strength(mg: 75, form: "capsule")
        let steps = [75, 150].enumerated().map { i, mg in
            TitrationStep(number: i + 1, startDate: monday.adding(days: 7 * i),
                          administrations: [8, 20].map { hour in
                              Administration(time: LocalTime(hour: hour, minute: 0)!, doseMg: mg,
                                             units: [UnitCount(strength: capsule, count: mg / 75)])
                          },
                          minimumDays: 7, beyondTarget: false)
        }
        return Schedule(drug: "pregabalin", variant: "standard", renalBand: nil, steps: steps,
                        maximumDailyDose: Sourced(600, sources: ["S9"], status: .confirmed),
                        usualTarget: Sourced(300, sources: ["S9"], status: .confirmed),
                        cautions: [], offLabel: false)
    }

    static func start(drug: String = "pregabalin", closing: [ClosedTaper] = []) -> CourseStart {
        let course = Course(patientID: "P001", drug: drug, variant: "standard", startDate: monday, createdAt: at,
                            createdBy: "dr.khan")
        let plan = PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: at, author: "dr.khan",
                               reason: "course started", schedule: schedule(), effectiveFrom: monday,
                               effectiveTime: LocalTime(hour: 11, minute: 5), nextReviewDate: monday.adding(days: 14),
                               decision: Decision(kind: .continue, by: "dr.khan", reason: "first line",
                                                  details: ["note": "täglich"]))
        return CourseStart(course: course, plan: plan, closedTapers: closing)
    }

    @Test(arguments: Backend.allCases)
    func aStartedCourseReadsBackWithItsFirstPlan(_ backend: Backend) throws {
        try backend.withStore { store in
            try store.addPatient(PatientBackendTests.full("P001"), at: Self.at, by: "dr.khan")
            let (course, plan) = try store.startCourse(patientID: "P001") { ladder in
                #expect(ladder.courses.isEmpty)
                return Self.start()
            }
            var expected = Self.start().plan
            expected.id = plan.id
            expected.courseID = try #require(course.id)
            #expect(plan == expected)
            #expect(course.status == .titrating && course.outcome == nil && course.drug == "pregabalin")
            let ladder = try store.ladder(patientID: "P001")
            #expect(ladder.courses == [course])
            #expect(ladder.currentPlans == [course.id!: plan])
            #expect(try store.auditTrail(patientID: "P001").map(\.action) == ["patient.add", "course.start"])
        }
    }

    @Test(arguments: Backend.allCases)
    func aStartCanCloseAnEndedTaper(_ backend: Backend) throws {
        try backend.withStore { store in
            try store.addPatient(PatientBackendTests.full("P001"), at: Self.at, by: "dr.khan")
            let (first, firstPlan) = try store.startCourse(patientID: "P001") { _ in Self.start(drug: "amitriptyline") }
            let taper = ClosedTaper(course: first, plan: firstPlan, stopDate: Self.monday.adding(days: 20),
                                    at: Self.at.addingTimeInterval(86_400 * 21))
            let (second, _) = try store.startCourse(patientID: "P001") { ladder in
                #expect(ladder.courses.map(\.id) == [first.id])
                return Self.start(closing: [taper])
            }
            let ladder = try store.ladder(patientID: "P001")
            #expect(ladder.courses.map(\.status) == [.stopped, .titrating])
            #expect(ladder.inProgress.map(\.id) == [second.id])
            #expect(try store.auditTrail(patientID: "P001").map(\.action)
                == ["patient.add", "course.start", "course.stop", "course.start"])
        }
    }

    @Test(arguments: Backend.allCases)
    func aRefusalInsideTheUnitOfWorkWritesNothing(_ backend: Backend) throws {
        try backend.withStore { store in
            try store.addPatient(PatientBackendTests.full("P001"), at: Self.at, by: "dr.khan")
            #expect(throws: PainLadderError.notPossible("no")) {
                try store.startCourse(patientID: "P001") { _ in throw PainLadderError.notPossible("no") }
            }
            #expect(throws: PainLadderError.unknownPatient("P404")) {
                try store.startCourse(patientID: "P404") { _ in Self.start() }
            }
            #expect(try store.ladder(patientID: "P001").courses.isEmpty)
            #expect(try store.auditTrail(patientID: "P001").count == 1)
        }
    }
}
