import Foundation
import Testing
import PainLadderClinic
import PainLadder

/// `StoreJSON.entryDetail` writes journal entries by hand for speed. A field added to one of these
/// types but not to that writer (and its parser) would be silently dropped from storage; this
/// test fails first, naming the type, so the writer is updated with the type.
@Suite("Journal entry JSON: the hand-written codec covers every field")
struct EntryJSONFieldGuardTests {
    static func fields(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label).sorted()
    }

    @Test func everyStoredFieldIsKnownToTheHandWrittenCodec() {
        let at = Date(timeIntervalSince1970: 0)
        let slot = SlotKey(date: LocalDate(year: 2026, month: 1, day: 1)!, time: LocalTime(hour: 8, minute: 0)!)
        let entry = JournalEntry(patientID: "P", at: at, recordedAt: at, recordedBy: "p", event: .undo)
        let message = "a field was added: update StoreJSON.entryDetail (StoreJSON+Entry.swift), its readers (EntryDetail.swift, JournalRow.swift, StoreJSONReader+Entry.swift), then this list"
        #expect(Self.fields(entry) == ["at", "courseID", "event", "flags", "id", "note", "patientID", "planVersionID",
                                       "reason", "recordedAt", "recordedBy", "supersedes"], Comment(rawValue: message))
        #expect(Self.fields(DoseDetail(slot: slot, doseMg: 1, plannedDoseMg: 1, stepNumber: 1, late: false))
                    == ["doseMg", "late", "plannedDoseMg", "slot", "stepNumber"], Comment(rawValue: message))
        #expect(Self.fields(SideEffectDetail(symptom: "x", known: true, severity: .mild))
                    == ["known", "redFlag", "resolves", "severity", "since", "stepNumber", "symptom"], Comment(rawValue: message))
        #expect(Self.fields(PainDetail(score: 1)) == ["baseline", "impact", "mood", "score", "sleep"], Comment(rawValue: message))
        #expect(Self.fields(ClinicianFlag(.redFlag, "m")) == ["kind", "message"], Comment(rawValue: message))
        #expect(Self.fields(slot) == ["date", "time"], Comment(rawValue: message))
    }
}
