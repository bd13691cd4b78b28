import Foundation
import PainLadderClinic
import PainLadderStore
import PainLadder

/// "What do I take today, and how", in plain words: each dose as "20 mg: 2 × 10 mg tablets
/// at 22:00", what is already recorded, a change of dose today or tomorrow, and any hold.
enum TodayText {
    static func render(_ t: Clinic.Today, now: Date) -> String {
        let zone = TimeZone(identifier: t.timeZone) ?? .current
        let pos = t.position
        var l = ["\(t.drugName) today, \(t.date) (\(t.timeZone))" + (pos.dayOfCourse >= 1 ? ", day \(pos.dayOfCourse) of the course" : "")]
        for notice in t.notices ?? [] {
            l.append("  ! \(notice.message) [\(notice.sources.joined(separator: ", ")); \(notice.status.rawValue)]")
        }
        if pos.dayOfCourse == 1 {
            l.append("  \(t.drugName) starts today.")
        }
        if t.day.items.isEmpty {
            if pos.dayOfCourse < 1 {
                let days = 1 - pos.dayOfCourse
                l.append("  Nothing to take today: the course starts on \(t.date.adding(days: days)) (in \(days) day\(days == 1 ? "" : "s")).")
            } else {
                l.append("  Nothing to take today.")
            }
        }
        for item in t.day.items {
            var line = "  \(item.slot.administration.instruction)"
            switch item.state {
            case .taken:
                let at = item.takenAt.map { WallClock.local($0, in: zone) }
                line += "  ✓ taken\(at.map { " at \($0.time)\($0.date != t.date ? " on \($0.date)" : "")" } ?? "")"
                if let mg = item.takenMg, mg != item.slot.doseMg { line += " (\(mg) mg)" }
            case .skipped: line += "  – skipped"
            case .due: line += "  ← due now"
            case .overdue: line += "  ! not recorded yet (if you took it: painladder take \(t.patientID) --at HH:MM)"
            case .upcoming: break
            }
            if let id = item.entryID { line += "  #\(id)" }
            l.append(line)
        }
        for extra in t.day.extras {
            l.append("  extra: \(extra.dose?.doseMg ?? 0) mg at \(WallClock.local(extra.at, in: zone).time), beyond the plan  #\(extra.id ?? 0)")
        }
        if t.day.changesToday, let at = t.day.changesAt, let step = t.day.step, !step.administrations.isEmpty {
            let was = t.day.previousDailyTotal.map { " (until then: \($0) mg a day)" } ?? ""
            l.append("The dose changes today from the \(at) dose: \(step.dailyTotal) mg a day from then\(was).")
        } else if t.day.changesToday, let step = t.day.step, !step.administrations.isEmpty {
            let was = t.day.previousDailyTotal.map { " (up to yesterday: \($0) mg a day)" } ?? ""
            l.append("The dose changes today: \(step.dailyTotal) mg a day from today\(was).")
        }
        if let next = t.day.changesTomorrow, next.administrations.isEmpty {
            // The taper's stop date is tomorrow: today's doses are the last.
            l.append("Last dose of \(t.drug) today: no more \(t.drug) from tomorrow (\(t.date.adding(days: 1))).")
        } else if let next = t.day.changesTomorrow {
            l.append("The dose changes tomorrow: \(next.administrations.map(\.instruction).joined(separator: "; ")).")
        }
        if let hold = t.day.holdReason {
            l.append("On hold: your next dose increase waits for your clinician's review (\(Output.shown(hold))). Until then, stay on the dose above unless you have been told to stop.")
        }
        return l.joined(separator: "\n")
    }
}
