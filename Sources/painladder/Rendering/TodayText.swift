import Foundation
import PainLadderStore
import PainLadder

enum TodayText {
    static func render(_ t: Clinic.Today, now: Date) -> String {
        let zone = TimeZone(identifier: t.timeZone) ?? .current
        var l = ["\(t.drugName) today, \(t.date) (\(t.timeZone)), day \(t.position.dayOfCourse) of the course"]
        if t.day.items.isEmpty { l.append("  Nothing to take today.") }
        for item in t.day.items {
            let a = item.slot.administration
            var line = "  \(a.time)  \(a.doseMg) mg: \(Dispensing.describe(a.units))"
            switch item.state {
            case .taken:
                let at = item.takenAt.map { WallClock.local($0, in: zone) }
                line += "  ✓ taken\(at.map { " at \($0.time)\($0.date != t.date ? " on \($0.date)" : "")" } ?? "")"
                if let mg = item.takenMg, mg != a.doseMg { line += " (\(mg) mg)" }
            case .skipped: line += "  – skipped"
            case .due: line += "  ← due now"
            case .overdue: line += "  ! not recorded yet"
            case .upcoming: line += ""
            }
            if let id = item.entryID { line += "  #\(id)" }
            l.append(line)
        }
        for extra in t.day.extras {
            l.append("  extra: \(extra.dose?.doseMg ?? 0) mg at \(WallClock.local(extra.at, in: zone).time)  #\(extra.id ?? 0)")
        }
        if t.day.changesToday, let step = t.day.step {
            l.append("The dose changes today: now \(step.dailyTotal) mg a day.")
        }
        if let next = t.day.changesTomorrow {
            l.append("From tomorrow: \(next.administrations.map(\.instruction).joined(separator: "; ")).")
        }
        if let hold = t.day.holdReason {
            l.append("On hold: the next step-up waits for a clinician's review (\(hold)). Keep taking the dose above.")
        }
        return l.joined(separator: "\n")
    }
}
