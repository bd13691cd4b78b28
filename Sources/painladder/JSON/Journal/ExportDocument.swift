import PainLadder
import PainLadderClinic

/// `export --format json`: the patient, every course with all its plan versions, and the
/// journal (corrected and undone entries included and marked). Schema:
/// schemas/export.schema.json.
struct ExportDocument: Encodable {
    struct CourseWithVersions: Encodable {
        var course: CourseJSON
        var planVersions: [PlanJSON]
    }

    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var patient: PatientDocument
    var courses: [CourseWithVersions]
    var journal: [HistoryDocument.Item]

    init(_ record: PatientRecord) {
        patientID = record.patient.id
        patient = PatientDocument(record.patient)
        courses = record.courses.map { CourseWithVersions(course: CourseJSON($0.course), planVersions: $0.versions.map(PlanJSON.init)) }
        journal = HistoryItem.items(of: record, from: nil, to: nil).filter { $0.entry != nil }.map(HistoryDocument.Item.init)
    }
}
