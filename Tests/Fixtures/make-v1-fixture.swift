// Makes the v1 upgrade fixture with the store as it was at schema "v1" (commit 1d27d9c).
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

let path = CommandLine.arguments[1]
let store = try Store(path: path, createIfMissing: true)
func day(_ s: String) -> LocalDate { LocalDate(parsing: s)! }
func at(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

let ann = Patient(id: "P001", name: "Ann O'Neill \"Annie\"; née Müller", birthDate: day("1958-04-12"), sex: .female,
                  timeZone: "Europe/London", weightKg: 68.5,
                  serumCreatinine: SerumCreatinine(value: 88, unit: .micromolPerLitre),
                  diagnosis: "diabetic-peripheral-neuropathy", conditions: [], medicines: ["codeine"])
let bob = Patient(id: "P002", name: nil, birthDate: day("1949-11-30"), sex: .male, timeZone: "America/New_York",
                  creatinineClearance: 45, frail: true, diagnosis: "post-herpetic-neuralgia")
try store.addPatient(ann, at: at("2026-01-05T09:00:00Z"), by: "dr.rao")
try store.addPatient(bob, at: at("2026-01-05T09:30:00Z"), by: "dr.rao")

func weekly(_ drug: String, start: LocalDate, strength: Int, form: String, doses: [Int], times: [String]) -> Schedule {
    let s = Strength(mg: strength, form: form)
    let steps = doses.enumerated().map { i, mg in
        TitrationStep(number: i + 1, startDate: start.adding(days: 7 * i),
                      administrations: times.map { Administration(time: LocalTime(parsing: $0)!, doseMg: mg,
                                                                  units: [UnitCount(strength: s, count: mg / strength)]) },
                      minimumDays: 7, beyondTarget: i >= doses.count - 1)
    }
    return Schedule(drug: drug, variant: "standard", renalBand: nil, steps: steps,
                    maximumDailyDose: Sourced(doses.last! * times.count, sources: ["S13"], status: .confirmed),
                    usualTarget: Sourced(doses[doses.count - 2] * times.count, sources: ["S11"], status: .local),
                    cautions: [SafetyFinding(drug: drug, rule: "older-adult", kind: .caution,
                                             message: "start low in older people", sources: ["S37"], status: .confirmed)],
                    offLabel: false)
}

let amiSchedule = weekly("amitriptyline", start: day("2026-01-06"), strength: 10, form: "tablet",
                         doses: [10, 20, 30, 40, 50, 60], times: ["22:00"])
let (ami, ami1) = try store.startCourse(
    Course(patientID: "P001", drug: "amitriptyline", variant: "standard", startDate: day("2026-01-06"),
           createdAt: at("2026-01-05T10:00:00Z"), createdBy: "dr.rao"),
    plan: PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: at("2026-01-05T10:00:00Z"), author: "dr.rao",
                      reason: "course started", schedule: amiSchedule, effectiveFrom: day("2026-01-06"),
                      nextReviewDate: day("2026-01-20")))
var held = ami1
held.id = nil; held.replacesID = ami1.id; held.version = 2
held.createdAt = at("2026-01-16T11:00:00Z"); held.author = "painladder (hold rule)"
held.reason = "moderate drowsiness reported on 2026-01-16: step-ups wait for a clinician's review"
held.holdReason = held.reason; held.effectiveFrom = day("2026-01-16")
let ami2 = try store.addPlanVersion(held, courseStatus: .held)
var resumed = ami2
resumed.id = nil; resumed.replacesID = ami2.id; resumed.version = 3
resumed.createdAt = at("2026-01-20T15:00:00Z"); resumed.author = "dr.rao"; resumed.reason = "reviewed: continue"
resumed.holdReason = nil; resumed.effectiveFrom = day("2026-01-20"); resumed.nextReviewDate = day("2026-02-17")
resumed.overrides = [Override(limit: "minimumInterval", by: "dr.rao", reason: "tolerating well", at: at("2026-01-20T15:00:00Z"))]
_ = try store.addPlanVersion(resumed, courseStatus: .titrating)

let gabaSchedule = weekly("gabapentin", start: day("2026-01-08"), strength: 300, form: "capsule",
                          doses: [300, 600, 900], times: ["08:00", "14:00", "22:00"])
let (gaba, gaba1) = try store.startCourse(
    Course(patientID: "P002", drug: "gabapentin", variant: "standard", startDate: day("2026-01-08"),
           createdAt: at("2026-01-07T14:00:00Z"), createdBy: "nurse.lee"),
    plan: PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: at("2026-01-07T14:00:00Z"), author: "nurse.lee",
                      reason: "course started", schedule: gabaSchedule, effectiveFrom: day("2026-01-08"),
                      nextReviewDate: day("2026-01-22")))
var stopped = gaba1
stopped.id = nil; stopped.replacesID = gaba1.id; stopped.version = 2
stopped.createdAt = at("2026-01-22T16:00:00Z"); stopped.author = "nurse.lee"; stopped.reason = "not tolerated: dizziness"
stopped.effectiveFrom = day("2026-01-22"); stopped.nextReviewDate = nil
_ = try store.addPlanVersion(stopped, courseStatus: .stopped, outcome: .notTolerated)

var ann2 = ann
ann2.creatinineClearance = 52
ann2.medicines = ["codeine", "sertraline"]
try store.updatePatient(ann2, at: at("2026-02-01T10:00:00Z"), by: "dr.rao", reason: "new blood test; started sertraline")
print("courses \(ami.id!), \(gaba.id!)")
