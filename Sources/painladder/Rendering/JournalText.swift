import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

/// What a patient sees after recording: a plain confirmation, what to do now for a red
/// flag, and what the clinician will be told.
enum JournalText {
    static func report(_ recorded: Clinic.Recorded, zones: ZoneHistory, json: Bool) throws {
        if json {
            try Output.json(RecordedView(entries: recorded.entries, newPlan: recorded.newPlan))
            return
        }
        for e in recorded.entries {
            // Local times in the zone the patient was in then (a move keeps past times).
            Output.line(describe(e, zone: zones.zone(at: e.at)))
            for flag in e.flags {
                switch flag.kind {
                case .redFlag:
                    // The formulary's own words say what to do now (they differ by symptom).
                    Output.line("!! \(flag.message)")
                    Output.line("!! Your clinician has been flagged to look at this.")
                case .aboveMaximum:
                    Output.line("! \(flag.message).")
                    Output.line("! That is more than the most you should take in a day. Do not take any more today; your clinician has been told.")
                case .stepUpHeld where e.flags.contains { $0.kind == .redFlag }:
                    // The red flag's advice (which may be to stop) comes first: no "keep taking".
                    Output.line("Your next dose increase is also on hold until your clinician reviews this.")
                case .stepUpHeld:
                    Output.line("Your next dose increase is on hold until your clinician reviews this. Keep taking your current dose.")
                default:
                    Output.line("Noted for your clinician: \(flag.message)")
                }
            }
        }
    }

    static func describe(_ e: JournalEntry, zone: TimeZone) -> String {
        let local = WallClock.local(e.at, in: zone)
        let when = "\(local.date) \(local.time)"
        let id = "#\(e.id ?? 0)"
        switch e.event {
        case .taken(let d):
            return "\(id) taken \(d.doseMg) mg at \(when) for the \(d.slot?.description ?? "") dose\(d.late ? " (late)" : "")\(d.plannedDoseMg.map { $0 != d.doseMg ? "; planned \($0) mg" : "" } ?? "")"
        case .extra(let d):
            return "\(id) extra dose of \(d.doseMg) mg at \(when) (beyond the plan)"
        case .skipped(let d):
            return "\(id) skipped the \(d.slot?.description ?? "") dose: \(e.reason ?? "")"
        case .sideEffect(let s):
            let name = s.known ? s.symptom.replacingOccurrences(of: "-", with: " ") : s.symptom
            return "\(id) side effect: \(name) (\(s.severity?.rawValue ?? "?"))\(s.known ? "" : " [not in the formulary list; kept as written]")"
        case .sideEffectResolved(let s):
            return "\(id) side effect #\(s.resolves ?? 0) resolved"
        case .pain(let p):
            return "\(id) pain \(p.score)/10 on \(local.date)\(p.sleep.map { ", sleep interference \($0)/10" } ?? "")\(p.mood.map { ", mood interference \($0)/10" } ?? "")\(p.baseline ? " (baseline)" : "")"
        case .impression(let value):
            return "\(id) impression of change: \(value)/7"
        case .assessment:
            return "\(id) pain assessment recorded"
        case .missed(let d):
            return "\(id) nothing recorded for the \(d.slot?.description ?? "") dose (marked missed by the reminder job; 'take --at' still records it)"
        case .undo:
            return "\(id) undid #\(e.supersedes ?? 0): \(e.reason ?? "")"
        }
    }
}

struct RecordedView: Encodable {
    var entries: [JournalEntry]
    var newPlan: PlanVersion?
}
