import PainLadder

/// The clinician's day list.
enum ReviewsText {
    static func render(_ items: [ReviewQueue.Item], within: Int?, overdueOnly: Bool, color: Bool) -> String {
        let what = overdueOnly ? "overdue" : within.map { "due within \(Plural.days($0)) or overdue" } ?? "due today or overdue"
        guard !items.isEmpty else { return "No reviews \(what)." }
        // WHEN last: a coloured cell's escape codes would upset the padding of later columns.
        var table = Table("DUE", "PATIENT", "NAME", "DRUG", "HOLD", "WHEN")
        for i in items {
            let when = i.overdue ? Output.red("OVERDUE \(Plural.days(i.overdueDays))", color)
                : i.daysUntilDue == 0 ? "today" : "in \(Plural.days(i.daysUntilDue))"
            table.add(i.nextReviewDate.description, i.patientID, Output.shown(i.patientName ?? ""), i.drug, i.holdReason == nil ? "" : "held", when)
        }
        return "Reviews \(what): \(items.count)\n" + table.render()
    }
}
