import PainLadder

/// Side effects by step and severity, open red flags first, and the other flags raised.
struct ReviewSideEffectsJSON: Encodable {
    struct Report: Encodable {
        var entryID: Int64?
        var courseID: Int64?
        var drug: String?
        var symptom: String
        var label: String?
        var severity: String?
        var reportedOn: String
        var since: String?
        var redFlag: Bool
        var action: String?
        var stepNumber: Int?
        var dailyDoseMg: Int?
        var resolved: Bool
        var resolvedOn: String?

        init(_ r: SideEffectReport) {
            entryID = r.entryID
            courseID = r.courseID
            drug = r.drug
            symptom = r.symptom
            label = r.label
            severity = r.severity?.rawValue
            reportedOn = r.reportedOn.description
            since = r.since?.description
            redFlag = r.redFlag
            action = r.action
            stepNumber = r.stepNumber
            dailyDoseMg = r.dailyDoseMg
            resolved = r.resolved
            resolvedOn = r.resolvedOn?.description
        }
    }

    struct Group: Encodable {
        var stepNumber: Int?
        var dailyDoseMg: Int?
        var severity: String?
        var reports: [Report]
    }

    struct Flag: Encodable {
        var kind: String
        var message: String
        var date: String
        var entryID: Int64?
    }

    var openRedFlags: [Report]
    var groups: [Group]
    var flags: [Flag]

    init(_ s: SideEffectReview) {
        openRedFlags = s.openRedFlags.map(Report.init)
        groups = s.groups.map {
            Group(stepNumber: $0.stepNumber, dailyDoseMg: $0.dailyDoseMg, severity: $0.severity?.rawValue,
                  reports: $0.reports.map(Report.init))
        }
        flags = s.flags.map { Flag(kind: $0.kind.rawValue, message: $0.message, date: $0.date.description, entryID: $0.entryID) }
    }
}
