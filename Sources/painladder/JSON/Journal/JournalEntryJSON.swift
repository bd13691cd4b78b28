import Foundation
import PainLadder

/// One journal entry: what happened (`kind`) and its detail, the one field named for its kind
/// (`dose` for taken/extra/skipped/missed, `sideEffect` for side-effect and
/// side-effect-resolved, `pain`, `impression`, `assessment`; none for undo). References to
/// other entries say whose id they hold: `supersedesEntryID`, `sideEffect.resolvesEntryID`.
struct JournalEntryJSON: Encodable {
    struct Slot: Encodable {
        var date: String
        var time: String
    }

    struct Dose: Encodable {
        var slot: Slot?
        var doseMg: Int
        var plannedDoseMg: Int?
        var stepNumber: Int?
        var late: Bool
    }

    struct SideEffect: Encodable {
        var symptom: String
        var known: Bool
        var severity: String?
        var since: String?
        var redFlag: Bool
        var resolvesEntryID: Int64?
        var stepNumber: Int?
    }

    struct Pain: Encodable {
        var score: Int
        var sleep: Int?
        var mood: Int?
        var impact: String?
        var baseline: Bool
    }

    struct Assessment: Encodable {
        var pattern: String?
        var onset: String?
        var withNewOrReturningSymptoms: Bool?
        var eases: [String]
        var worsens: [String]
        var happenedBefore: Bool?
        var feltTheSame: Bool?
        var stopsDoing: [String]
        var character: [String]
        var oneSidedFacial: Bool?
    }

    struct Flag: Encodable {
        var kind: String
        var message: String
    }

    var entryID: Int64?
    var patientID: String
    var courseID: Int64?
    var planVersionID: Int64?
    var kind: String
    var at: Date
    var recordedAt: Date
    var recordedBy: String
    var supersedesEntryID: Int64?
    var reason: String?
    var note: String?
    var dose: Dose?
    var sideEffect: SideEffect?
    var pain: Pain?
    var impression: Int?
    var assessment: Assessment?
    var flags: [Flag]

    init(_ e: JournalEntry) {
        entryID = e.id
        patientID = e.patientID
        courseID = e.courseID
        planVersionID = e.planVersionID
        kind = e.kind.rawValue
        at = e.at
        recordedAt = e.recordedAt
        recordedBy = e.recordedBy
        supersedesEntryID = e.supersedes
        reason = e.reason
        note = e.note
        dose = e.dose.map {
            Dose(slot: $0.slot.map { Slot(date: $0.date.description, time: $0.time.description) }, doseMg: $0.doseMg,
                 plannedDoseMg: $0.plannedDoseMg, stepNumber: $0.stepNumber, late: $0.late)
        }
        sideEffect = e.sideEffect.map {
            SideEffect(symptom: $0.symptom, known: $0.known, severity: $0.severity?.rawValue, since: $0.since?.description,
                       redFlag: $0.redFlag, resolvesEntryID: $0.resolves, stepNumber: $0.stepNumber)
        }
        pain = e.pain.map { Pain(score: $0.score, sleep: $0.sleep, mood: $0.mood, impact: $0.impact, baseline: $0.baseline) }
        impression = e.impression
        assessment = e.assessment.map {
            Assessment(pattern: $0.pattern?.rawValue, onset: $0.onset?.rawValue, withNewOrReturningSymptoms: $0.withNewOrReturningSymptoms,
                       eases: $0.eases, worsens: $0.worsens, happenedBefore: $0.happenedBefore, feltTheSame: $0.feltTheSame,
                       stopsDoing: $0.stopsDoing, character: $0.character.map(\.rawValue), oneSidedFacial: $0.oneSidedFacial)
        }
        flags = e.flags.map { Flag(kind: $0.kind.rawValue, message: $0.message) }
    }
}
