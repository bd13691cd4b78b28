import Foundation
import PainLadder

/// A dose slot: the local date and time it is due, the instant that is in the patient's zone,
/// the dose and the plan version (its id and number) that planned it.
struct DoseSlotJSON: Encodable {
    var date: String
    var time: String
    var instant: Date
    var administration: AdministrationJSON
    var stepNumber: Int
    var planVersionID: Int64?
    var planVersion: Int

    init(_ s: DoseSlot) {
        date = s.key.date.description
        time = s.key.time.description
        instant = s.instant
        administration = AdministrationJSON(s.administration)
        stepNumber = s.stepNumber
        planVersionID = s.planVersionID
        planVersion = s.planVersion
    }
}
