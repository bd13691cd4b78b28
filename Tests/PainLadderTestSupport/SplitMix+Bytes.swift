import Foundation
import SeededRandom

extension SplitMix {
    /// `count` reproducible bytes (noise for damaged files), so a failing case can be rerun
    /// with the same bytes: each `next()` gives eight, in memory order.
    public mutating func data(_ count: Int) -> Data {
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            withUnsafeBytes(of: next()) { bytes.append(contentsOf: $0.prefix(count - bytes.count)) }
        }
        return Data(bytes)
    }
}
