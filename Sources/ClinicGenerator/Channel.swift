import Dispatch
import Synchronization

/// A bounded first-in, first-out hand-over from ONE producer thread to ONE consumer thread.
///
/// Why bounded: the producer (the simulation) is faster than the consumer (SQLite); without
/// a bound it would hold the whole clinic in memory. Blocking is done with semaphores
/// (`slots` free places, `items` things to take), the buffer itself is behind a `Mutex`.
@available(macOS 15.0, *)
final class Channel<Element: Sendable>: Sendable {
    private struct State {
        var buffer: [Element] = []
        var end: Result<Void, any Error>?
        var cancelled = false
    }

    private let state = Mutex(State())
    /// One signal per element sent, and one for `finish`.
    private let items = DispatchSemaphore(value: 0)
    /// Free places; `cancel` adds one so that a producer blocked in `send` wakes up.
    private let slots: DispatchSemaphore

    init(capacity: Int) {
        slots = DispatchSemaphore(value: max(1, capacity))
    }

    /// Producer: waits for a free place, then queues `element`.
    /// - Returns: `false` when the consumer has cancelled: stop producing.
    func send(_ element: Element) -> Bool {
        slots.wait()
        let queued = state.withLock { s -> Bool in
            guard !s.cancelled else { return false }
            s.buffer.append(element)
            return true
        }
        if queued { items.signal() } else { slots.signal() }   // pass the wake-up on
        return queued
    }

    /// Producer, once, last: no more elements (`nil`), or the error that stopped it.
    func finish(_ error: (any Error)?) {
        state.withLock { $0.end = error.map { .failure($0) } ?? .success(()) }
        items.signal()
    }

    /// Consumer: the next element, waiting for one; `nil` after the producer's `finish(nil)`.
    /// - Throws: the error the producer finished with.
    func receive() throws -> Element? {
        items.wait()
        let next = state.withLock { s -> Result<Element?, any Error> in
            // At most `capacity` elements: removing the first is cheap, and it lets the
            // element go (a consumed batch must not stay referenced from here).
            if !s.buffer.isEmpty { return .success(s.buffer.removeFirst()) }
            // Every element was signalled before `finish`: an empty buffer means the end.
            switch s.end {
            case .failure(let error)?: return .failure(error)
            default: return .success(nil)
            }
        }
        let element = try next.get()
        if element != nil { slots.signal() }
        return element
    }

    /// Consumer: stop the producer (its next or current `send` returns `false`) and drop what is queued.
    func cancel() {
        state.withLock { s in
            s.cancelled = true
            s.buffer.removeAll()
        }
        slots.signal()
    }
}
