import PainLadder

/// One titration step. `dating` says whether its start is a date the plan keeps:
/// `dated` (with `startDate`), `held` (a step-up waiting for a clinician after a hold: no
/// date), or `undated` (above the usual target, for a later decision: no date).
struct StepJSON: Encodable {
    var number: Int
    var dating: String
    var startDate: String?
    var beyondTarget: Bool
    var minimumDays: Int
    var dailyTotalMg: Int
    var administrations: [AdministrationJSON]

    init(_ s: TitrationStep, held: Bool) {
        number = s.number
        dating = s.beyondTarget ? "undated" : held ? "held" : "dated"
        startDate = dating == "dated" ? s.startDate.description : nil
        beyondTarget = s.beyondTarget
        minimumDays = s.minimumDays
        dailyTotalMg = s.dailyTotal
        administrations = s.administrations.map(AdministrationJSON.init)
    }
}
