import PainLadder
import PainLadderClinic
import PainLadderStore

/// A recorded decision for the clinician: what was decided, the new plan, the taper and the
/// new course of a switch (dated), the conversion used, and every warning accepted.
enum DecisionText {
    static func render(_ record: SavedDecision, patient: Patient, formulary: Formulary, today: LocalDate) -> String {
        let result = record.result
        let decision = result.plan.decision ?? result.decision
        let course = record.course
        let name = (try? formulary.drug(course.drug).name) ?? course.drug
        var l: [String] = []
        l.append("Recorded: \(decision.kind.rawValue) for \(patient.id) by \(Output.shown(decision.by)) on \(today): \(Output.shown(decision.reason))")
        l.append("\(name), course \(course.id ?? 0): plan version \(result.plan.version) replaces version \(result.plan.version - 1); "
                 + "status \(course.status.rawValue)\(course.outcome.map { ", outcome \($0.rawValue)" } ?? "").")
        for closed in record.closedTapers {
            l.append("(\(closed.drug), course \(closed.id ?? 0): its taper had ended; now stopped.)")
        }
        let overrides = result.plan.overrides + (result.newPlan?.overrides ?? [])
        if !overrides.isEmpty {
            l.append("Overrides on record (kept on every later version and shown at every review):")
            for o in overrides { l.append("  \(o.limit): \(Output.shown(o.reason)) (by \(Output.shown(o.by)))") }
        }
        if !decision.warnings.isEmpty {
            l.append("Warnings (shown and recorded with the decision):")
            for w in decision.warnings {
                let stop = w.kind == .hardStop ? "OVERRIDDEN HARD STOP: " : ""
                l.append("  ! \(stop)\(w.message) [\(w.sources.joined(separator: ", ")); \(w.status.rawValue)]")
            }
        }

        if let taper = result.taper {
            l.append("")
            l.append(taperText(taper, drugName: name))
        }
        if let guidance = result.guidance {
            l.append("")
            l.append("Switching \(course.drug) → \(result.newCourse?.drug ?? decision.details["to"] ?? ""): \(guidance.message) \(guidance.citation)")
        }
        if let conversion = result.conversion {
            l.append("")
            l.append(conversionText(conversion))
        }
        if let newCourse = record.newCourse, let newPlan = result.newPlan {
            let newName = (try? formulary.drug(newCourse.drug).name) ?? newCourse.drug
            let mode = decision.details["mode"] ?? ""
            l.append("")
            l.append("New course: \(newName), course \(newCourse.id ?? 0), starts \(newCourse.startDate) (\(mode)"
                     + "\(mode == "sequential" ? ", when the \(name.lowercased()) taper ends" : mode == "cross-taper" ? ", day 1 of the taper" : ", the day after the last \(name.lowercased()) dose")); "
                     + "first dose \(newPlan.schedule.plannedSteps.first.map { "\($0.dailyTotal) mg/day" } ?? "none").")
            if let review = newPlan.nextReviewDate { l.append("Early review of \(newName) due \(review).") }
            l.append("")
            l.append(ScheduleText.render(newPlan.schedule, drugName: newName, patient: patient, overrides: newPlan.overrides))
            return l.joined(separator: "\n")
        }

        if let review = result.plan.nextReviewDate {
            let kind = ReviewSchedule.kind(for: decision)
            let interval = (try? formulary.drug(course.drug))?.reviews
            l.append("Next review: \(review) (\(kind.rawValue) review\(interval.map { "; default interval \($0.citation), local practice: NICE sets none" } ?? ""))")
        }
        if result.taper == nil {
            if let step = result.plan.step(on: today) {
                var line = "In force today: \(step.dailyTotal) mg/day (step \(step.number))"
                if let hold = result.plan.holdReason {
                    line += "; step-ups on hold: \(hold)"
                } else if let next = result.plan.schedule.plannedSteps.first(where: { $0.startDate > today }) {
                    line += "; next: \(next.dailyTotal) mg/day from \(next.startDate)"
                }
                l.append(line)
            }
            l.append("")
            l.append(ScheduleText.render(result.plan.schedule, drugName: name, patient: patient, overrides: result.plan.overrides))
        }
        return l.joined(separator: "\n")
    }

    static func taperText(_ taper: TaperPlan, drugName: String) -> String {
        var l: [String] = []
        if taper.abrupt {
            l.append("\(drugName) stopped at once, without a taper (override recorded): no dose from \(taper.stopDate).")
        } else if taper.direct {
            l.append("\(drugName): direct switch, no taper: the last dose is on \(taper.stopDate.adding(days: -1)).")
        } else {
            var use = "\(taper.daysOnDrug) days' use"
            if let long = taper.longUse, let threshold = taper.rule.value.longUseDays {
                let span = threshold % 7 == 0 ? "\(threshold / 7) weeks" : "\(threshold) days"
                use += long ? " (\(span) or more)" : " (under \(span): the short-use rule)"
            }
            let minimum = taper.minimumDays > 0 ? "at least \(taper.minimumDays) days" : "no minimum"
            l.append("\(drugName) taper: \(use); \(minimum); lasts \(taper.days) days \(taper.rule.citation)")
            if let note = taper.rule.note { l.append("  rule: \(note)") }
        }
        var table = Table("from", "daily", "what to take")
        for step in taper.steps {
            table.add(step.startDate.description, "\(step.dailyTotal) mg", step.administrations.map(\.instruction).joined(separator: "; "))
        }
        table.add(taper.stopDate.description, "stop", "no more \(drugName.lowercased()) from this day")
        l.append(table.render())
        if let note = taper.note { l.append("  note: \(note)") }
        return l.joined(separator: "\n")
    }

    static func conversionText(_ c: ConversionUse) -> String {
        var l = ["Conversion\(c.usedForDose ? " (sets the new dose)" : " (for information)"): \(c.summary)"]
        if let note = c.table.rows.note { l.append("  \(note)") }
        var table = Table("\(c.table.from) mg/day", "\(c.table.to) mg/day", "typical \(c.table.to)")
        for row in c.table.rows.value {
            let range = row.toMinMg == row.toMaxMg ? "\(row.toMaxMg)" : "\(row.toMinMg)–\(row.toMaxMg)"
            table.add("\(row.fromMg)", range, "\(row.toTypicalMg)\(row == c.row ? "   ← this dose" : "")")
        }
        l.append(table.render())
        l.append("  Status: \(c.table.rows.status.rawValue.uppercased()) — check against the current BNF or SmPC.")
        return l.joined(separator: "\n")
    }
}
