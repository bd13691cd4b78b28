import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

/// What a patient sees after recording: a plain confirmation, what to do now for a red
/// flag, and what the clinician will be told.
enum JournalText {
    static func report(_ recorded: Clinic.Recorded, zones: ZoneHistory, json: Bool) throws {
        if json {
            try Output.json(JournalDocument(patientID: recorded.entries.first?.patientID ?? "", entries: recorded.entries,
                                            newPlan: recorded.newPlan))
            return
        }
        for e in recorded.entries {
            // Local times in the zone the patient was in then (a move keeps past times).
            Output.line(describe(e, replacing: recorded.replaced, zones: zones))
            if let first = recorded.possibleRepeatOf, let id = e.id {
                // A second entry for the same dose is the commonest slip: name the first and the undo.
                let time = WallClock.local(first.at, in: zones.zone(at: first.at)).time
                Output.line("This dose was already recorded at \(time) (#\(first.id ?? 0)); if this is the same dose: "
                            + "painladder undo \(e.patientID) \(id) --reason \"recorded twice\"")
            }
            for flag in e.flags {
                switch flag.kind {
                case .redFlag:
                    // The formulary's own words say what to do now (they differ by symptom).
                    Output.line("!! \(Output.shown(flag.message))")
                    Output.line("!! Your clinician has been flagged to look at this.")
                case .aboveMaximum:
                    Output.line("! \(Output.shown(flag.message)).")
                case .stepUpHeld where e.flags.contains { $0.kind == .redFlag }:
                    // The red flag's advice (which may be to stop) comes first: no "keep taking".
                    Output.line("Your next dose increase is also on hold until your clinician reviews this.")
                case .stepUpHeld:
                    Output.line("Your next dose increase is on hold until your clinician reviews this. Keep taking your current dose.")
                default:
                    Output.line("Noted for your clinician: \(Output.shown(flag.message))")
                }
            }
            if e.flags.contains(where: { $0.kind == .aboveMaximum }) { aboveMaximum(e, recorded) }
        }
    }

    /// After a dose above the maximum: what to do if it was really taken (the formulary's
    /// words and source), how to correct a typing mistake, and who is told.
    static func aboveMaximum(_ e: JournalEntry, _ recorded: Clinic.Recorded) {
        if let advice = recorded.overdoseAdvice {
            Output.line("!! \(Output.shown(advice.value)) \(advice.citation)")
        }
        Output.line("! Do not take any more today.")
        if let id = e.id {
            let dose = e.dose?.plannedDoseMg.map(String.init) ?? "MG"
            Output.line("! If it was a typing mistake: painladder correct \(e.patientID) \(id) --dose \(dose) --reason \"typo\"")
        }
        if recorded.clinicianNoticeQueued {
            Output.line("! Your clinician will be told (the reminder job passes the notice on).")
        }
    }

    /// An entry just recorded; a correction or undo also names the entry it replaced, with
    /// its patient, drug and slot: "#10 undid #3 (P001, amitriptyline 22:00 on 2026-03-05): …".
    static func describe(_ e: JournalEntry, replacing old: Clinic.Recorded.Replaced?, zones: ZoneHistory) -> String {
        let line = describe(e, zone: zones.zone(at: e.at))
        guard let old, e.supersedes == old.entry.id, let id = e.supersedes else { return line }
        let what = subject(old, zone: zones.zone(at: old.entry.at))
        if e.kind == .undo {
            return "#\(e.id ?? 0) undid #\(id) (\(what)): \(Output.shown(e.reason ?? ""))"
        }
        return line + "; corrects #\(id) (\(what))"
    }

    /// The patient, drug and slot (or day) of an entry: "P001, amitriptyline 22:00 on 2026-03-05".
    static func subject(_ old: Clinic.Recorded.Replaced, zone: TimeZone) -> String {
        let e = old.entry
        let drug = old.drug.map { "\($0) " } ?? ""
        let day = WallClock.local(e.at, in: zone).date
        let what: String = switch e.event {
        case .taken(let d), .skipped(let d), .missed(let d):
            d.slot.map { "\(drug)\($0.time) on \($0.date)" } ?? "\(drug)dose on \(day)"
        case .extra:
            "\(drug)extra dose on \(day)"
        case .sideEffect(let s):
            "\(drug)side effect \(Output.shown(s.symptom)) on \(day)"
        case .sideEffectResolved:
            "\(drug)side effect resolved on \(day)"
        case .pain:
            "pain score on \(day)"
        case .impression:
            "impression of change on \(day)"
        case .assessment:
            "pain assessment on \(day)"
        case .undo:
            "undo on \(day)"
        }
        return "\(e.patientID), \(what)"
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
            return "\(id) skipped the \(d.slot?.description ?? "") dose: \(Output.shown(e.reason ?? ""))"
        case .sideEffect(let s):
            let name = s.known ? s.symptom.replacingOccurrences(of: "-", with: " ") : Output.shown(s.symptom)
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
            return "\(id) undid #\(e.supersedes ?? 0): \(Output.shown(e.reason ?? ""))"
        }
    }
}

