import Foundation
import PainLadder
import PainLadderClinic

/// What every resource of one bundle needs: the record, the formulary (codes), the ids, the
/// patient's clock, and today (which dated requests are done, which go on).
struct FHIRContext {
    let record: PatientRecord
    let formulary: Formulary
    let identity: FHIRIdentity
    let time: FHIRTime
    let today: LocalDate

    init(record: PatientRecord, formulary: Formulary, now: Date) {
        self.record = record
        self.formulary = formulary
        identity = FHIRIdentity(patientID: record.patient.id)
        time = FHIRTime(zones: record.zones)
        today = record.zones.localDate(now)
    }

    var patientReference: FHIRJSON { identity.reference("Patient", identity.patientResourceID) }

    /// A bundle entry: the resource under its `fullUrl`.
    func entry(_ type: String, _ id: String, _ members: [(String, FHIRJSON)]) -> FHIRJSON {
        .object([("fullUrl", .string(identity.url(type, id))),
                 ("resource", .object([("resourceType", .string(type)), ("id", .string(id))] + members))])
    }

    func reference(_ type: String, _ id: String) -> FHIRJSON { identity.reference(type, id) }
}
