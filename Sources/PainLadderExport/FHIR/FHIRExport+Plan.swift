import Foundation
import PainLadder

extension FHIRExport {
    /// A course: its CarePlan (review dates), a MedicationRequest per dated step of each plan
    /// version, and a Provenance per version (who decided, why, what was accepted).
    static func plan(_ course: CourseRecord, requests: [FHIRPlanRequest], _ c: FHIRContext) -> [FHIRJSON] {
        guard let courseID = course.course.id else { return [] }
        let versions = course.versions
        // A version's replacement: the last request in force under the version it replaced.
        func prior(of index: Int) -> FHIRPlanRequest? {
            guard let replaced = versions[index].replacesID,
                  let before = versions.firstIndex(where: { $0.id == replaced }) else { return nil }
            return requests.last { $0.versionIndex == before && $0.status != .cancelled && $0.status != .onHold }
        }
        var entries = [carePlan(course, courseID: courseID, requests: requests, c)]
        for r in requests {
            entries.append(request(r, course: course, prior: prior(of: r.versionIndex), c))
        }
        for (index, version) in versions.enumerated() {
            let targets = requests.filter { $0.versionIndex == index }.map { c.reference("MedicationRequest", $0.id) }
            entries.append(provenance(version, targets: targets.isEmpty ? [c.reference("CarePlan", FHIRIdentity.carePlan(course: courseID))] : targets,
                                      prior: prior(of: index), c))
        }
        return entries
    }

    static func request(_ r: FHIRPlanRequest, course: CourseRecord, prior: FHIRPlanRequest?, _ c: FHIRContext) -> FHIRJSON {
        let version = course.versions[r.versionIndex]
        var o = FHIRObject()
        o.add("status", .string(r.status.rawValue))
        switch r.status {
        case .stopped, .cancelled:
            let next = course.versions[r.versionIndex + 1]
            o.add("statusReason", FHIRText.nonEmpty("Replaced by plan version \(next.version): \(next.reason)")
                .map { .object([("text", $0)]) })
        case .onHold:
            o.add("statusReason", FHIRText.nonEmpty("Step-up held until a clinician decides: \(version.holdReason ?? "")")
                .map { .object([("text", $0)]) })
        default: break
        }
        o.add("intent", "order")
        o.add("medicationReference", medicationReference(course.course.drug, c))
        o.add("subject", c.patientReference)
        o.add("authoredOn", c.time.dateTime(version.createdAt))
        o.add("requester", FHIRText.nonEmpty(version.author).map { .object([("display", $0)]) })
        o.add("groupIdentifier", .object([("system", .string(FHIRCodes.planVersionSystem)),
                                          ("value", .string(String(version.id ?? Int64(version.version))))]))
        o.add("note", array: FHIRText.notes(["Plan version \(version.version): \(version.reason)"]))
        o.add("dosageInstruction", array: dosages(r, maximum: version.schedule.maximumDailyDose.value))
        if let prior { o.add("priorPrescription", c.reference("MedicationRequest", prior.id)) }
        return c.entry("MedicationRequest", r.id, o.members)
    }

    /// One Dosage per distinct dose of the step (same `sequence`: taken together each day),
    /// each with its times of day.
    static func dosages(_ r: FHIRPlanRequest, maximum: Milligrams) -> [FHIRJSON] {
        var doses: [(mg: Milligrams, administrations: [Administration])] = []
        for a in r.step.administrations {
            if let i = doses.firstIndex(where: { $0.mg == a.doseMg }) { doses[i].administrations.append(a) } else { doses.append((a.doseMg, [a])) }
        }
        return doses.map { dose in
            let times = dose.administrations.map(\.time).sorted()
            let made = dose.administrations.first.map { " (\(Dispensing.describe($0.units)))" } ?? ""
            var repeatRule = FHIRObject()
            if r.dated {
                var bounds = FHIRObject([("start", FHIRTime.date(r.from))])
                bounds.add("end", r.to.map(FHIRTime.date))
                repeatRule.add("boundsPeriod", bounds.json)
            }
            repeatRule.add("frequency", .integer(times.count))
            repeatRule.add("period", 1)
            repeatRule.add("periodUnit", "d")
            repeatRule.add("timeOfDay", .array(times.map(FHIRTime.time)))
            let when = r.dated ? (r.to.map { "from \(r.from) to \($0)" } ?? "from \(r.from)") : "once a clinician allows the step-up"
            return .object([
                ("sequence", .integer(r.step.number)),
                ("text", .string("Step \(r.step.number): \(dose.mg) mg\(made) at \(times.map(\.description).joined(separator: ", ")) each day, \(when)")),
                ("timing", .object([("repeat", repeatRule.json)])),
                ("doseAndRate", .array([.object([("doseQuantity", FHIRCodes.milligrams(dose.mg))])])),
                ("maxDosePerPeriod", .object([("numerator", FHIRCodes.milligrams(maximum)),
                                              ("denominator", .object([("value", 1), ("unit", "d"), ("system", .string(FHIRCodes.ucum)), ("code", "d")]))])),
            ])
        }
    }

