import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// A clinic's overlay is read on every command, the reminder job's included: its cost must
/// grow with its size, not with the square of it (a 3 MB overlay once took 78 s).
@Suite("Formulary overlay size")
struct FormularyOverlaySizeTests {
    /// 40,000 local sources, about 3 MB, in one object.
    static let entries = 40_000

    static func bigOverlay() -> String {
        var text = #"{"name": "A large clinic", "sources": {"#
        text.reserveCapacity(3_200_000)
        for i in 0..<entries {
            if i > 0 { text += ",\n" }
            text += #""L\#(i)": {"title": "Local guideline \#(i) of the clinic's neuropathic pain pathway", "url": "https://example.org/guidelines/\#(i)"}"#
        }
        text += #"}, "caps": {"gabapentin": {"value": 1800, "sources": ["L39999"], "status": "local"}}}"#
        return text
    }

    @Test func threeMegabyteOverlayLoadsInLinearTime() throws {
        let text = Self.bigOverlay()
        #expect(text.utf8.count > 3_000_000)
        let url = try FormularyFixture.write(text)
        defer { FormularyFixture.remove(url.deletingLastPathComponent()) }
        let clock = ContinuousClock()
        let start = clock.now
        let formulary = try FormularyLoader.bundled(overlay: url)
        let elapsed = clock.now - start
        #expect(formulary.sources.count >= Self.entries)
        #expect(formulary.localCaps["gabapentin"]?.sources == ["L39999"])
        // Generous for a debug build on a busy machine: linear is about 1 s, quadratic was 78 s.
        #expect(elapsed < .seconds(10), "a 3 MB overlay took \(elapsed)")
    }

    /// The duplicate check is exact on both sides of the point where it switches from a scan
    /// to a set, and at the far end of a large object.
    @Test(arguments: [1, JSONTreeParser.keysScanned - 1, JSONTreeParser.keysScanned, JSONTreeParser.keysScanned + 1, 40_000])
    func repeatedKeyFoundInAnObjectOfAnySize(_ members: Int) {
        let keys = (0..<members).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect((try? JSONTreeParser.parse("{\(keys)}")) != nil)
        for repeated in Set([0, members / 2, members - 1]) {
            let error = #expect(throws: JSONSyntaxError.self) {
                try JSONTreeParser.parse("{\(keys), \"k\(repeated)\": 0}")
            }
            #expect(error?.message == "'k\(repeated)' is given twice in the same object")
            #expect(error?.path == [.key("k\(repeated)")])
        }
    }
}
