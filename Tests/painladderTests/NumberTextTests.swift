import Foundation
import SeededRandom
import Testing
@testable import painladder

/// `Num.f` formats with the C library directly; it must read exactly as `String(format:)`.

@Suite("Rendering: fixed-point numbers")
struct NumberTextTests {
    @Test func agreesWithStringFormat() {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.05, 0.15, 0.25, 0.35, 41.25, 99.95, 99.995, 100, 1e15, 1e300,
                                -1e300, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3, 2 / 3]
        for i in 0..<2_000 { values.append(Double(i) / 40 - 20) }
        for i in 0..<2_000 { values.append(Double(i) * 0.001 - 1) }
        values += [-0.0004, -0.04, 0.0005, 0.00049999, 4_503_599_627_370_495.5, 0x1p52 - 1, 0x1p52, 0x1p53 + 2, 5e-324, -5e-324,
                   2.2250738585072014e-308, 123_456.785, 99.5, 100.5, -99.5, 0.125, 0.375, 1.0005, 1.0015]
        var r = SplitMix(seed: 3)
        for _ in 0..<3_000 {
            values.append(Double(bitPattern: r.next()))
            values.append(Double(Int64(bitPattern: r.next()) % 10_000_000) / 1_000)
        }
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
