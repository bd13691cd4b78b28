import Foundation
import PainLadder

extension Clinic {
    /// The hard stops a patient update brought in for a drug already in progress: a medicine
    /// recorded after the course started (an MAOI added while on duloxetine, Lyrica while on
    /// gabapentin). Nothing changes; the clinician is told, and decides (a stop or a switch).
    /// Only rules that did not match before the update are returned.
    ///
    /// ```swift
    /// let update = try clinic.updatePatient("P001", changes, reason: nil, by: "dr.rao", now: .now)
    /// for stop in try clinic.newHardStopsInProgress(update, now: .now) { print(stop.message) }
    /// ```
    public func newHardStopsInProgress(_ update: PatientUpdate, now: Date) throws -> [SafetyFinding] {
        let record = try record(patientID: update.after.id)
        let today = LocalDate(now, in: update.after.zone)
        let inProgress = record.courses.filter { $0.course.status != .stopped }.compactMap { try? formulary.drug($0.course.drug) }
        return inProgress.flatMap { drug -> [SafetyFinding] in
            func stops(_ p: Patient) -> [SafetyFinding] {
                SafetyEvaluator.evaluate(drug, for: p, on: today, in: formulary).filter { $0.kind == .hardStop }
            }
            let before = Set(stops(update.before).map(\.rule))
            return stops(update.after).filter { !before.contains($0.rule) }
        }
    }
}

extension Clinic {
    /// The medicines a patient update added too soon after a drug's last dose (an MAOI within
    /// 5 days of stopping duloxetine: ``WashoutRules``). Nothing changes; the clinician is told.
    ///
    /// ```swift
    /// for w in try clinic.recentStopWarnings(update, now: .now) { print(w.wait.message) }
    /// ```
    public func recentStopWarnings(_ update: PatientUpdate, now: Date) throws -> [RecentStopWarning] {
        let before = Set(update.before.medicines.map(MedicineNameKey.key))
        let added = update.after.medicines.filter { !before.contains(MedicineNameKey.key($0)) }
        guard !added.isEmpty else { return [] }
        let record = try record(patientID: update.after.id, now: now)
        return WashoutRules.warnings(adding: added, patient: update.after, courses: record.courses,
                                     today: LocalDate(now, in: update.after.zone), formulary: formulary)
    }
}
