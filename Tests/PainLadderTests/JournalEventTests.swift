import Foundation
import Testing
import PainLadder

/// An entry's event is made from the details stored beside its kind only when exactly that
/// kind's own detail is there: a stored row can never become a dose without its dose.
@Suite("Journal event: each kind with its own detail")
struct JournalEventTests {
    static let dose = DoseDetail(slot: nil, doseMg: 10, plannedDoseMg: nil, stepNumber: nil, late: false)
    static let effect = SideEffectDetail(symptom: "drowsiness", known: true, severity: .mild)
    static let pain = PainDetail(score: 6)

    static func event(_ kind: JournalEntry.Kind, dose: DoseDetail? = nil, sideEffect: SideEffectDetail? = nil,
                      pain: PainDetail? = nil, impression: Int? = nil) -> JournalEvent? {
        JournalEvent(kind: kind, dose: dose, sideEffect: sideEffect, pain: pain, impression: impression, assessment: nil)
    }

    @Test func everyKindFromItsOwnDetail() {
        #expect(Self.event(.taken, dose: Self.dose) == .taken(Self.dose))
        #expect(Self.event(.extra, dose: Self.dose) == .extra(Self.dose))
        #expect(Self.event(.skipped, dose: Self.dose) == .skipped(Self.dose))
        #expect(Self.event(.missed, dose: Self.dose) == .missed(Self.dose))
        #expect(Self.event(.sideEffect, sideEffect: Self.effect) == .sideEffect(Self.effect))
        #expect(Self.event(.sideEffectResolved, sideEffect: Self.effect) == .sideEffectResolved(Self.effect))
        #expect(Self.event(.pain, pain: Self.pain) == .pain(Self.pain))
        #expect(Self.event(.impression, impression: 3) == .impression(3))
        #expect(Self.event(.undo) == .undo)
        for kind in JournalEntry.Kind.allCases {
            if let e = Self.event(kind, dose: Self.dose) ?? Self.event(kind, sideEffect: Self.effect)
                ?? Self.event(kind, pain: Self.pain) ?? Self.event(kind, impression: 3) ?? Self.event(kind) {
                #expect(e.kind == kind)
            }
        }
    }

    @Test func noKindWithoutItsDetailOrWithAnothers() {
        #expect(Self.event(.taken) == nil)
        #expect(Self.event(.taken, pain: Self.pain) == nil)
        #expect(Self.event(.pain, dose: Self.dose, pain: Self.pain) == nil)
        #expect(Self.event(.undo, dose: Self.dose) == nil)
        #expect(Self.event(.assessment) == nil)
    }

    @Test func theEntrysDetailsAreTheEventsOwn() {
        let at = Date(timeIntervalSince1970: 0)
        let entry = JournalEntry(patientID: "P1", at: at, recordedAt: at, recordedBy: "P1", event: .missed(Self.dose))
        #expect(entry.kind == .missed && entry.dose == Self.dose)
        #expect(entry.pain == nil && entry.sideEffect == nil && entry.impression == nil && entry.assessment == nil)
    }
}
