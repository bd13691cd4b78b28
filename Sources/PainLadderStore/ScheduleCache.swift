import Foundation
import PainLadder

/// Decoded schedules by their stored JSON text, for one ``Store``. Plan versions are
/// append-only (a trigger refuses updates), and the same text always decodes to the same
/// schedule, so a plan read again through the same store (``Store/currentPlan(courseID:)``)
/// is not decoded again.
///
/// Every access goes through ``withSchedules(_:)``: the lock is taken and released in that
/// one place (GRDB's `Mutex` pattern), never paired by hand. `Synchronization.Mutex` would do
/// but needs macOS 15; the package supports macOS 13.
final class ScheduleCache: @unchecked Sendable {
    /// Beyond this many distinct schedules the cache starts again (a clinic's current plans).
    static let capacity = 2048

    private let lock = NSLock()
    private var schedules: [String: Schedule] = [:]

    /// The schedule stored as `text`, decoded at most once while it stays cached.
    /// The decoding itself runs outside the lock.
    func schedule(_ text: String) throws -> Schedule {
        if let hit = withSchedules({ $0[text] }) { return hit }
        let decoded = try StoreJSON.decodeSchedule(text)
        withSchedules { schedules in
            if schedules.count >= Self.capacity { schedules.removeAll(keepingCapacity: true) }
            schedules[text] = decoded
        }
        return decoded
    }

    private func withSchedules<T>(_ body: (inout [String: Schedule]) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&schedules)
    }
}
