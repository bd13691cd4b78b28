import Foundation

/// One side-effect report as the clinician sees it.
public struct SideEffectReport: Codable, Sendable, Equatable {
    public var entryID: Int64?
    public var courseID: Int64?
    public var drug: String?
    /// The formulary's id for a known symptom, else the patient's words.
    public var symptom: String
    /// The formulary's label, for a known symptom.
    public var label: String?
    public var severity: Severity?
    public var reportedOn: LocalDate
    public var since: LocalDate?
    public var redFlag: Bool
    /// For a red flag: what the patient was told to do.
    public var action: String?
    public var stepNumber: Int?
    /// The daily dose in force on the day of the report.
    public var dailyDoseMg: Milligrams?
    public var resolved: Bool
    public var resolvedOn: LocalDate?

    public var name: String { label ?? symptom }
}

/// The reports at one step and severity.
public struct SideEffectGroup: Codable, Sendable, Equatable {
    public var stepNumber: Int?
    public var dailyDoseMg: Milligrams?
    public var severity: Severity?
    public var reports: [SideEffectReport]
}

/// A flag an entry raised for the clinician (other than red flags and holds, shown elsewhere).
public struct FlagReview: Codable, Sendable, Equatable {
    public var kind: ClinicianFlag.Kind
    public var message: String
    /// The latest day it was raised.
    public var date: LocalDate
    public var entryID: Int64?
}

/// Side effects of the course by step and severity, open red flags first, and the other
/// flags the journal raised (a dose above the maximum, a possible relapse, pain that does not
/// sound neuropathic, possible trigeminal neuralgia).
public struct SideEffectReview: Codable, Sendable, Equatable {
    /// Unresolved red flags from any course, newest first.
    public var openRedFlags: [SideEffectReport]
    /// The reviewed course's reports, by step (ascending) then severity (most severe first).
    public var groups: [SideEffectGroup]
    public var flags: [FlagReview]

    init(context c: ReviewContext) {
        let reports = Self.reports(in: c)
        openRedFlags = reports.filter { $0.redFlag && !$0.resolved }.reversed()

        let course = c.reference?.course.id
        var groups: [SideEffectGroup] = []
        for report in reports where course == nil || report.courseID == course {
            if let i = groups.firstIndex(where: {
                $0.stepNumber == report.stepNumber && $0.dailyDoseMg == report.dailyDoseMg && $0.severity == report.severity
            }) {
                groups[i].reports.append(report)
            } else {
                groups.append(SideEffectGroup(stepNumber: report.stepNumber, dailyDoseMg: report.dailyDoseMg,
                                              severity: report.severity, reports: [report]))
            }
        }
        self.groups = groups.sorted {
            (($0.stepNumber ?? 0), ($0.dailyDoseMg ?? 0), -($0.severity.map(Self.rank) ?? -1))
                < (($1.stepNumber ?? 0), ($1.dailyDoseMg ?? 0), -($1.severity.map(Self.rank) ?? -1))
        }

        var flags: [FlagReview] = []
        // `c.entries(of: c.reference)`, read in place: most entries raise no flag.
        let reference = c.reference?.course.id
        for i in c.journal.indices where !c.journal[i].flags.isEmpty {
            if let reference, c.journal[i].courseID != reference && c.journal[i].courseID != nil { continue }
            let e = c.journal[i]
            for flag in e.flags where flag.kind != .redFlag && flag.kind != .stepUpHeld {
                flags.removeAll { $0.kind == flag.kind && $0.message == flag.message }
                flags.append(FlagReview(kind: flag.kind, message: flag.message, date: c.localDate(e.at), entryID: e.id))
            }
        }
        self.flags = flags
    }

    /// Every side-effect report of every course, in journal order, with its resolution.
    static func reports(in c: ReviewContext) -> [SideEffectReport] {
        var resolutions: [Int64: JournalEntry] = [:]
        for i in c.journal.indices where c.journal[i].kind == .sideEffectResolved {
            // The first resolution of a report counts.
            if let target = c.journal[i].sideEffect?.resolves, resolutions[target] == nil { resolutions[target] = c.journal[i] }
        }
        // Each course's drug and symptom table once, not once per report.
        var tables: [Int64: SymptomMatcher.Table?] = [:]
        func table(_ record: CourseRecord?) -> SymptomMatcher.Table? {
            guard let record else { return nil }
            guard let id = record.course.id else {
                return (try? c.formulary.drug(record.course.drug)).map(SymptomMatcher.Table.init)
            }
            if let known = tables[id] { return known }
            let made = (try? c.formulary.drug(record.course.drug)).map(SymptomMatcher.Table.init)
            tables[id] = made
            return made
        }
        var reports: [SideEffectReport] = []
        for i in c.journal.indices where c.journal[i].kind == .sideEffect {
            guard let detail = c.journal[i].sideEffect else { continue }
            let e = c.journal[i]
            let record = c.course(id: e.courseID)
            let match = table(record)?.match(detail.symptom)
            let day = c.localDate(e.at)
            let resolution = e.id.flatMap { resolutions[$0] }
            reports.append(SideEffectReport(
                entryID: e.id, courseID: e.courseID, drug: record?.course.drug, symptom: detail.symptom,
                label: match?.effect.label, severity: detail.severity, reportedOn: day, since: detail.since,
                redFlag: detail.redFlag, action: detail.redFlag ? match?.effect.action : nil,
                stepNumber: detail.stepNumber, dailyDoseMg: record.map { $0.dailyDose(on: day) },
                resolved: resolution != nil, resolvedOn: resolution.map { c.localDate($0.at) }))
        }
        return reports
    }

    static func rank(_ s: Severity) -> Int { Severity.allCases.firstIndex(of: s)! }

    /// Reports of the reviewed course still open (not marked resolved).
    public var openReports: [SideEffectReport] { groups.flatMap(\.reports).filter { !$0.resolved } }
}
