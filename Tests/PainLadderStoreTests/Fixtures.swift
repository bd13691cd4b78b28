import Foundation
import PainLadderClinic
import PainLadder
@testable import PainLadderStore

/// The permission bits of a file, or nil when it does not exist.
func mode(_ path: String) -> Int? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
          let permissions = attributes[.posixPermissions] as? NSNumber else { return nil }
    return permissions.intValue & 0o777
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

let t0 = Date(timeIntervalSince1970: 1_772_442_000)   // 2026-03-02T09:00:00Z
func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

func samplePatient(_ id: String = "P001") -> Patient {
    Patient(id: id, name: "Ann Example", birthDate: day("1958-04-12"), sex: .female, timeZone: "Europe/London",
            weightKg: 68.5, serumCreatinine: SerumCreatinine(value: 88, unit: .micromolPerLitre),
            frail: false, diagnosis: "diabetic-peripheral-neuropathy", conditions: ["heart-block"],
            medicines: ["sertraline", "opioid"])
}

/// A hand-made amitriptyline schedule: `doses` mg at 22:00, one step a week from `start`.
func sampleSchedule(start: LocalDate = day("2026-03-02"), doses: [Milligrams] = [10, 20, 30]) -> Schedule {
    let tablet = Strength(mg: 10, form: "tablet")
    let steps = doses.enumerated().map { i, mg in
        TitrationStep(number: i + 1, startDate: start.adding(days: 7 * i),
                      administrations: [Administration(time: LocalTime(hour: 22, minute: 0)!, doseMg: mg,
                                                       units: [UnitCount(strength: tablet, count: mg / 10)])],
                      minimumDays: 7, beyondTarget: false)
    }
    return Schedule(drug: "amitriptyline", variant: "standard", renalBand: nil, steps: steps,
                    maximumDailyDose: Sourced(75, sources: ["S1"], status: .confirmed),
                    usualTarget: Sourced(30, sources: ["S1"], status: .local, note: "start low"),
                    cautions: [SafetyFinding(drug: "amitriptyline", rule: "cardiac", kind: .caution,
                                             message: "ECG first", sources: ["S2"], status: .unconfirmed)],
                    offLabel: false)
}

func sampleCourse(_ patientID: String = "P001", drug: String = "amitriptyline", at: Date = t0) -> Course {
    Course(patientID: patientID, drug: drug, variant: "standard", startDate: day("2026-03-02"),
           createdAt: at, createdBy: "dr.khan")
}

func samplePlan(schedule: Schedule = sampleSchedule(), at: Date = t0) -> PlanVersion {
    PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: at, author: "dr.khan",
                reason: "course started", schedule: schedule, effectiveFrom: day("2026-03-02"),
                nextReviewDate: day("2026-03-16"))
}

/// The version that follows `current`, as a caller prepares it.
func nextVersion(of current: PlanVersion, schedule: Schedule, reason: String, at: Date) -> PlanVersion {
    var next = current
    next.id = nil
    next.replacesID = current.id
    next.version = current.version + 1
    next.schedule = schedule
    next.reason = reason
    next.createdAt = at
    return next
}
