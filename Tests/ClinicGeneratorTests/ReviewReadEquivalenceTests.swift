import ClinicGenerator
import Foundation
import FormularyData
import PainLadder
@testable import PainLadderClinic
@testable import PainLadderStore
import Testing

/// `review` reads plain dose entries as marks (``ReviewRecord``, ``DoseMark``) instead of
/// whole entries. Over seeded clinics (switches with tapers, holds, two and five years of
/// history), with corrections, undos, a correction of a correction and a flagged dose added
/// by hand, it gives exactly the summary the whole-history computation gives, kept here as
/// the reference.
@Suite("The review's narrow read equals the whole-history review", .serialized)
struct ReviewReadEquivalenceTests {
    /// Short histories with switches and tapers, two of two years, one of five.
    static let clinics = [ClinicGenerator.Options(patients: 12, days: 150, seed: 23, secondCourseRate: 0.6),
                          ClinicGenerator.Options(patients: 2, days: 730, seed: 5),
                          ClinicGenerator.Options(patients: 1, days: 1826, seed: 9)]

    @Test("the same summary as the whole history, at instants from today to a year ago", arguments: clinics.indices)
    func sameSummary(clinicIndex: Int) throws {
        let seeded = try SeededClinic(Self.clinics[clinicIndex])
        defer { seeded.remove() }
        let (store, formulary, clinic, end) = (seeded.store, seeded.formulary, seeded.clinic, Self.clinics[clinicIndex].now)

        let patients = try store.patients()
        var amended = 0
        for patient in patients.prefix(3) { amended += try Self.amend(clinic, store, patient.id, now: end) }
        #expect(amended >= 6, "corrections, undos and flagged doses were recorded")

        var compared = 0, lighter = 0
        for patient in patients {
            let whole = try store.patientRecord(patientID: patient.id)
            let read = try store.reviewRecord(patientID: patient.id)
            if read.record.journal.count < whole.journal.count / 2 && !read.doseMarks.isEmpty { lighter += 1 }
            for days in [0.0, 0.4, 3, 17.7, 45, 100, 400] {
                let now = end.addingTimeInterval(-days * 86_400)
                #expect(try clinic.review(patientID: patient.id, now: now) == Self.reference(formulary, whole, now: now),
                        "\(patient.id) at \(now)")
                compared += 1
            }
        }
        #expect(compared == patients.count * 7)
        #expect(lighter == patients.count, "every patient's review decodes less than half the journal")
    }

    /// The review as computed before the narrow read: the whole journal, made effective.
    static func reference(_ formulary: Formulary, _ whole: PatientRecord, now: Date) -> ReviewSummary {
        let record = CourseRules.asLived(whole, on: whole.zones.localDate(now))
        return ReviewSummary.build(patient: record.patient, formulary: formulary, courses: record.courses,
                                   journal: Journal.effective(record.journal), zones: record.zones, now: now)
    }

    /// Corrects, undoes and re-corrects dose entries old and recent, and records a dose above
    /// the maximum (flagged) and one whose note holds `"flags"`; returns how many were written.
    static func amend(_ clinic: Clinic, _ store: Store, _ patientID: String, now: Date) throws -> Int {
        let doses = try store.patientRecord(patientID: patientID).journal.filter {
            ($0.kind == .taken || $0.kind == .skipped) && $0.dose?.slot != nil
        }
        guard doses.count > 40 else { return 0 }
        var written = 0
        func attempt(_ body: () throws -> Clinic.Recorded) -> Clinic.Recorded? {
            guard let recorded = try? body() else { return nil }
            written += 1
            return recorded
        }
        let by = "T"
        for i in [doses.count / 5, doses.count - 3] where doses[i].kind == .taken {
            let later = TimeExpression(.instant(doses[i].at.addingTimeInterval(3 * 3600)), given: "later")
            let corrected = attempt {
                try clinic.correct(patientID: patientID, entryID: doses[i].id!, .init(at: later), reason: "typo", by: by, now: now)
            }
            // A correction of the correction: a chain of supersedes.
            if let id = corrected?.entries.first?.id {
                _ = attempt {
                    try clinic.correct(patientID: patientID, entryID: id, .init(at: TimeExpression(.instant(doses[i].at), given: "back")),
                                       reason: "typo", by: by, now: now)
                }
            }
        }
        for i in [doses.count / 3, doses.count / 2, doses.count - 8] {
            _ = attempt { try clinic.undo(patientID: patientID, entryID: doses[i].id!, reason: "wrong patient", by: by, now: now) }
        }
        let recent = TimeExpression(.instant(now.addingTimeInterval(-5 * 3600)), given: "recent")
        _ = attempt { try clinic.take(patientID: patientID, at: recent, doseMg: 9_000, note: nil, by: by, now: now, confirmed: true) }
        _ = attempt { try clinic.take(patientID: patientID, at: nil, doseMg: nil, note: #"said "flags" twice"#, by: by, now: now) }
        return written
    }
}
