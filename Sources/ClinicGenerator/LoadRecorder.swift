import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

/// One record for the loader, prepared by the simulation (see ``LoadRecorder``).
enum LoadOp: Sendable {
    case patient(Patient, at: Date, by: String)
    /// `courseID` and `planVersionID`: the ids the simulation predicted and already used.
    case course(Course, plan: PlanVersion, courseID: Int64, planVersionID: Int64)
    case planVersion(PlanVersion, patientID: String, statusBefore: Course.Status, courseStatus: Course.Status?,
                     outcome: Course.Outcome?, id: Int64)
    /// The next `count` entries of the batch's ``LoadBatch/entries``.
    case entries(count: Int)
    /// Simulated days done, for the progress report.
    case day(Int)
    /// The last record: what the simulation wrote.
    case finished(ClinicGenerator.Summary)
}

/// Records in the order they are to be written, journal entries packed apart.
struct LoadBatch: Sendable {
    var ops: [LoadOp] = []
    var entries = BulkLoader.PreparedEntries()
}

/// The simulation's stand-in for ``BulkLoader``: it records the loader's calls as ``LoadOp``s
/// in batches, with journal entries already encoded, and hands each full batch to `sink`
/// (the loader's thread, or the loader directly), which runs them in order.
///
/// Why predicted ids: the simulation links a plan version to its course and to the version it
/// replaces before the rows exist. Into tables nobody else writes during the load (one
/// transaction), SQLite gives `INTEGER PRIMARY KEY` rows max + 1, so the ids are known
/// ahead; ``LoadApplier`` checks every one and aborts the load on a mismatch.
final class LoadRecorder {
    private var nextCourseID: Int64
    private var nextPlanVersionID: Int64
    private var batch = LoadBatch()
    private let batchSize: Int
    private let sink: (LoadBatch) throws -> Void

    /// - Parameter batchSize: records (operations and entries) per batch.
    init(nextCourseID: Int64, nextPlanVersionID: Int64, batchSize: Int, sink: @escaping (LoadBatch) throws -> Void) {
        self.nextCourseID = nextCourseID
        self.nextPlanVersionID = nextPlanVersionID
        self.batchSize = batchSize
        self.sink = sink
    }

    func addPatient(_ p: Patient, at: Date, by: String) throws {
        try emit(.patient(p, at: at, by: by))
    }

    func startCourse(_ course: Course, plan: PlanVersion) throws -> (courseID: Int64, planVersionID: Int64) {
        let ids = (courseID: nextCourseID, planVersionID: nextPlanVersionID)
        nextCourseID += 1
        nextPlanVersionID += 1
        try emit(.course(course, plan: plan, courseID: ids.courseID, planVersionID: ids.planVersionID))
        return ids
    }

    func addPlanVersion(_ v: PlanVersion, patientID: String, statusBefore: Course.Status,
                        courseStatus: Course.Status? = nil, outcome: Course.Outcome? = nil) throws -> Int64 {
        let id = nextPlanVersionID
        nextPlanVersionID += 1
        try emit(.planVersion(v, patientID: patientID, statusBefore: statusBefore, courseStatus: courseStatus,
                              outcome: outcome, id: id))
        return id
    }

    func append(_ e: JournalEntry) throws {
        try batch.entries.append(e)
        if case let .entries(count)? = batch.ops.last {
            batch.ops[batch.ops.count - 1] = .entries(count: count + 1)
        } else {
            batch.ops.append(.entries(count: 1))
        }
        try sendIfFull()
    }

    func dayDone(_ days: Int) throws {
        try emit(.day(days))
    }

    /// Sends the last record and whatever is still batched.
    func finish(_ summary: ClinicGenerator.Summary) throws {
        batch.ops.append(.finished(summary))
        try sink(batch)
        batch = LoadBatch()
    }

    private func emit(_ op: LoadOp) throws {
        batch.ops.append(op)
        try sendIfFull()
    }

    private func sendIfFull() throws {
        guard batch.ops.count + batch.entries.count >= batchSize else { return }
        try sink(batch)
        batch = LoadBatch()
    }
}

/// Runs recorded ``LoadOp``s on the loader's thread, checking each predicted id.
final class LoadApplier {
    let loader: BulkLoader
    let days: Int
    let progress: ((Int, Int) -> Void)?
    private(set) var summary: ClinicGenerator.Summary?

    init(loader: BulkLoader, days: Int, progress: ((Int, Int) -> Void)?) {
        self.loader = loader
        self.days = days
        self.progress = progress
    }

    func apply(_ batch: LoadBatch) throws {
        var nextEntry = 0
        for op in batch.ops {
            switch op {
            case let .patient(p, at, by):
                try loader.addPatient(p, at: at, by: by)
            case let .course(course, plan, courseID, planVersionID):
                let ids = try loader.startCourse(course, plan: plan)
                try Self.check("course", predicted: courseID, got: ids.courseID)
                try Self.check("plan_version", predicted: planVersionID, got: ids.planVersionID)
            case let .planVersion(v, patientID, statusBefore, courseStatus, outcome, id):
                let got = try loader.addPlanVersion(v, patientID: patientID, statusBefore: statusBefore,
                                                    courseStatus: courseStatus, outcome: outcome)
                try Self.check("plan_version", predicted: id, got: got)
            case let .entries(count):
                try loader.append(batch.entries, nextEntry ..< nextEntry + count)
                nextEntry += count
            case let .day(done):
                progress?(done, days)
            case let .finished(s):
                summary = s
            }
        }
    }

    static func check(_ table: String, predicted: Int64, got: Int64) throws {
        guard predicted == got else {
            throw PainLadderError.internalError(
                "generate: the \(table) row got id \(got), but the generator had linked it as \(predicted); nothing was written")
        }
    }
}
