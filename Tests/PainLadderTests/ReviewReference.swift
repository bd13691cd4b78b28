import Foundation
@testable import PainLadder

/// The straightforward versions of what the review now computes a faster way, kept as they
/// were before the review was made fast (commit 41ce668): ICU asked for every offset, the
/// symptom list normalised for every report, adherence counted by ``AdherenceReport`` per
/// period, every entry's local day worked out where it is used. The equivalence tests check
/// the fast paths against these on varied input.
enum Reference {
    // MARK: zones

    /// `WallClock.instant` as it was: ICU for every offset, candidates in a `Set`.
    static func instant(_ date: LocalDate, _ time: LocalTime, in zone: TimeZone) -> Date {
        let naive = Double(date.dayNumber * 86_400 + time.minutesSinceMidnight * 60)
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 86_400))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive + 86_400))
        let candidates = Set([before, after]).map { offset in
            Date(timeIntervalSince1970: naive - Double(offset))
        }
        let valid = candidates.filter { candidate in
            zone.secondsFromGMT(for: candidate) == Int(naive - candidate.timeIntervalSince1970)
        }
        if let first = valid.min() { return first }
        return Date(timeIntervalSince1970: naive - Double(before))
    }

    /// `ReviewContext.localDate` as it was.
    static func reviewDay(_ instant: Date, patient: Patient, zones: ZoneHistory) -> LocalDate {
        LocalDate(instant, in: zones.zone(on: LocalDate(instant, in: patient.zone)))
    }

    // MARK: plans and slots

    static func step(_ v: PlanVersion, on date: LocalDate) -> TitrationStep? {
        func scheduleStep(_ d: LocalDate) -> TitrationStep? { v.schedule.plannedSteps.last { $0.startDate <= d } }
        guard v.holdReason != nil, let first = v.schedule.plannedSteps.first else { return scheduleStep(date) }
        let frozen = max(v.effectiveFrom, first.startDate)
        return scheduleStep(min(date, frozen)).flatMap { date >= $0.startDate ? $0 : nil } ?? scheduleStep(date)
    }

    static func plan(on date: LocalDate, versions: [PlanVersion]) -> PlanVersion? {
        versions.filter { $0.effectiveFrom <= date }.max { $0.version < $1.version }
    }

    static func dailyDose(_ record: CourseRecord, on date: LocalDate) -> Milligrams {
        plan(on: date, versions: record.versions).flatMap { step($0, on: date) }?.dailyTotal ?? 0
    }

    /// `DoseCalendar.slots` as it was.
    static func slots(versions: [PlanVersion], courseStart: LocalDate, courseEnd: LocalDate? = nil,
                      from: LocalDate, to: LocalDate, zones: ZoneHistory) -> [DoseSlot] {
        var result: [DoseSlot] = []
        var day = max(from, courseStart)
        let last = courseEnd.map { min($0, to) } ?? to
        while day <= last {
            if let plan = plan(on: day, versions: versions), let step = step(plan, on: day) {
                let zone = zones.zone(on: day)
                for a in step.administrations {
                    result.append(DoseSlot(key: SlotKey(date: day, time: a.time),
                                           instant: instant(day, a.time, in: zone),
                                           administration: a, stepNumber: step.number,
                                           planVersionID: plan.id, planVersion: plan.version))
                }
            }
            day = day.adding(days: 1)
        }
        return result.sorted { $0.instant < $1.instant }
    }

    // MARK: journal

    /// `Journal.effective` as it was.
    static func effective(_ entries: [JournalEntry]) -> [JournalEntry] {
        let superseded = Set(entries.compactMap(\.supersedes))
        let replacedBy = Dictionary(entries.compactMap { e in e.supersedes.flatMap { old in e.id.map { (old, $0) } } },
                                    uniquingKeysWith: { a, _ in a })
        func current(_ id: Int64) -> Int64 {
            var id = id, seen: Set<Int64> = []
            while let next = replacedBy[id], seen.insert(id).inserted { id = next }
            return id
        }
        return entries
            .filter { entry in
                guard let id = entry.id else { return true }
                return !superseded.contains(id) && entry.kind != .undo
            }
            .map { entry in
                guard case .sideEffectResolved(var detail) = entry.event, let target = detail.resolves else { return entry }
                var e = entry
                detail.resolves = current(target)
                e.event = .sideEffectResolved(detail)
                return e
            }
            .sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
    }

    /// `SymptomMatcher.match` as it was: every name normalised the Unicode way, for every text.
    static func symptom(_ text: String, drug: Drug) -> (effect: SideEffect, redFlag: Bool)? {
        let key = SymptomMatcher.normaliseUnicode(text)
        let candidates = drug.sideEffects.redFlags.value.map { ($0, true) } + drug.sideEffects.common.value.map { ($0, false) }
        return candidates.first { effect, _ in
            ([effect.id, effect.label] + (effect.aliases ?? [])).contains { SymptomMatcher.normaliseUnicode($0) == key }
        }.map { (effect: $0.0, redFlag: $0.1) }
    }

    // MARK: review sections

    /// `AdherenceReview` as it was: slots from ``slots``, one ``AdherenceReport`` per period and per step.
    static func adherence(_ record: CourseRecord, context c: ReviewContext, into r: inout AdherenceReview) {
        let slots = Self.slots(versions: record.versions, courseStart: record.course.startDate,
                               from: record.course.startDate, to: c.today, zones: c.zones)
            .filter { $0.instant <= c.now }
        let entries = c.journal.filter { $0.courseID == record.course.id }
        let report = AdherenceReport(slots: slots, entries: entries, courseStart: record.course.startDate)
        r.last7Days = AdherenceFigure(report.lastDays(7, upTo: c.today))
        r.last28Days = AdherenceFigure(report.lastDays(28, upTo: c.today))
        r.wholeCourse = AdherenceFigure(report.overall)
        var keys: [(step: Int, mg: Milligrams)] = []
        var slotsByKey: [String: [DoseSlot]] = [:]
        for slot in slots {
            let mg = dailyDose(record, on: slot.key.date)
            let key = "\(slot.stepNumber)/\(mg)"
            if slotsByKey[key] == nil { keys.append((slot.stepNumber, mg)) }
            slotsByKey[key, default: []].append(slot)
        }
        r.byStep = keys.map { key in
            let group = slotsByKey["\(key.step)/\(key.mg)"] ?? []
            return StepAdherence(stepNumber: key.step, dailyDoseMg: key.mg,
                                 figure: AdherenceFigure(AdherenceReport(slots: group, entries: entries,
                                                                         courseStart: record.course.startDate).overall))
        }
    }

    /// `PainReview` as it was, field by field.
    static func pain(context c: ReviewContext, into r: inout PainReview) {
        func day(_ at: Date) -> LocalDate { reviewDay(at, patient: c.patient, zones: c.zones) }
        let reference = c.reference
        let painEntries = c.journal.filter { $0.kind == .pain && $0.pain != nil }
        let start = reference?.course.startDate

        // The baseline (BaselinePain's rule, written plainly): the latest marked score alone;
        // else the mean of the scores in the 7 days before the first day (and on the first day
        // before the course was created); else the last score before those 7 days.
        func baseline(of course: CourseRecord) -> (BaselinePain, [Int64?])? {
            let first = course.course.startDate
            func single(_ e: JournalEntry, marked: Bool) -> (BaselinePain, [Int64?]) {
                (BaselinePain(score: Double(e.pain!.score), sleep: e.pain!.sleep.map(Double.init),
                              mood: e.pain!.mood.map(Double.init), date: day(e.at), entryID: e.id, marked: marked,
                              scoreCount: 1, entryIDs: e.id.map { [$0] } ?? []), [e.id])
            }
            if let e = painEntries.last(where: { e in
                e.pain!.baseline && (e.courseID == course.course.id || (e.courseID == nil && day(e.at) <= first))
            }) { return single(e, marked: true) }
            let window = painEntries.filter { e in
                let d = day(e.at)
                return d >= first.adding(days: -7) && (d < first || (d == first && e.at < course.course.createdAt))
            }
            if window.isEmpty {
                return painEntries.last(where: { day($0.at) < first.adding(days: -7) }).map { single($0, marked: false) }
            }
            let sleeps = window.compactMap { $0.pain!.sleep }, moods = window.compactMap { $0.pain!.mood }
            let latest = window.max { day($0.at) < day($1.at) || (day($0.at) == day($1.at)) }!
            return (BaselinePain(score: Double(window.map { $0.pain!.score }.reduce(0, +)) / Double(window.count),
                                 sleep: sleeps.isEmpty ? nil : Double(sleeps.reduce(0, +)) / Double(sleeps.count),
                                 mood: moods.isEmpty ? nil : Double(moods.reduce(0, +)) / Double(moods.count),
                                 date: day(latest.at), entryID: latest.id, marked: false, scoreCount: window.count,
                                 entryIDs: window.compactMap(\.id)), window.map(\.id))
        }
        let found = reference.flatMap(baseline(of:))
        let base = found?.0
        let baseIDs = found?.1 ?? []
        r.baseline = base
        let started = c.focus.map { $0.course.startDate <= c.today ? $0.course.startDate : c.today.adding(days: -6) }
        let from = max(c.today.adding(days: -6), started ?? c.today.adding(days: -6))
        r.windowTo = c.today
        r.windowFrom = from
        let outcomes = painEntries.filter { $0.id == nil || !baseIDs.contains($0.id) }
        var byDay: [LocalDate: [Int]] = [:]
        for e in outcomes { byDay[day(e.at), default: []].append(e.pain!.score) }
        let daily = byDay.keys.sorted().map { d in
            DailyPain(date: d, score: Double(byDay[d]!.reduce(0, +)) / Double(byDay[d]!.count))
        }
        r.recent = daily.filter { $0.date >= from && $0.date <= c.today }
        r.last7DaysMean = r.recent.isEmpty ? nil : r.recent.map(\.score).reduce(0, +) / Double(r.recent.count)
        r.bands = c.formulary.pathway.painChangeBands
        r.changePoints = nil
        r.changePercent = nil
        r.band = nil
        // Points, per cent (none from 0) and band of the 7-day mean against a baseline score.
        func change(from baseline: Double) -> (Double, Double?, PainBand?)? {
            guard let mean = r.last7DaysMean else { return nil }
            guard baseline > 0 else { return (mean - baseline, nil, nil) }
            let percent = (mean - baseline) / baseline * 100
            return (mean - baseline, percent, r.bands.map { PainBand.classify(reductionPercent: -percent, bands: $0.value) })
        }
        if let baseline = base, let (points, percent, band) = change(from: baseline.score) {
            (r.changePoints, r.changePercent, r.band) = (points, percent, band)
        }
        r.pretreatment = nil
        if let first = c.courses.first, let reference, first.course.id != reference.course.id,
           case let (b, ids)? = baseline(of: first), ids != baseIDs {
            let d = change(from: b.score)
            r.pretreatment = PretreatmentPain(courseID: first.course.id, drug: first.course.drug, baseline: b,
                                              changePoints: d?.0, changePercent: d?.1, band: d?.2)
        }
        let impressions = c.journal.filter {
            $0.kind == .impression && $0.impression != nil && (reference == nil || $0.courseID == reference?.course.id)
        }
        r.impression = impressions.last.flatMap { e in
            ImpressionScale.meaning(e.impression!).map {
                ImpressionReview(value: e.impression!, meaning: $0, date: day(e.at), entryID: e.id)
            }
        }
        r.weekly = []
        if let start, start <= c.today {
            let weeks = start.days(to: c.today) / 7 + 1
            for week in 1...weeks {
                let from = start.adding(days: 7 * (week - 1)), to = from.adding(days: 6)
                let scores = daily.filter { $0.date >= from && $0.date <= to }.map(\.score)
                r.weekly.append(WeeklyPain(week: week, from: from, to: to,
                                           mean: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                                           daysScored: scores.count))
            }
        }
        let sleeps = outcomes.filter {
            let d = day($0.at)
            return d >= from && d <= c.today
        }.compactMap { $0.pain?.sleep }
        r.sleepLast7DaysMean = sleeps.isEmpty ? nil : Double(sleeps.reduce(0, +)) / Double(sleeps.count)
        r.baselineSleep = base?.sleep
        let moods = outcomes.filter {
            let d = day($0.at)
            return d >= from && d <= c.today
        }.compactMap { $0.pain?.mood }
        r.moodLast7DaysMean = moods.isEmpty ? nil : Double(moods.reduce(0, +)) / Double(moods.count)
        r.baselineMood = base?.mood
        let since = c.today.adding(days: -27)
        r.impacts = painEntries.reversed().compactMap { e -> DatedText? in
            let d = day(e.at)
            guard d >= since, d <= c.today, let text = e.pain?.impact, !text.isEmpty else { return nil }
            return DatedText(date: d, text: text)
        }
        let assessment = c.journal.last { $0.kind == .assessment && $0.assessment != nil }
        r.stopsDoing = assessment?.assessment?.stopsDoing ?? []
        r.assessedOn = assessment.map { day($0.at) }
    }

    /// `SideEffectReview` as it was, field by field.
    static func sideEffects(context c: ReviewContext, into r: inout SideEffectReview) {
        func day(_ at: Date) -> LocalDate { reviewDay(at, patient: c.patient, zones: c.zones) }
        let resolutions = Dictionary(
            c.journal.filter { $0.kind == .sideEffectResolved }.compactMap { e in e.sideEffect?.resolves.map { ($0, e) } },
            uniquingKeysWith: { first, _ in first })
        let reports: [SideEffectReport] = c.journal.filter { $0.kind == .sideEffect && $0.sideEffect != nil }.map { e in
            let detail = e.sideEffect!
            let record = c.course(id: e.courseID)
            let drug = record.flatMap { try? c.formulary.drug($0.course.drug) }
            let match = drug.flatMap { symptom(detail.symptom, drug: $0) }
            let d = day(e.at)
            let resolution = e.id.flatMap { resolutions[$0] }
            return SideEffectReport(
                entryID: e.id, courseID: e.courseID, drug: record?.course.drug, symptom: detail.symptom,
                label: match?.effect.label, severity: detail.severity, reportedOn: d, since: detail.since,
                redFlag: detail.redFlag, action: detail.redFlag ? match?.effect.action : nil,
                stepNumber: detail.stepNumber, dailyDoseMg: record.map { dailyDose($0, on: d) },
                resolved: resolution != nil, resolvedOn: resolution.map { day($0.at) })
        }
        r.openRedFlags = reports.filter { $0.redFlag && !$0.resolved }.reversed()
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
        r.groups = groups.sorted {
            (($0.stepNumber ?? 0), ($0.dailyDoseMg ?? 0), -($0.severity.map(SideEffectReview.rank) ?? -1))
                < (($1.stepNumber ?? 0), ($1.dailyDoseMg ?? 0), -($1.severity.map(SideEffectReview.rank) ?? -1))
        }
        let entries = c.reference?.course.id.map { id in c.journal.filter { $0.courseID == id || $0.courseID == nil } }
            ?? c.journal
        var flags: [FlagReview] = []
        for e in entries {
            for flag in e.flags where flag.kind != .redFlag && flag.kind != .stepUpHeld {
                flags.removeAll { $0.kind == flag.kind && $0.message == flag.message }
                flags.append(FlagReview(kind: flag.kind, message: flag.message, date: day(e.at), entryID: e.id))
            }
        }
        r.flags = flags
    }
}
