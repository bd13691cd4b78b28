import Foundation

/// The clinician's review screen, as values: what NICE CG173 asks a review to look at
/// (recs 1.1.5–1.1.6), from the patient's record. Pure: no clock (``now`` is given), no I/O.
///
/// ```swift
/// let summary = try ReviewSummary.build(patient: patient, formulary: formulary,
///                                       courses: [CourseRecord(course: course, versions: versions)],
///                                       journal: Journal.effective(entries),
///                                       zones: ZoneHistory(single: patient.timeZone), now: now)
/// summary.pain.band          // .moderate
/// summary.suggestion.text    // "≥30% reduction (41%, moderate) and tolerated: continuing is reasonable"
/// ```
public struct ReviewSummary: Codable, Sendable, Equatable {
    public var patientID: String
    public var patientName: String?
    public var diagnosis: String
    public var diagnosisLabel: String?
    /// Today in the patient's time zone.
    public var date: LocalDate
    public var now: Date
    public var timeZone: String
    public var creatinineClearance: Double?
    /// The course in progress; `nil` when none is.
    public var course: CourseReview?
    public var adherence: AdherenceReview?
    public var pain: PainReview
    public var sideEffects: SideEffectReview
    public var trial: TrialReview?
    public var ladder: LadderReview
    public var reviews: ReviewDates
    public var suggestion: Suggestion
    /// Medicines recorded (taken or stopped) that no rule can match: "not checked against the
    /// rules". `nil` when every medicine is known.
    public var uncheckedMedicines: [String]? = nil

    /// - Parameters:
    ///   - courses: every course of the patient with its plan versions, in any order.
    ///   - journal: the patient's effective journal (``Journal/effective(_:)``), every course.
    ///   - zones: the patient's time zones over time.
    ///   - now: the instant of the review.
    public static func build(patient: Patient, formulary: Formulary, courses: [CourseRecord],
                             journal: [JournalEntry], zones: ZoneHistory, now: Date) -> ReviewSummary {
        let context = Self.context(patient: patient, formulary: formulary, courses: courses, journal: journal,
                                   zones: zones, now: now)
        let (ordered, today, focus) = (context.courses, context.today, context.focus)
        let course = focus.flatMap { CourseReview($0, context: context) }
        let pain = PainReview(context: context)
        let sideEffects = SideEffectReview(context: context)
        let trial = course.flatMap { TrialReview($0, drug: try? formulary.drug($0.drug)) }
        let referred = ReviewDates.decisions(ordered, context: context).last { $0.kind == .refer }
        let ladder = LadderReview(context: context, pain: pain, sideEffects: sideEffects, referred: referred)
        let unchecked = formulary.uncheckedMedicines(of: patient)
        return ReviewSummary(
            patientID: patient.id, patientName: patient.name, diagnosis: patient.diagnosis,
            diagnosisLabel: formulary.diagnosis(patient.diagnosis)?.label, date: today, now: now,
            timeZone: zones.zone(on: today).identifier, creatinineClearance: patient.creatinineClearance(on: today, in: formulary),
            course: course, adherence: focus.map { AdherenceReview($0, context: context) }, pain: pain,
            sideEffects: sideEffects, trial: trial, ladder: ladder, reviews: ReviewDates(context: context),
            suggestion: Suggestion.make(context: context, course: course, pain: pain, sideEffects: sideEffects,
                                        trial: trial, ladder: ladder),
            uncheckedMedicines: unchecked.isEmpty ? nil : unchecked)
    }

    /// What every section reads: courses in start order, today, the course in progress, the
    /// journal without undos, and the zone caches. Apart from ``build``, for tests that check
    /// a section against a straightforward computation.
    static func context(patient: Patient, formulary: Formulary, courses: [CourseRecord],
                        journal: [JournalEntry], zones: ZoneHistory, now: Date) -> ReviewContext {
        let ordered = courses.sorted { ($0.course.startDate, $0.course.id ?? 0) < ($1.course.startDate, $1.course.id ?? 0) }
        let today = LocalDate(now, in: zones.zone(on: LocalDate(now, in: patient.zone)))
        let focus = ordered.last { $0.course.status != .stopped && $0.currentPlan != nil }
        // Filter the journal only when there is an undo to leave out (an effective journal has none).
        let hasUndo = journal.indices.contains { journal[$0].kind == .undo }
        var context = ReviewContext(patient: patient, formulary: formulary, zones: zones, now: now, today: today,
                                    journal: hasUndo ? journal.filter { $0.kind != .undo } : journal,
                                    courses: ordered, focus: focus, clock: ZoneClock(zones),
                                    patientZone: ZoneOffsets(patient.zone))
        context.pains = PainPoint.all(in: context)
        return context
    }
}
