import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore
import SeededRandom

/// Builds a synthetic clinic through the store's bulk loader (``Store/bulkLoad(_:)``), for
/// the benchmark and its smoke test. Seeded: the same options give the same database.
///
/// Each patient has about two years of history (starting on one of the first 60 days, so
/// courses do not all start on one day): a baseline pain score, a course (and for
/// about a third of them a second one after the first stops), the schedule the formulary gives
/// for them, about three scheduled doses a day (most taken, some skipped, a few never
/// recorded), a pain score every evening, a side effect a week and a review about once a
/// month (a plan version recording a "continue" decision and the next review date).
///
/// Records are written day by day across all patients, as a real clinic fills its file, so
/// one patient's rows are spread through the tables as they would be in use.
public enum ClinicGenerator {
    public struct Options: Sendable {
        public var patients: Int
        /// Days of history per patient, ending on `end`.
        public var days: Int
        public var seed: UInt64
        /// The last day of history; the generator's "now" is 12:00 UTC that day: doses after it
        /// are not recorded yet (so reminders have something due).
        public var end: LocalDate
        /// Drugs a first course may use, with weights: gabapentin (three doses a day) most often.
        public var firstDrugs: [(drug: String, weight: Double)]
        /// Share of patients whose first course stops (not effective, not tolerated) and a second starts.
        /// With the default mix a patient averages about 2.7 scheduled doses a day (gabapentin
        /// three, pregabalin two, amitriptyline and duloxetine one).
        public var secondCourseRate: Double
        /// Share of scheduled doses recorded as taken, and as skipped; the rest are never recorded.
        public var takenRate: Double
        public var skippedRate: Double
        /// A measured creatinine clearance for every patient (mL/min), which wins over the
        /// Cockcroft–Gault estimate from the random age, weight and creatinine: tests use it to
        /// keep renal dose bands out of hand-worked counts. `nil`: estimated, so some patients
        /// fall in renal bands as in a real clinic.
        public var measuredClearance: Double?
        /// Each patient's history starts a random 0 to `startSpread − 1` days after the first
        /// day, so courses (and their dated schedules) start on different days as in a real
        /// clinic; 0 starts everyone on the first day.
        public var startSpread: Int

        public init(patients: Int, days: Int = 730, seed: UInt64 = 1,
                    end: LocalDate = LocalDate(year: 2026, month: 3, day: 20)!,
                    firstDrugs: [(drug: String, weight: Double)] = [("gabapentin", 0.85), ("pregabalin", 0.09),
                                                                     ("amitriptyline", 0.04), ("duloxetine", 0.02)],
                    secondCourseRate: Double = 0.3, takenRate: Double = 0.92, skippedRate: Double = 0.05,
                    measuredClearance: Double? = nil, startSpread: Int = 60) {
            self.patients = patients
            self.days = days
            self.seed = seed
            self.end = end
            self.firstDrugs = firstDrugs
            self.secondCourseRate = secondCourseRate
            self.takenRate = takenRate
            self.skippedRate = skippedRate
            self.measuredClearance = measuredClearance
            self.startSpread = max(0, min(startSpread, days / 4))
        }

        /// The instant the history stops at.
        public var now: Date { Date(timeIntervalSince1970: Double(end.dayNumber * 86_400 + 12 * 3600)) }
    }

    /// What was written.
    public struct Summary: Sendable, Encodable, Equatable {
        public var patients = 0
        public var courses = 0
        public var planVersions = 0
        /// Dose entries (taken and skipped).
        public var doseEntries = 0
        /// Scheduled doses before "now" that were never recorded.
        public var unrecordedDoses = 0
        public var painEntries = 0
        public var sideEffects = 0
        /// Rows in every table (journal, audit, plans, courses, patients).
        public var rows = 0
    }

