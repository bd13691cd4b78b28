import Foundation
import PainLadder

/// One course: one trial of one drug for one patient.
struct CourseJSON: Encodable {
    var courseID: Int64?
    var patientID: String
    var drug: String
    var variant: String
    var startDate: String
    var status: String
    var outcome: String?
    var createdAt: Date
    var createdBy: String

    init(_ c: Course) {
        courseID = c.id
        patientID = c.patientID
        drug = c.drug
        variant = c.variant
        startDate = c.startDate.description
        status = c.status.rawValue
        outcome = c.outcome?.rawValue
        createdAt = c.createdAt
        createdBy = c.createdBy
    }
}
