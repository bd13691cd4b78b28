import PainLadder

enum PositionText {
    static func render(_ pos: CoursePosition, drugName: String, today: LocalDate, planVersion: Int) -> String {
        var l: [String] = []
        guard let current = pos.current else {
            l.append("\(drugName): the course starts in \(Plural.days(1 - pos.dayOfCourse)) (plan version \(planVersion)).")
            return l.joined(separator: "\n")
        }
        l.append("\(drugName), day \(pos.dayOfCourse) of the course (plan version \(planVersion)); today is \(today).")
        l.append("  step \(current.number) of \(pos.plannedStepCount): \(current.dailyTotal) mg/day (\(Plural.days(pos.daysAtCurrentDose)) at this dose so far)\(pos.atTarget ? ", the usual target" : "")")
        for a in current.administrations { l.append("    \(a.instruction)") }
        if let hold = pos.holdReason {
            l.append("  step-ups on hold until a clinician reviews: \(Output.shown(hold))")
        } else if let next = pos.next {
            l.append("  next: \(next.dailyTotal) mg/day from \(next.startDate)")
        }
        if let review = pos.nextReview, let days = pos.daysToReview {
            let when = days < 0 ? "OVERDUE by \(Plural.days(-days))" : days == 0 ? "today" : "in \(Plural.days(days))"
            l.append("  review due \(review) (\(when))")
        }
        return l.joined(separator: "\n")
    }
}
