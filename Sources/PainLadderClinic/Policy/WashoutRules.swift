import Foundation
import PainLadder

/// A medicine added too soon after a drug's last dose: its label asks for a wait the data
/// gives (`Drug/afterStopping`: an MAOI at least 5 days after duloxetine, 14 after
/// amitriptyline).
public struct RecentStopWarning: Sendable, Equatable {
    /// The medicine added, as typed ("Nardil").
    public var medicine: String
    /// The drug stopped recently ("duloxetine").
    public var drug: String
    /// The first day without the drug.
    public var stopDate: LocalDate
    /// Days from `stopDate` to the day the medicine was added (0 on the stop date).
    public var daysSinceStop: Int
    /// The course that ended, or `nil` when the drug was recorded as a stopped medicine.
    public var courseID: Int64?
    public var wait: WashoutAfterStopping

    /// The first day the medicine may start.
    public var earliestStart: LocalDate { stopDate.adding(days: wait.days.value) }
}

/// The reverse washout, checked when medicines are added to a patient: for each drug with
/// an `afterStopping` wait that names the medicine (by name, brand, ingredient or class), the
/// latest stop of that drug, from an ended course (its plan's stop date) or a stopped
/// medicine of that ingredient ("Cymbalta" stopped on a day). A course still running is not
/// a washout question (the drug's hard stops say so).
///
/// ```swift
/// WashoutRules.warnings(adding: ["Nardil"], patient: p, courses: record.courses, today: today, formulary: f)
/// // duloxetine ended 3 days ago → one warning, earliest start 2 days later
/// ```
public enum WashoutRules {
    public static func warnings(adding medicines: [String], patient: Patient, courses: [CourseRecord],
                                today: LocalDate, formulary: Formulary) -> [RecentStopWarning] {
        var found: [RecentStopWarning] = []
        for drug in formulary.drugs {
            guard let waits = drug.afterStopping, !waits.isEmpty, let stop = latestStop(of: drug.id, patient: patient,
                                                                                       courses: courses, today: today, formulary: formulary)
            else { continue }
            let days = stop.date.days(to: today)
            for medicine in medicines {
                let terms = Set(([medicine] + [formulary.ingredient(named: medicine)].compactMap { $0 }
                                 + formulary.classes(ofMedicine: medicine)).map(MedicineNameKey.key))
                for wait in waits where wait.applies(daysSinceStop: days)
                    && wait.medicinesAny.contains(where: { terms.contains(MedicineNameKey.key($0)) }) {
                    found.append(RecentStopWarning(medicine: medicine, drug: drug.id, stopDate: stop.date, daysSinceStop: days,
                                                   courseID: stop.course, wait: wait))
                }
            }
        }
        return found
    }

    /// The latest first day without `drug` on or before `today`, from an ended course or a
    /// stopped medicine; `nil` when a course of it is still running or it was never stopped.
    static func latestStop(of drug: String, patient: Patient, courses: [CourseRecord], today: LocalDate,
                           formulary: Formulary) -> (date: LocalDate, course: Int64?)? {
        var latest: (date: LocalDate, course: Int64?)?
        for record in courses where record.course.drug == drug {
            guard let stop = record.currentPlan?.schedule.stopDate, stop <= today else {
                // Not ended by today (in progress, or a taper still running): its own hard stops apply.
                if record.course.status != .stopped { return nil }
                continue
            }
            if latest.map({ stop > $0.date }) ?? true { latest = (stop, record.course.id) }
        }
        for stopped in patient.stoppedMedicines ?? [] where formulary.ingredient(named: stopped.name) == drug && stopped.stopped <= today {
            if latest.map({ stopped.stopped > $0.date }) ?? true { latest = (stopped.stopped, nil) }
        }
        return latest
    }
}
