import Foundation
import PainLadder

extension FHIRExport {
    /// The journal: doses as MedicationStatements, pain and impressions as Observations, side
    /// effects as AdverseEvents. Entries later corrected or undone are `entered-in-error`
    /// (their correction is a resource of its own); undo entries are not resources. An
    /// AdverseEvent has no status in R4, so a side-effect report corrected or undone is left out.
    static func journal(_ c: FHIRContext, requests: [Int64: [FHIRPlanRequest]]) -> [FHIRJSON] {
        var superseded: Set<Int64> = []
        var resolvedBy: [Int64: Int64] = [:]
        for e in c.record.journal {
            if let old = e.supersedes { superseded.insert(old) }
        }
        for e in c.record.journal where e.kind == .sideEffectResolved {
            if let id = e.id, !superseded.contains(id), let report = e.sideEffect?.resolves { resolvedBy[report] = id }
        }
        let courses = Dictionary(c.record.courses.compactMap { r in r.course.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        var entries: [FHIRJSON] = []
        for e in c.record.journal {
            guard let id = e.id else { continue }
            let withdrawn = superseded.contains(id)
            switch e.event {
            case .taken(let d), .extra(let d), .skipped(let d), .missed(let d):
                guard let courseID = e.courseID, let course = courses[courseID] else { continue }
                entries.append(statement(e, id: id, dose: d, course: course, requests: requests[courseID] ?? [],
                                         withdrawn: withdrawn, c))
            case .pain(let p):
                entries.append(pain(e, id: id, p, withdrawn: withdrawn, c))
            case .impression(let value):
                entries.append(impression(e, id: id, value, withdrawn: withdrawn, c))
            case .sideEffect(let s):
                guard !withdrawn else { continue }
                entries.append(adverseEvent(e, id: id, s, resolved: resolvedBy[id] != nil, c))
            case .sideEffectResolved, .assessment, .undo:
                continue
            }
        }
        return entries
    }

    /// A dose the patient reported: taken (`completed`), skipped (`not-taken`, with the
    /// reason), or missed (`unknown`: nothing was recorded by the end of the late window).
    static func statement(_ e: JournalEntry, id: Int64, dose: DoseDetail, course: CourseRecord, requests: [FHIRPlanRequest],
                          withdrawn: Bool, _ c: FHIRContext) -> FHIRJSON {
        var o = FHIRObject()
        let status: String
        var reason: String?
        switch e.kind {
        case .skipped: status = "not-taken"; reason = e.reason.map { "Skipped: \($0)" } ?? "Skipped"
        case .missed: status = "unknown"; reason = "Missed: no dose recorded by the end of the late window"
        default: status = "completed"
        }
        if let request = basedOn(e, dose: dose, course: course, requests: requests, c) {
            o.add("basedOn", .array([c.reference("MedicationRequest", request.id)]))
        }
        o.add("status", .string(withdrawn ? "entered-in-error" : status))
        o.add("statusReason", reason.flatMap(FHIRText.nonEmpty).map { .array([.object([("text", $0)])]) })
        o.add("medicationReference", medicationReference(course.course.drug, c))
        o.add("subject", c.patientReference)
        o.add("effectiveDateTime", c.time.dateTime(e.at))
        o.add("dateAsserted", c.time.dateTime(e.recordedAt))
        o.add("informationSource", c.patientReference)
        var notes: [String?] = [e.note]
        if e.kind == .extra { notes.append("Extra dose, outside the plan's doses") }
        if dose.late { notes.append("Taken late") }
        if let slot = dose.slot { notes.append("For the \(slot.time) dose of \(slot.date)") }
        o.add("note", array: FHIRText.notes(notes))
        if e.kind == .taken || e.kind == .extra {
            o.add("dosage", .array([.object([
                ("text", .string("\(dose.doseMg) mg")),
                ("doseAndRate", .array([.object([("doseQuantity", FHIRCodes.milligrams(dose.doseMg))])])),
            ])]))
        }
        return c.entry("MedicationStatement", FHIRIdentity.statement(entry: id), o.members)
    }

    /// The request the dose belongs to: the one of its plan version and step, else the one
    /// in force on the dose's day.
    static func basedOn(_ e: JournalEntry, dose: DoseDetail, course: CourseRecord, requests: [FHIRPlanRequest],
                        _ c: FHIRContext) -> FHIRPlanRequest? {
        if let version = e.planVersionID, let index = course.versions.firstIndex(where: { $0.id == version }),
           let step = dose.stepNumber,
           let match = requests.first(where: { $0.versionIndex == index && $0.step.number == step && $0.dated }) {
            return match
        }
        let day = dose.slot?.date ?? c.record.zones.localDate(e.at)
        return requests.last { $0.dated && $0.status != .cancelled && $0.from <= day && ($0.to.map { day <= $0 } ?? true) }
    }

    static func observation(_ e: JournalEntry, id: Int64, withdrawn: Bool, code: FHIRJSON, value: Int,
                            components: [FHIRJSON], notes: [String?], _ c: FHIRContext) -> FHIRJSON {
        var o = FHIRObject()
        o.add("status", .string(withdrawn ? "entered-in-error" : "final"))
        o.add("category", .array([FHIRCodes.concept([FHIRCodes.coding(FHIRCodes.observationCategory, "survey", display: "Survey")], text: nil)]))
        o.add("code", code)
        o.add("subject", c.patientReference)
        o.add("effectiveDateTime", c.time.dateTime(e.at))
        o.add("issued", c.time.dateTime(e.recordedAt))
        o.add("performer", .array([c.patientReference]))
        o.add("valueInteger", .integer(value))
        o.add("note", array: FHIRText.notes(notes))
        o.add("component", array: components)
        return c.entry("Observation", FHIRIdentity.observation(entry: id), o.members)
    }

    /// Pain on the 0–10 scale (LOINC 72514-3); sleep and mood interference as components
    /// with text-only codes (no code for them has been verified).
    static func pain(_ e: JournalEntry, id: Int64, _ p: PainDetail, withdrawn: Bool, _ c: FHIRContext) -> FHIRJSON {
        let code = FHIRCodes.concept([FHIRCodes.coding(FHIRCodes.loinc, FHIRCodes.painSeverity,
                                                        display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported")],
                                     text: "Average pain over the last 24 hours (0-10)")
        var components: [FHIRJSON] = []
        if let sleep = p.sleep {
            components.append(.object([("code", .object([("text", "Pain interference with sleep (0-10)")])), ("valueInteger", .integer(sleep))]))
        }
        if let mood = p.mood {
            components.append(.object([("code", .object([("text", "Pain interference with mood (0-10)")])), ("valueInteger", .integer(mood))]))
        }
        let impact = p.impact.map { "What the pain stopped: \($0)" }
        return observation(e, id: id, withdrawn: withdrawn, code: code, value: p.score, components: components,
                           notes: [p.baseline ? "Baseline for the course" : nil, impact, e.note], c)
    }

    /// Patient global impression of change, 1 (very much improved) to 7 (very much worse): text-only code.
    static func impression(_ e: JournalEntry, id: Int64, _ value: Int, withdrawn: Bool, _ c: FHIRContext) -> FHIRJSON {
        observation(e, id: id, withdrawn: withdrawn,
                    code: .object([("text", "Patient global impression of change (1 very much improved - 7 very much worse)")]),
                    value: value, components: [], notes: [e.note], c)
    }

    /// A side effect the patient reported, suspected of the course's drug: severity, red flag
    /// as seriousness, resolved or ongoing.
    static func adverseEvent(_ e: JournalEntry, id: Int64, _ s: SideEffectDetail, resolved: Bool, _ c: FHIRContext) -> FHIRJSON {
        let course = e.courseID.flatMap { id in c.record.courses.first { $0.course.id == id } }
        let drug = course.flatMap { try? c.formulary.drug($0.course.drug) }
        let known = drug.flatMap { d in (d.sideEffects.common.value + d.sideEffects.redFlags.value).first { $0.id == s.symptom } }
        var o = FHIRObject()
        o.add("actuality", "actual")
        let codings = known?.snomed.map { [FHIRCodes.coding(FHIRCodes.snomed, $0, status: .unconfirmed)] } ?? []
        o.add("event", FHIRCodes.concept(codings, text: known?.label ?? s.symptom))
        o.add("subject", c.patientReference)
        o.add("date", c.time.dateTime(e.at))
        if let since = s.since { o.add("detected", FHIRTime.date(since)) }
        o.add("recordedDate", c.time.dateTime(e.recordedAt))
        o.add("seriousness", FHIRCodes.concept([FHIRCodes.coding(FHIRCodes.adverseEventSeriousness, s.redFlag ? "serious" : "non-serious",
                                                                  display: s.redFlag ? "Serious" : "Non-serious")],
                                               text: s.redFlag ? "Red flag: stop and seek help" : nil))
        if let severity = s.severity {
            o.add("severity", FHIRCodes.concept([FHIRCodes.coding(FHIRCodes.adverseEventSeverity, severity.rawValue,
                                                                  display: severity.rawValue.capitalized)], text: nil))
        }
        o.add("outcome", FHIRCodes.concept([FHIRCodes.coding(FHIRCodes.adverseEventOutcome, resolved ? "resolved" : "ongoing",
                                                             display: resolved ? "Resolved" : "Ongoing")], text: nil))
        if let course {
            o.add("suspectEntity", .array([.object([("instance", medicationReference(course.course.drug, c))])]))
        }
        return c.entry("AdverseEvent", FHIRIdentity.adverseEvent(entry: id), o.members)
    }
}
