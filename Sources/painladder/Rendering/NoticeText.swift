import Foundation
import PainLadder

/// The notices every screen that shows a plan repeats (``Schedule/standingNotices``): an
/// unlicensed start on a clinician's override, a plan capped because kidney function was
/// unknown; with the overrides that allowed them.
enum NoticeText {
    static func lines(_ schedule: Schedule, overrides: [Override], indent: String = "") -> [String] {
        var lines = schedule.standingNotices.map {
            "\(indent)! \($0.message) [\($0.sources.joined(separator: ", ")); \($0.status.rawValue)]"
        }
        let started = Set(StartOverride.allCases.map(\.recordedName))
        for o in overrides where started.contains(o.limit) {
            lines.append("\(indent)  override \(o.limit), allowed by \(Output.shown(o.by)) on \(Num.day(o.at)): \(Output.shown(o.reason))")
        }
        return lines
    }
}