    /// The course as a CarePlan: its period, its review dates (each version's next review)
    /// as activities, and the requests not yet done.
    static func carePlan(_ course: CourseRecord, courseID: Int64, requests: [FHIRPlanRequest], _ c: FHIRContext) -> FHIRJSON {
        let stopped = course.course.status == .stopped
        let drug = (try? c.formulary.drug(course.course.drug).name) ?? course.course.drug
        var reviews: [(date: LocalDate, status: String)] = []
        for (i, v) in course.versions.enumerated() {
            guard let date = v.nextReviewDate else { continue }
            let status: String
            if i + 1 < course.versions.count {
                let next = course.versions[i + 1]
                status = c.record.zones.localDate(next.createdAt) >= date ? "completed" : "cancelled"
            } else {
                status = stopped ? "cancelled" : "scheduled"
            }
            if let k = reviews.firstIndex(where: { $0.date == date }) { reviews[k].status = status } else { reviews.append((date, status)) }
        }
        var activities: [FHIRJSON] = reviews.map { review in
            .object([("detail", .object([
                ("kind", "Appointment"),
                ("code", .object([("text", "Titration review")])),
                ("status", .string(review.status)),
                ("scheduledPeriod", .object([("start", FHIRTime.date(review.date)), ("end", FHIRTime.date(review.date))])),
                ("description", .string("Review of the \(drug.lowercased()) course: pain, side effects, what next.")),
            ]))])
        }
        activities += requests.filter { $0.status == .active || $0.status == .onHold }
            .map { .object([("reference", c.reference("MedicationRequest", $0.id))]) }
        var o = FHIRObject()
        o.add("status", .string(stopped ? "completed" : "active"))
        o.add("intent", "plan")
        o.add("title", .string("\(drug) titration (course \(courseID))"))
        o.add("subject", c.patientReference)
        var period = FHIRObject([("start", FHIRTime.date(course.course.startDate))])
        if stopped, let stop = course.currentPlan?.schedule.stopDate { period.add("end", FHIRTime.date(stop.adding(days: -1))) }
        o.add("period", period.json)
        o.add("created", c.time.dateTime(course.course.createdAt))
        o.add("author", FHIRText.nonEmpty(course.course.createdBy).map { .object([("display", $0)]) })
        o.add("activity", array: activities)
        return c.entry("CarePlan", FHIRIdentity.carePlan(course: courseID), o.members)
    }

    /// A plan version's decision: who, when, why, the warnings accepted and limits overridden,
    /// on the requests it made; the request in force before it as the revised entity.
    static func provenance(_ v: PlanVersion, targets: [FHIRJSON], prior: FHIRPlanRequest?, _ c: FHIRContext) -> FHIRJSON {
        var o = FHIRObject()
        var extensions: [FHIRJSON] = []
        for w in v.decision?.warnings ?? [] {
            extensions.append(.object([("url", .string(FHIRCodes.acceptedWarningExtension)),
                                       ("valueString", .string("\(w.rule) (\(w.kind.rawValue)): \(w.message)"))]))
        }
        for override in v.overrides {
            extensions.append(.object([("url", .string(FHIRCodes.overrideExtension)),
                                       ("valueString", .string("\(override.limit): allowed by \(override.by): \(override.reason)"))]))
        }
        o.add("extension", array: extensions)
        o.add("target", .array(targets))
        o.add("occurredDateTime", c.time.dateTime(v.createdAt))
        o.add("recorded", c.time.dateTime(v.createdAt))
        let why = v.decision?.reason ?? v.reason
        o.add("reason", array: FHIRText.nonEmpty(why).map { [.object([("text", $0)])] } ?? [])
        let what: String
        if let d = v.decision {
            let details = d.details.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            what = "Decision: \(d.kind.rawValue)" + (details.isEmpty ? "" : " (\(details))")
        } else {
            what = "Plan version \(v.version): \(v.reason)"
        }
        o.add("activity", .object([
            ("coding", .array([FHIRCodes.coding(FHIRCodes.dataOperation, v.replacesID == nil ? "CREATE" : "UPDATE")])),
            ("text", .string(what)),
        ]))
        let who = FHIRText.nonEmpty(v.decision?.by ?? v.author) ?? "unknown"
        o.add("agent", .array([.object([
            ("type", .object([("coding", .array([FHIRCodes.coding(FHIRCodes.provenanceParticipant, "author", display: "Author")]))])),
            ("who", .object([("display", who)])),
        ])]))
        if let prior {
            o.add("entity", .array([.object([("role", "revision"), ("what", c.reference("MedicationRequest", prior.id))])]))
        }
        return c.entry("Provenance", FHIRIdentity.provenance(version: v.id ?? Int64(v.version)), o.members)
    }
}
