import PainLadder
import PainLadderClinic

/// `decide --json`: the decision, the course and the plan version it wrote, and for a stop or
/// switch the taper, the new course and plan, the conversion and the switching guidance.
/// Schema: schemas/decision.schema.json.
struct DecisionDocument: Encodable {
    /// The cross-taper guidance for a pair of drugs, with its status.
    struct Guidance: Encodable {
        var allowed: Bool
        var message: String
        var sources: [String]
        var status: String
        var note: String?
    }

    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var decision: DecisionJSON
    var course: CourseJSON
    var plan: PlanJSON
    var taper: TaperJSON?
    var newCourse: CourseJSON?
    var newPlan: PlanJSON?
    var conversion: ConversionJSON?
    var guidance: Guidance?
    var warnings: [FindingJSON]
    /// Old drugs whose taper this decision closed.
    var closedTapers: [CourseJSON]

    init(patientID: String, record: SavedDecision) {
        self.patientID = patientID
        decision = DecisionJSON(record.result.plan.decision ?? record.result.decision)
        course = CourseJSON(record.course)
        plan = PlanJSON(record.result.plan)
        taper = record.result.taper.map(TaperJSON.init)
        newCourse = record.newCourse.map(CourseJSON.init)
        newPlan = record.result.newPlan.map(PlanJSON.init)
        conversion = record.result.conversion.map(ConversionJSON.init)
        guidance = record.result.guidance.map {
            Guidance(allowed: $0.allowed, message: $0.message, sources: $0.sources, status: $0.status.rawValue, note: $0.note)
        }
        warnings = record.result.decision.warnings.map(FindingJSON.init)
        closedTapers = record.closedTapers.map(CourseJSON.init)
    }
}
