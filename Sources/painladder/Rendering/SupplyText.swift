import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

enum SupplyText {
    static func render(_ view: Clinic.SupplyView, zone: TimeZone, now: Date) -> String {
        var lines = ["\(view.patientID) · \(view.drug) supply (course \(view.courseID))"]
        if view.stocks.isEmpty {
            lines.append("  nothing recorded yet: painladder supply \(view.patientID) --add N --strength MG")
        }
        for s in view.stocks {
            let st = s.stock.strength
            var line = "  \(st.mg) mg \(st.form)s: " + (s.stock.onHand > 0 ? "about \(s.stock.onHand) in hand" : "none left by the plan's count")
            if let out = s.stock.runsOut, s.ranOut {
                // Past: its own date, and the request is today's (never a date gone by).
                line += "; by the plan's count they ran out at the \(out.key.time) dose on \(out.key.date)"
                if let ask = s.requestFrom { line += "; ask for a new prescription now (from \(ask))" }
            } else if let out = s.stock.runsOut {
                line += "; by the plan they run out at the \(out.key.time) dose on \(out.key.date)"
                if let ask = s.requestFrom { line += "; a new prescription is asked for from \(ask)" }
            } else {
                line += "; the plan's coming doses do not use them up"
            }
            lines.append(line)
        }
        for e in view.events {
            let local = WallClock.local(e.at, in: zone)
            lines.append("  \(local.date) \(local.time)  \(e.kind == .add ? "collected" : "counted") \(e.units) × \(e.strength.mg) mg \(e.strength.form)\(e.units == 1 ? "" : "s") (\(Output.shown(e.recordedBy)))")
        }
        return lines.joined(separator: "\n")
    }
}
