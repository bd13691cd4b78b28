import Foundation
import Testing
@testable import PainLadder

/// `TimeInput.instant` reads ISO 8601 instants byte by byte; these are the values worked out
/// independently (epoch seconds by hand or with another implementation) and the strings it
/// must refuse.
@Suite struct TimeInputInstantTests {
    // 2026-01-01T00:00:00Z is 1,767,225,600 (56 years since 1970 with 14 leap days:
    // (56 × 365 + 14) × 86,400). 29 March is 31 + 28 + 28 = 87 days later.
    @Test func worksOutEpochSeconds() throws {
        #expect(TimeInput.instant("2026-01-01T00:00:00Z")?.timeIntervalSince1970 == 1_767_225_600)
        // 1,767,225,600 + 87 × 86,400 + 3,599 = 1,774,745,999.
        #expect(TimeInput.instant("2026-03-29T00:59:59Z")?.timeIntervalSince1970 == 1_774_745_999)
        // An offset is subtracted: 01:30 at +01:00 is 00:30 UTC.
        #expect(TimeInput.instant("2026-10-25T01:30:00+01:00")?.timeIntervalSince1970 == 1_792_888_200)
        #expect(TimeInput.instant("2026-10-25T01:30:00+0100")?.timeIntervalSince1970 == 1_792_888_200)
        #expect(TimeInput.instant("2024-02-29T23:59:59-05:30")?.timeIntervalSince1970 == 1_709_270_999)
        #expect(TimeInput.instant("1999-12-31T23:59:59+14:00")?.timeIntervalSince1970 == 946_634_399)
    }

    @Test func readsFractionsOfASecond() throws {
        let whole = try #require(TimeInput.instant("2026-01-01T00:00:00Z")).timeIntervalSince1970
        #expect(TimeInput.instant("2026-01-01T00:00:00.5Z")?.timeIntervalSince1970 == whole + 0.5)
        let ms = try #require(TimeInput.instant("2026-01-01T00:00:00.123Z")).timeIntervalSince1970
        #expect(abs(ms - whole - 0.123) < 1e-6)
    }

    @Test func agreesWithFoundationOnValidInstants() {
        let iso = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for text in ["2026-03-02T09:00:00Z", "2026-03-29T01:00:00+01:00", "2026-11-01T06:30:00-04:00",
                     "2025-12-31T23:59:59+05:45", "2026-06-15T12:00:00.250Z"] {
            let expected = iso.date(from: text) ?? fractional.date(from: text)
            #expect(expected != nil, "\(text)")
            #expect(TimeInput.instant(text) == expected, "\(text)")
        }
    }

    @Test(arguments: ["2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-02T24:00:00Z",
                      "2026-03-02T09:60:00Z", "2026-03-02T09:00:60Z", "2026-03-02T09:00:00+25:00",
                      "2026-03-02T09:00:00+18:30", "2026-03-02T09:00:00", "2026-03-02 09:00:00Z",
                      "2026-03-02T09:00:00Zjunk", "2026-03-02T09:00:00.Z", "2026-03-02T09:00Z",
                      "2026-03-02T09:00:00+1", "yesterday", ""])
    func refuses(_ text: String) {
        #expect(TimeInput.instant(text) == nil)
    }
}
