import Foundation
@testable import PainLadder
import SeededRandom

/// Seeded random numbers for the equivalence tests (``SplitMix``): the
/// same seed, the same case.
struct TestRandom {
    private var generator: SplitMix

    init(seed: UInt64) { generator = SplitMix(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func int(_ range: ClosedRange<Int>) -> Int { generator.int(range) }

    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
}

/// A random but reproducible patient record for checking the review's fast paths against
/// ``Reference``: an earlier stopped course and a current one, plan versions with holds and
/// reductions and administrations near midnight and in the DST hours, zone moves across
/// summer-time changes (and an unknown zone id), and a journal with takes (late, twice),
/// skips, missed marks, pain (baselines, impacts, sleep, mood), impressions, assessments, side
/// effects in the patient's words, resolutions, corrections, chains of corrections and undos.
struct RandomRecord {
    var patient: Patient
    var courses: [CourseRecord]
    var zones: ZoneHistory
    /// As recorded: corrections and undos included, in no particular order.
    var journal: [JournalEntry]
    var now: Date

    static let times = ["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "07:00", "08:00", "12:00",
                        "13:00", "18:00", "22:00", "23:30", "23:59"].map { LocalTime(parsing: $0)! }

    /// The patient's words for a symptom: formulary names with case, spaces, hyphens and
    /// punctuation changed, accents, full-width letters, and free text.
    static func symptomTexts(_ drug: Drug?) -> [String] {
        let names = (drug.map { $0.sideEffects.redFlags.value + $0.sideEffects.common.value } ?? [])
            .flatMap { [$0.id, $0.label] + ($0.aliases ?? []) }
        var texts = ["headache", "feeling odd", "Drowsinéss", "ＤＲＯＷＳＩＮＥＳＳ", "dry–mouth", "  ", "", "İnsomnia",
                     "naüsea", "sleepy 😴", "blurred\r\nvision", "Blurred Vision!!", "DRY MOUTH", "dry_mouth", "d r o w s y"]
        for name in names {
            texts += [name, name.uppercased(), name.replacingOccurrences(of: " ", with: "-"),
                      name.replacingOccurrences(of: "-", with: " ") + ".", "(\(name))", name + "é"]
        }
        return texts
    }

    init(seed: UInt64, formulary: Formulary) {
        var r = TestRandom(seed: seed)
        let zoneSets: [[(Int, String)]] = [
            [(0, "Europe/London")], [(0, "America/New_York")], [(0, "Australia/Lord_Howe")], [(0, "Asia/Kolkata")],
            [(0, "Europe/London"), (40, "America/New_York"), (120, "Asia/Kolkata")],
            [(0, "Europe/London"), (25, "Australia/Lord_Howe"), (90, "Europe/London")],
            [(0, "America/New_York"), (60, "Mars/Olympus_Mons"), (100, "Europe/London")],
        ]
        let start = LocalDate(year: 2025, month: 9, day: 1)!.adding(days: r.int(0...240))
        let moves = r.pick(zoneSets)
        zones = ZoneHistory(moves.map { (start.adding(days: $0.0 - 70), $0.1) })
        let patientZone = r.chance(0.7) ? moves.last!.1 : r.pick(["Europe/London", "America/New_York", "Asia/Kolkata"])
        patient = Patient(id: "P1", name: "Random", birthDate: LocalDate(year: 1960, month: 1, day: 1)!, sex: .female,
                          timeZone: patientZone, creatinineClearance: 80, diagnosis: "diabetic-peripheral-neuropathy")

        func schedule(_ drug: String, from: LocalDate, steps: Int, descending: Bool) -> Schedule {
            var made: [TitrationStep] = []
            var day = from
            for i in 0..<steps {
                let times = Array(Set((0..<r.int(1...3)).map { _ in r.pick(Self.times) })).sorted()
                let mg = 10 * (descending ? steps - i : i + 1) * r.int(1...3)
                made.append(TitrationStep(number: i + 1, startDate: day,
                                          administrations: times.map { Administration(time: $0, doseMg: mg, units: []) },
                                          minimumDays: 3, beyondTarget: i == steps - 1 && r.chance(0.3)))
                day = day.adding(days: r.int(3...14))
            }
            return Schedule(drug: drug, variant: "standard", renalBand: nil, steps: made,
                            maximumDailyDose: Sourced(900, sources: ["S1"], status: .confirmed),
                            usualTarget: Sourced(60, sources: ["S1"], status: .local), cautions: [], offLabel: false)
        }
        func versions(_ course: Int64, _ drug: String, from: LocalDate, count: Int) -> [PlanVersion] {
            var result: [PlanVersion] = []
            var effective = from
            for n in 1...count {
                let s = n == 1 || r.chance(0.5)
                    ? schedule(drug, from: n == 1 ? from : effective, steps: r.int(2...6), descending: n > 1 && r.chance(0.4))
                    : result.last!.schedule
                result.append(PlanVersion(id: course * 100 + Int64(n), courseID: course, version: n,
                                          replacesID: n == 1 ? nil : course * 100 + Int64(n - 1),
                                          createdAt: Date(timeIntervalSince1970: Double(effective.dayNumber * 86_400 + r.int(0...86_399))),
                                          author: "test", reason: "test", schedule: s, effectiveFrom: effective,
                                          holdReason: n > 1 && r.chance(0.3) ? "moderate dizziness" : nil,
                                          nextReviewDate: effective.adding(days: 28)))
                effective = effective.adding(days: r.int(0...40))
            }
            return result
        }
        let drug = r.pick(["amitriptyline", "gabapentin", "duloxetine", "pregabalin", "unknown-drug"])
        let earlier = CourseRecord(
            course: Course(id: 1, patientID: "P1", drug: "duloxetine", variant: "standard", startDate: start.adding(days: -60),
                           status: .stopped, outcome: .notTolerated, createdAt: Date(timeIntervalSince1970: 0), createdBy: "Dr"),
            versions: versions(1, "duloxetine", from: start.adding(days: -60), count: 1))
        let current = CourseRecord(
            course: Course(id: 2, patientID: "P1", drug: drug, variant: "standard", startDate: start,
                           status: r.pick([.titrating, .maintaining, .held, .tapering]), createdAt: Date(timeIntervalSince1970: 0),
                           createdBy: "Dr"),
            versions: versions(2, drug, from: start, count: r.int(1...5)))
        courses = [current, earlier]
        now = Date(timeIntervalSince1970: Double(start.adding(days: r.int(-5...150)).dayNumber * 86_400 + r.int(0...86_399)))

        var entries: [JournalEntry] = []
        var nextID: Int64 = 1
        func add(_ e: JournalEntry) {
            var e = e
            e.id = r.chance(0.01) ? nil : nextID
            nextID += 1
            entries.append(e)
        }
        /// An entry whose event the caller sets (after drawing the entry's time and course).
        func entry(_ at: Date, course: Int64?) -> JournalEntry {
            JournalEntry(patientID: "P1", courseID: course, at: at, recordedAt: at, recordedBy: "P1", event: .undo)
        }
        // Doses against both courses' slots (some with no course), to just past now.
        let lastDay = LocalDate(now, in: TimeZone(identifier: "UTC")!).adding(days: 1)
        for record in courses {
            let slots = Reference.slots(versions: record.versions, courseStart: record.course.startDate,
                                        from: record.course.startDate, to: lastDay, zones: zones)
            for slot in slots {
                let course: Int64? = r.chance(0.03) ? nil : record.course.id
                func dose(_ kind: JournalEntry.Kind, late: Bool) -> JournalEntry {
                    var e = entry(slot.instant.addingTimeInterval(Double(late ? r.int(7_201...40_000) : r.int(-1_800...7_200))),
                                  course: course)
                    let detail = DoseDetail(slot: slot.key, doseMg: kind == .taken ? slot.doseMg : 0, plannedDoseMg: slot.doseMg,
                                            stepNumber: slot.stepNumber, late: late)
                    e.event = JournalEvent(kind: kind, dose: detail, sideEffect: nil, pain: nil, impression: nil, assessment: nil)!
                    return e
                }
                switch r.int(0...99) {
                case 0..<65: add(dose(.taken, late: r.chance(0.1)))
                case 65..<73: add(dose(.skipped, late: false))
                case 73..<78: add(dose(.taken, late: false)); add(dose(.taken, late: true))
                case 78..<82: add(dose(.skipped, late: false)); add(dose(.taken, late: r.chance(0.5)))
                case 82..<86: add(dose(.taken, late: r.chance(0.5))); add(dose(.skipped, late: false))
                case 86..<88: add(dose(.missed, late: false))
                default: break
                }
            }
        }
        // A slot that is in no plan.
        var stray = entry(now, course: 2)
        stray.event = .taken(DoseDetail(slot: SlotKey(date: start, time: LocalTime(hour: 4, minute: 17)!), doseMg: 10,
                                        plannedDoseMg: 10, stepNumber: 1, late: false))
        add(stray)

        var reports: [Int64] = []
        var day = start.adding(days: -20)
        while day <= lastDay {
            let noon = Double(day.dayNumber * 86_400)
            if r.chance(0.85) {
                var e = entry(Date(timeIntervalSince1970: noon + Double(r.int(0...86_399))),
                              course: r.pick([2, 2, 2, 1, nil]))
                e.event = .pain(PainDetail(score: r.int(0...10), sleep: r.chance(0.5) ? r.int(0...10) : nil,
                                           mood: r.chance(0.4) ? r.int(0...10) : nil,
                                           impact: r.chance(0.2) ? r.pick(["couldn't walk the dog", "", "no sleep", "missed work"]) : nil,
                                           baseline: r.chance(0.03)))
                add(e)
            }
            if r.chance(0.15) {
                var e = entry(Date(timeIntervalSince1970: noon + Double(r.int(0...86_399))), course: r.pick([2, 1, nil]))
                e.event = .impression(r.int(0...8))
                add(e)
            }
            if r.chance(0.03) {
                let a = PainAssessment(withNewOrReturningSymptoms: r.chance(0.5), stopsDoing: r.chance(0.5) ? ["gardening"] : [],
                                       character: r.chance(0.5) ? [.back] : [.burning, .sharpFacial])
                var e = entry(Date(timeIntervalSince1970: noon + Double(r.int(0...86_399))), course: r.pick([2, nil]))
                e.event = .assessment(a)
                e.flags = a.flags
                add(e)
            }
            if r.chance(0.2) {
                let course: Int64? = r.pick([2, 2, 1, nil])
                let drugOfCourse = course == 1 ? "duloxetine" : drug
                let redFlag = r.chance(0.15)
                var e = entry(Date(timeIntervalSince1970: noon + Double(r.int(0...86_399))), course: course)
                e.event = .sideEffect(SideEffectDetail(symptom: r.pick(Self.symptomTexts(try? formulary.drug(drugOfCourse))),
                                                       known: r.chance(0.5), severity: r.chance(0.9) ? r.pick(Severity.allCases) : nil,
                                                       since: r.chance(0.2) ? day.adding(days: -2) : nil, redFlag: redFlag,
                                                       stepNumber: r.chance(0.9) ? r.int(1...6) : nil))
                e.flags = (redFlag ? [ClinicianFlag(.redFlag, "red flag")] : [])
                    + (r.chance(0.1) ? [ClinicianFlag(r.pick([.aboveMaximum, .possibleRelapse, .stepUpHeld]), r.pick(["a", "b"]))] : [])
                add(e)
                if let id = entries.last!.id { reports.append(id) }
            }
            if !reports.isEmpty, r.chance(0.08) {
                var e = entry(Date(timeIntervalSince1970: noon + Double(r.int(0...86_399))), course: 2)
                e.event = .sideEffectResolved(SideEffectDetail(symptom: "x", known: true, severity: nil, resolves: r.pick(reports)))
                add(e)
            }
            day = day.adding(days: 1)
        }
        // Corrections (some of corrections) and undos.
        for _ in 0..<r.int(0...25) {
            let old = r.pick(entries)
            guard let oldID = old.id else { continue }
            var e = old
            e.supersedes = oldID
            if r.chance(0.25) {
                e.event = .undo
            } else {
                e.at = old.at.addingTimeInterval(Double(r.int(-7_200...7_200)))
                if case .pain(var pain) = e.event {
                    pain.score = r.int(0...10)
                    e.event = .pain(pain)
                }
            }
            add(e)
        }
        // Every id superseded at most once, as the store's UNIQUE constraint keeps it.
        var seen: Set<Int64> = []
        entries = entries.filter { $0.supersedes.map { seen.insert($0).inserted } ?? true }
        for i in entries.indices.reversed() where i > 0 {
            entries.swapAt(i, r.int(0...i))
        }
        journal = entries
    }
}
