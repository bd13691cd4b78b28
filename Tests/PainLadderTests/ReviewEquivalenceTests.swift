import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The review's fast paths give what the straightforward computations (``Reference``) give,
/// on random records with zone moves, DST changes, corrections and words typed every which way.
@Suite("Review: fast paths agree with the straightforward computations")
struct ReviewEquivalenceTests {
    static let formulary = try! FormularyLoader.bundled()
    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds)
    func effectiveJournalIsTheSame(seed: UInt64) {
        let record = RandomRecord(seed: seed, formulary: Self.formulary)
        #expect(Journal.effective(record.journal) == Reference.effective(record.journal))
        // Already in order, as the store reads it (the fast path that skips the sort).
        let ordered = record.journal.sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
        #expect(Journal.effective(ordered) == Reference.effective(ordered))
    }

    @Test(arguments: seeds)
    func slotsAreTheSame(seed: UInt64) {
        let record = RandomRecord(seed: seed, formulary: Self.formulary)
        for course in record.courses {
            let start = course.course.startDate
            for (from, to, end) in [(start, start.adding(days: 200), nil), (start.adding(days: 20), start.adding(days: 45), start.adding(days: 30))] {
                let fast = DoseCalendar.slots(versions: course.versions, courseStart: start, courseEnd: end, from: from, to: to,
                                              zones: record.zones)
                let slow = Reference.slots(versions: course.versions, courseStart: start, courseEnd: end, from: from, to: to,
                                           zones: record.zones)
                #expect(fast == slow)
            }
        }
    }

    @Test(arguments: seeds)
    func reviewSectionsAreTheSame(seed: UInt64) {
        let record = RandomRecord(seed: seed, formulary: Self.formulary)
        // The raw journal too: the review leaves undos out itself.
        for journal in [Journal.effective(record.journal), record.journal] {
            let summary = ReviewSummary.build(patient: record.patient, formulary: Self.formulary, courses: record.courses,
                                              journal: journal, zones: record.zones, now: record.now)
            let c = ReviewSummary.context(patient: record.patient, formulary: Self.formulary, courses: record.courses,
                                          journal: journal, zones: record.zones, now: record.now)
            for e in c.journal {
                #expect(c.localDate(e.at) == Reference.reviewDay(e.at, patient: record.patient, zones: record.zones))
            }
            #expect((summary.adherence == nil) == (c.focus == nil))
            if let focus = c.focus, var expected = summary.adherence {
                Reference.adherence(focus, context: c, into: &expected)
                #expect(summary.adherence == expected)
            }
            var pain = summary.pain
            Reference.pain(context: c, into: &pain)
            #expect(summary.pain == pain)
            var sideEffects = summary.sideEffects
            Reference.sideEffects(context: c, into: &sideEffects)
            #expect(summary.sideEffects == sideEffects)
        }
    }

    /// The random records do reach the cases that matter (so the checks above are not vacuous).
    @Test func randomRecordsCoverTheCases() {
        var moved = 0, adherence = 0, matched = 0, resolved = 0, late = 0, corrected = 0
        for seed in Self.seeds {
            let record = RandomRecord(seed: seed, formulary: Self.formulary)
            let summary = ReviewSummary.build(patient: record.patient, formulary: Self.formulary, courses: record.courses,
                                              journal: Journal.effective(record.journal), zones: record.zones, now: record.now)
            if record.zones.changes.count > 1 { moved += 1 }
            if (summary.adherence?.wholeCourse.scheduled ?? 0) > 0 { adherence += 1 }
            if summary.adherence.map({ $0.wholeCourse.late > 0 }) == true { late += 1 }
            let reports = summary.sideEffects.groups.flatMap(\.reports) + summary.sideEffects.openRedFlags
            if reports.contains(where: { $0.label != nil }) { matched += 1 }
            if reports.contains(where: \.resolved) { resolved += 1 }
            if record.journal.contains(where: { $0.supersedes != nil }) { corrected += 1 }
        }
        #expect(moved >= 10 && adherence >= 20 && late >= 10 && matched >= 10 && resolved >= 5 && corrected >= 20)
    }
}
