import PainLadder

/// `schedule --json` and `start --json`: the course, its plan in force and (schedule) any old
/// drug still tapering beside it. Schema: schemas/course.schema.json.
struct CourseDocument: Encodable {
    /// A course with its plan, inside the document.
    struct CourseWithPlan: Encodable {
        var course: CourseJSON
        var plan: PlanJSON
    }

    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var course: CourseJSON
    var plan: PlanJSON
    /// Old drugs still tapering beside the course (a switch); left out when none.
    var tapering: [CourseWithPlan]?

    init(course: Course, plan: PlanVersion, tapering: [(Course, PlanVersion)] = []) {
        patientID = course.patientID
        self.course = CourseJSON(course)
        self.plan = PlanJSON(plan)
        self.tapering = tapering.isEmpty ? nil : tapering.map { CourseWithPlan(course: CourseJSON($0.0), plan: PlanJSON($0.1)) }
    }
}
