import Foundation
import PainLadder
import PainLadderClinic

/// A patient's record as one FHIR R4 (4.0.1) `Bundle` of type `collection`, for the systems a
/// clinic exchanges records with (docs/FHIR.md has the mapping table).
///
/// A pure function of one ``PatientRecord`` (one read) and the formulary (its codes).
/// Resource ids come from what the store assigned (plan version ids, journal entry ids),
/// so exporting the same facts again gives the same ids.
///
/// ```swift
/// let record = try clinic.record(patientID: "P001", now: now)
/// let json = try FHIRExport.bundle(record, formulary: clinic.formulary, now: now)
/// ```
public enum FHIRExport {
    /// The bundle as pretty JSON. `now` decides which dated requests are done (`completed`,
    /// `stopped`) and which go on (`active`).
    /// - Throws: `unknownDrug` when a course names a drug the formulary lacks.
    public static func bundle(_ record: PatientRecord, formulary: Formulary, now: Date) throws -> String {
        let context = FHIRContext(record: record, formulary: formulary, now: now)
        var entries = [patient(context)]
        let drugs = try Set(record.courses.map(\.course.drug)).sorted().map { try formulary.drug($0) }
        entries += drugs.map { medication($0, context) }
        var requestIDs: [Int64: [FHIRPlanRequest]] = [:]
        for course in record.courses {
            let requests = FHIRPlanRequest.all(course: course.course, versions: course.versions, today: context.today)
            if let id = course.course.id { requestIDs[id] = requests }
            entries += plan(course, requests: requests, context)
        }
        entries += journal(context, requests: requestIDs)
        let bundle: FHIRJSON = .object([
            ("resourceType", "Bundle"),
            ("id", .string("painladder-" + FHIRIdentity.hex(FHIRIdentity.fnv(record.patient.id, seed: 0)))),
            ("type", "collection"),
            ("entry", .array(entries)),
        ])
        return bundle.text() + "\n"
    }

    static func patient(_ c: FHIRContext) -> FHIRJSON {
        let p = c.record.patient
        var o = FHIRObject()
        o.add("extension", .array([.object([("url", .string(FHIRCodes.timeZoneExtension)), ("valueCode", .string(p.timeZone))])]))
        o.add("identifier", .array([.object([("system", .string(FHIRCodes.patientIDSystem)), ("value", .string(p.id))])]))
        o.add("name", FHIRText.nonEmpty(p.name).map { .array([.object([("text", $0)])]) })
        o.add("gender", .string(p.sex.rawValue))
        o.add("birthDate", FHIRTime.date(p.birthDate))
        return c.entry("Patient", c.identity.patientResourceID, o.members)
    }

    static func medication(_ drug: Drug, _ c: FHIRContext) -> FHIRJSON {
        c.entry("Medication", FHIRIdentity.medication(drug: drug.id), [("code", FHIRCodes.medication(drug))])
    }

    static func medicationReference(_ drug: String, _ c: FHIRContext) -> FHIRJSON {
        c.reference("Medication", FHIRIdentity.medication(drug: drug))
    }
}
