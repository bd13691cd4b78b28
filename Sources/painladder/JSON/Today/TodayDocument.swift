import Foundation
import PainLadder
import PainLadderClinic

/// `today --json`: the day's doses with what is recorded, changes today or tomorrow, any hold,
/// and (during a switch) the old drug's taper in `others`. Schema: schemas/today.schema.json.
/// (A slot's `key` of the earlier output is flattened to `date` and `time`.)
struct TodayDocument: Encodable {
    /// One course's day; `others` holds the same for each other course in progress.
    struct Day: Encodable {
        struct Item: Encodable {
            var slot: DoseSlotJSON
            /// taken, skipped, due, overdue or upcoming.
            var state: String
            var entryID: Int64?
            var takenAt: Date?
            var takenMg: Int?
        }

        var date: String
        var items: [Item]
        var extras: [JournalEntryJSON]
        var step: StepJSON?
        var changesToday: Bool
        var previousDailyTotalMg: Int?
        var changesAt: String?
        var changesTomorrow: StepJSON?
        var holdReason: String?

        init(_ d: DayPlan) {
            date = d.date.description
            items = d.items.map { Item(slot: DoseSlotJSON($0.slot), state: $0.state.rawValue, entryID: $0.entryID, takenAt: $0.takenAt, takenMg: $0.takenMg) }
            extras = d.extras.map(JournalEntryJSON.init)
            step = d.step.map { StepJSON($0, held: false) }
            changesToday = d.changesToday
            previousDailyTotalMg = d.previousDailyTotal
            changesAt = d.changesAt?.description
            changesTomorrow = d.changesTomorrow.map { StepJSON($0, held: false) }
            holdReason = d.holdReason
        }
    }

    struct Position: Encodable {
        var dayOfCourse: Int
        var current: StepJSON?
        var daysAtCurrentDose: Int
        var next: StepJSON?
        var plannedStepCount: Int
        var atTarget: Bool
        var holdReason: String?
        var nextReview: String?
        var daysToReview: Int?

        init(_ p: CoursePosition) {
            dayOfCourse = p.dayOfCourse
            current = p.current.map { StepJSON($0, held: false) }
            daysAtCurrentDose = p.daysAtCurrentDose
            next = p.next.map { StepJSON($0, held: false) }
            plannedStepCount = p.plannedStepCount
            atTarget = p.atTarget
            holdReason = p.holdReason
            nextReview = p.nextReview?.description
            daysToReview = p.daysToReview
        }
    }

    /// A course's today, for the document and for each of `others`.
    struct CourseDay: Encodable {
        var drug: String
        var drugName: String
        var date: String
        var timeZone: String
        var day: Day
        var position: Position
        /// What every screen showing this plan repeats; left out when none.
        var notices: [FindingJSON]?

        init(_ t: Clinic.Today) {
            drug = t.drug
            drugName = t.drugName
            date = t.date.description
            timeZone = t.timeZone
            day = Day(t.day)
            position = Position(t.position)
            notices = t.notices.map { $0.map(FindingJSON.init) }
        }
    }

    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var drug: String
    var drugName: String
    var date: String
    var timeZone: String
    var day: Day
    var position: Position
    var notices: [FindingJSON]?
    /// The other medicines in progress today (the old drug tapering during a switch).
    var others: [CourseDay]

    init(_ t: Clinic.Today) {
        let own = CourseDay(t)
        patientID = t.patientID
        drug = own.drug
        drugName = own.drugName
        date = own.date
        timeZone = own.timeZone
        day = own.day
        position = own.position
        notices = own.notices
        others = t.others.map(CourseDay.init)
    }
}
