import PainLadder

/// An old drug still tapering beside the course in progress (a switch), marked as such so a
/// patient following the schedule does not stop it at once.
enum TaperText {
    /// "Duloxetine (tapering to stop on 2026-04-07)", then the taper's dated doses.
    static func render(_ plan: PlanVersion, drugName: String, from: LocalDate? = nil, to: LocalDate? = nil) -> String {
        let stop = plan.schedule.stopDate.map { " to stop on \($0)" } ?? ""
        var lines = ["\(drugName) (tapering\(stop)), plan version \(plan.version): keep taking it as below until then"]
        var table = Table("from", "daily", "what to take")
        for step in plan.schedule.plannedSteps where step.startDate >= plan.effectiveFrom
            && (from.map { step.startDate >= $0 } ?? true) && (to.map { step.startDate <= $0 } ?? true) {
            if step.administrations.isEmpty {
                table.add(step.startDate.description, "stop", "no more \(drugName.lowercased()) from this day")
            } else {
                table.add(step.startDate.description, "\(step.dailyTotal) mg",
                          step.administrations.map(\.instruction).joined(separator: "; "))
            }
        }
        lines.append(table.rows.isEmpty ? "  (no taper step in that range)" : table.render())
        return lines.joined(separator: "\n")
    }
}
