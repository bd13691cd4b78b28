@testable import ClinicGenerator
import Dispatch
import Foundation
import PainLadderClinic
import PainLadder
import Synchronization
import Testing

/// The hand-over between the simulation's thread and the loader's: order kept, the bound
/// holds, errors cross, and a consumer that gives up never leaves the producer blocked.
@Suite("Generator pipeline channel")
struct ChannelTests {
    struct Boom: Error {}

    /// Runs `produce` on a thread of its own; returns a semaphore signalled when it has returned.
    static func spawn(_ produce: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread { produce(); done.signal() }.start()
        return done
    }

    @Test func elementsArriveInOrderThenTheEnd() throws {
        let channel = Channel<Int>(capacity: 2)
        let done = Self.spawn {
            for i in 0..<1000 { _ = channel.send(i) }
            channel.finish(nil)
        }
        var received: [Int] = []
        while let i = try channel.receive() { received.append(i) }
        done.wait()
        #expect(received == Array(0..<1000))
    }

    @Test func theProducersErrorIsThrownAfterWhatItSent() throws {
        let channel = Channel<Int>(capacity: 4)
        let done = Self.spawn {
            _ = channel.send(1)
            _ = channel.send(2)
            channel.finish(Boom())
        }
        #expect(try channel.receive() == 1)
        #expect(try channel.receive() == 2)
        #expect(throws: Boom.self) { try channel.receive() }
        done.wait()
    }

    /// The producer blocks on a full channel (capacity 1); the consumer takes one element and
    /// cancels: the blocked `send` returns `false` and the producer stops (the test would hang
    /// otherwise).
    @Test func cancellingWakesABlockedProducer() throws {
        let channel = Channel<Int>(capacity: 1)
        let sent = Synchronization.Mutex(0)
        let done = Self.spawn {
            var i = 0
            while channel.send(i) { i += 1; sent.withLock { $0 = i } }
            channel.finish(nil)
        }
        #expect(try channel.receive() == 0)
        channel.cancel()
        done.wait()
        // At most: the one received, the one that filled the channel, the one that saw the cancel.
        #expect(sent.withLock { $0 } <= 3)
    }

    @Test func aWrongPredictedIDIsRefused() {
        #expect(throws: PainLadderError.self) { try LoadApplier.check("course", predicted: 3, got: 4) }
        #expect(throws: Never.self) { try LoadApplier.check("course", predicted: 4, got: 4) }
    }
}
