import PainLadder

/// Renders a schedule for people: dates, daily totals and how to make each dose.
enum ScheduleText {
    static func render(_ schedule: Schedule, drugName: String, patient: Patient,
                       from: LocalDate? = nil, to: LocalDate? = nil, overrides: [Override] = []) -> String {
        var lines: [String] = []
        var header = "\(drugName), \(schedule.variant) titration"
        if let band = schedule.renalBand { header += ", renal band \(band)" }
        lines.append(header + " (times are local to \(patient.timeZone))")
        lines += NoticeText.lines(schedule, overrides: overrides)
        lines.append("Maximum for this patient: \(schedule.maximumDailyDose.value) mg/day \(schedule.maximumDailyDose.citation)")
        lines.append("Usual target: \(schedule.usualTarget.value) mg/day \(schedule.usualTarget.citation)")
        if schedule.offLabel {
            lines.append("Off-label: \(patient.diagnosis) is outside this drug's UK licence (allowed; recorded).")
        }
        let inRange = { (step: TitrationStep) -> Bool in
            (from.map { step.startDate >= $0 } ?? true) && (to.map { step.startDate <= $0 } ?? true)
        }
        var planned = Table("step", "from", "daily", "what to take")
        for step in schedule.plannedSteps where inRange(step) {
            if step.administrations.isEmpty {   // the last step of a taper: the stop date
                planned.add(String(step.number), step.startDate.description, "stop", "no more \(drugName.lowercased()) from this day")
                continue
            }
            planned.add(String(step.number), step.startDate.description, "\(step.dailyTotal) mg",
                        step.administrations.map(\.instruction).joined(separator: "; "))
        }
        lines.append("")
        lines.append(planned.rows.isEmpty ? "  (no planned step in that range)" : planned.render())
        let beyond = schedule.steps.filter(\.beyondTarget)
        if !beyond.isEmpty {
            lines.append("")
            lines.append("Above the usual target, only after a clinician's review:")
            var table = Table("step", "daily", "what to take")
            for step in beyond {
                table.add(String(step.number), "\(step.dailyTotal) mg",
                          step.administrations.map(\.instruction).joined(separator: "; "))
            }
            lines.append(table.render())
        }
        if !schedule.otherCautions.isEmpty {
            lines.append("")
            lines.append("Cautions (shown and recorded):")
            for caution in schedule.otherCautions {
                lines.append("  ! \(caution.message) [\(caution.sources.joined(separator: ", ")); \(caution.status.rawValue)]")
            }
        }
        return lines.joined(separator: "\n")
    }
}
