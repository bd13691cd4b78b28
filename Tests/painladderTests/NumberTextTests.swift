import Foundation
import Testing
@testable import painladder

/// `Num.f` formats with the C library directly; it must read exactly as `String(format:)`.
@Suite("Rendering: fixed-point numbers")
struct NumberTextTests {
    @Test func agreesWithStringFormat() {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.05, 0.15, 0.25, 0.35, 41.25, 99.95, 99.995, 100, 1e15, 1e300,
                                -1e300, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3, 2 / 3]
        for i in 0..<2_000 { values.append(Double(i) / 40 - 20) }
        for x in values {
            for places in 0...3 {
                #expect(Num.f(x, places) == String(format: "%.\(places)f", x), "\(x) \(places)")
            }
        }
    }

    // Hand-worked: one place, halves to even on the binary value (0.25 is exact, so 0.2;
    // 0.35 is 0.34999…, so 0.3); 41% rounded from 41.25.
    @Test func byHand() {
        #expect(Num.f(0.25, 1) == "0.2")
        #expect(Num.f(0.35, 1) == "0.3")
        #expect(Num.f(41.25, 0) == "41")
        #expect(Num.f(-1.5, 0) == "-2")
        #expect(Num.f(1e300, 0).count == 301)
    }
}