    /// Writes the clinic into `store` in one transaction. The simulation runs on a thread of
    /// its own, ahead of the inserts (see ``pipelined(_:_:_:_:)``); `progress` is called on the
    /// thread that inserts.
    ///
    /// - Parameter progress: called after each simulated day with (days done, days).
    /// - Throws: ``PainLadderError/notPossible(_:)`` when the database already holds patients.
    public static func generate(_ options: Options, formulary: Formulary, into store: Store,
                                progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        guard try store.patients().isEmpty else {
            throw PainLadderError.notPossible("generate: \(store.path) already holds patients; give a new database file")
        }
        return try store.bulkLoad { loader in
            let applier = LoadApplier(loader: loader, days: options.days, progress: progress)
            let ids = (course: try loader.nextID(.course), planVersion: try loader.nextID(.planVersion))
            if #available(macOS 15.0, *) {
                try pipelined(options, formulary, ids, applier)
            } else {
                let recorder = LoadRecorder(nextCourseID: ids.course, nextPlanVersionID: ids.planVersion,
                                            batchSize: batchSize) { try applier.apply($0) }
                try simulate(options, formulary, recorder)
            }
            guard var summary = applier.summary else {
                throw PainLadderError.internalError("generate: the simulation stopped before its end")
            }
            summary.rows = loader.rowsWritten
            return summary
        }
    }

    /// Records per batch handed to the loader, and batches queued at most: about 1,000
    /// patient-days a batch, a few MB queued.
    static let batchSize = 4096
    static let queuedBatches = 8

    /// The simulation (and the encoding of its records) on a thread of its own, the inserts on
    /// this one (the store's writer; SQLite is only ever called from it): the two overlap on
    /// two cores. Records reach the loader in the order they were made, so the rows and their
    /// ids are the ones a single thread writes.
    ///
    /// Every path stops and waits for the producer before returning: an error in the loader
    /// cancels the channel (waking the producer if it waits for room), an error in the
    /// simulation is handed over and thrown here; either aborts the load's transaction.
    @available(macOS 15.0, *)
    static func pipelined(_ options: Options, _ formulary: Formulary, _ ids: (course: Int64, planVersion: Int64),
                          _ applier: LoadApplier) throws {
        struct Cancelled: Error {}
        let channel = Channel<LoadBatch>(capacity: queuedBatches)
        let stopped = DispatchSemaphore(value: 0)
        let (course, planVersion) = ids
        let producer = Thread {
            defer { stopped.signal() }
            do {
                let recorder = LoadRecorder(nextCourseID: course, nextPlanVersionID: planVersion,
                                            batchSize: batchSize) { batch in
                    guard channel.send(batch) else { throw Cancelled() }
                }
                try simulate(options, formulary, recorder)
                channel.finish(nil)
            } catch is Cancelled {
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        producer.name = "ClinicGenerator.simulate"
        producer.stackSize = 8 << 20
        producer.start()
        defer {
            channel.cancel()   // a no-op once everything was received
            stopped.wait()
        }
        while let batch = try channel.receive() {
            try applier.apply(batch)
        }
    }

    /// Lives every patient day by day, recording what they write into `recorder`.
    static func simulate(_ options: Options, _ formulary: Formulary, _ recorder: LoadRecorder) throws {
        let firstDay = options.end.adding(days: -(options.days - 1))
        var clocks: [String: ZoneClock] = [:]
        var patients: [SyntheticPatient] = []
        patients.reserveCapacity(options.patients)
        for index in 0..<options.patients {
            var rng = SplitMix(seed: options.seed, index: index)
            let zone = rng.pick(SyntheticPatient.zones)
            let clock = clocks[zone] ?? ZoneClock(zone: TimeZone(identifier: zone)!)
            clocks[zone] = clock
            let offset = options.startSpread > 0 ? rng.int(0...(options.startSpread - 1)) : 0
            patients.append(SyntheticPatient(index: index, rng: rng, clock: clock, firstDay: firstDay.adding(days: offset),
                                             options: options, formulary: formulary))
        }
        var summary = Summary()
        summary.patients = options.patients
        for p in patients.indices { try patients[p].register(recorder) }
        for d in 0..<options.days {
            let day = firstDay.adding(days: d)
            for p in patients.indices {
                try patients[p].live(day, now: options.now, loader: recorder, summary: &summary)
            }
            try recorder.dayDone(d + 1)
        }
        try recorder.finish(summary)
    }
}

/// Local wall-clock times to instants for one zone, fast: a day without a daylight-saving
/// change has one offset for all its slots (cached per day); a day with one goes through
/// ``WallClock/instant(_:_:in:)`` and its RFC 5545 rules.
final class ZoneClock {
    let zone: TimeZone
    private var offsets: [Int: Int] = [:]
    private static let changes = Int.min

    init(zone: TimeZone) {
        self.zone = zone
    }

    func instant(_ day: LocalDate, _ time: LocalTime) -> Date {
        let offset: Int
        if let cached = offsets[day.dayNumber] {
            offset = cached
        } else {
            // The local day lies within UTC [midnight − 14 h, midnight + 38 h] for any offset.
            let midnight = Double(day.dayNumber * 86_400)
            let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight - 14 * 3600))
            let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight + 38 * 3600))
            offset = before == after ? before : Self.changes
            offsets[day.dayNumber] = offset
        }
        if offset == Self.changes { return WallClock.instant(day, time, in: zone) }
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + time.minutesSinceMidnight * 60 - offset))
    }
}
