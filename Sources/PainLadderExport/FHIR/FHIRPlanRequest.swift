import PainLadder

/// One MedicationRequest to be: a dated step of one plan version, over the days it was (or
/// is to be) in force under that version, or a step that version planned and never reached.
struct FHIRPlanRequest {
    enum Status: String {
        /// In force now or later under the plan in force.
        case active
        /// Ran its course as planned.
        case completed
        /// Ended early because a later plan version replaced it (a decision).
        case stopped
        /// A step-up the plan in force holds back until a clinician decides.
        case onHold = "on-hold"
        /// Planned by a version that was replaced before the step began.
        case cancelled
    }

    var id: String
    var versionIndex: Int
    var step: TitrationStep
    var from: LocalDate
    /// The last day, inclusive; `nil` while it goes on.
    var to: LocalDate?
    var status: Status
    /// Undated: the step waits for a decision (on hold), so it has no bounds.
    var dated: Bool { status != .onHold }

    /// The requests of one course, in order: for each version, the days its steps were in
    /// force (walked day by day as the calendar does, holds frozen by ``PlanVersion/step(on:)``),
    /// then its planned steps that were never in force under it.
    static func all(course: Course, versions: [PlanVersion], today: LocalDate) -> [FHIRPlanRequest] {
        guard course.id != nil, !versions.isEmpty else { return [] }
        var ends = versions.flatMap { v in v.schedule.plannedSteps.map(\.startDate) + [v.effectiveFrom] }
        ends.append(course.startDate)
        let lastChange = ends.max()!

        var result: [FHIRPlanRequest] = []
        var day = course.startDate
        while day <= lastChange {
            defer { day = day.adding(days: 1) }
            guard let plan = DoseCalendar.plan(on: day, versions: versions),
                  let index = versions.firstIndex(where: { $0.version == plan.version }),
                  let step = plan.step(on: day), !step.administrations.isEmpty else { continue }
            if let last = result.last, last.versionIndex == index, last.step.number == step.number,
               last.step.administrations == step.administrations, last.to?.adding(days: 1) == day {
                result[result.count - 1].to = day
            } else {
                result.append(FHIRPlanRequest(id: "", versionIndex: index, step: step, from: day, to: day, status: .active))
            }
        }
        // The step in force on the last dated day goes on, unless the plan ends in a stop.
        if let last = result.indices.last, result[last].to == lastChange { result[last].to = nil }

        for i in result.indices {
            let versionEnd = result[i].versionIndex + 1 < versions.count
                ? versions[result[i].versionIndex + 1].effectiveFrom.adding(days: -1) : nil
            guard let to = result[i].to, to < today else { continue }
            result[i].status = to == versionEnd ? .stopped : .completed
        }

        // Steps a version planned and never put in force.
        var unreached: [FHIRPlanRequest] = []
        for (index, version) in versions.enumerated() {
            let inForce = Set(result.filter { $0.versionIndex == index }.map(\.step.number))
            let planned = version.schedule.plannedSteps
            let replaced = index + 1 < versions.count
            for (k, step) in planned.enumerated() where !step.administrations.isEmpty && !inForce.contains(step.number) {
                let plannedEnd = k + 1 < planned.count ? planned[k + 1].startDate.adding(days: -1) : nil
                // Earlier versions' history copied into this one's schedule is not this version's.
                if let plannedEnd, plannedEnd < version.effectiveFrom { continue }
                if replaced {
                    guard step.startDate >= versions[index + 1].effectiveFrom else { continue }
                    unreached.append(FHIRPlanRequest(id: "", versionIndex: index, step: step, from: step.startDate,
                                                     to: plannedEnd, status: .cancelled))
                } else if version.holdReason != nil, step.startDate >= version.effectiveFrom {
                    unreached.append(FHIRPlanRequest(id: "", versionIndex: index, step: step, from: step.startDate,
                                                     to: plannedEnd, status: .onHold))
                }
            }
        }
        result += unreached
        result.sort { ($0.versionIndex, $0.step.number, $0.from) < ($1.versionIndex, $1.step.number, $1.from) }

        var used: Set<String> = []
        for i in result.indices {
            var id = FHIRIdentity.request(version: versions[result[i].versionIndex].id ?? Int64(result[i].versionIndex),
                                          step: result[i].step.number)
            if !used.insert(id).inserted { id += "-" + result[i].from.description }
            used.insert(id)
            result[i].id = id
        }
        return result
    }
}
