import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The bundled files skip the validators at run time only because this suite validates
/// exactly those bytes; any other folder is checked in full.
@Suite("Bundled formulary digest")
struct BundledFormularyDigestTests {
    @Test func bundledFilesAreTheValidatedOnes() throws {
        // Validated in full (trusting no digest), then the digest compared.
        let (_, digest) = try FormularyLoader.load(directory: FormularyLoader.bundledDirectory(), overlay: nil, trusting: nil)
        #expect(digest == BundledFormulary.validatedDigest,
                "Data/formulary changed and passes the validators: set BundledFormulary.validatedDigest to 0x\(String(digest, radix: 16, uppercase: true))")
    }

    @Test func anEditedCopyIsCheckedInFull() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        let (_, same) = try FormularyLoader.load(directory: dir, overlay: nil, trusting: nil)
        #expect(same == BundledFormulary.validatedDigest)  // an unchanged copy is the same bytes
        // One byte changed, and the change is one only the validator refuses.
        let url = dir.appendingPathComponent("gabapentin.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #""value": 3600, "sources": ["S31"]"#, with: #""value": 3650, "sources": ["S31"]"#)
        try #require(edited != text)
        try Data(edited.utf8).write(to: url)
        let p = try #require(refusal(dir))
        #expect(p.field == "maximumDailyDose.value")
    }

    @Test func digestChangesWithAnyWord() {
        let data = Data((0..<100).map { UInt8($0) })
        var base = FormularyDigest()
        base.add(file: "a.json", data)
        for offset in [0, 7, 8, 63, 95, 99] {
            var changed = data
            changed[offset] ^= 1
            var other = FormularyDigest()
            other.add(file: "a.json", changed)
            #expect(other != base, "byte \(offset)")
        }
        var renamed = FormularyDigest()
        renamed.add(file: "b.json", data)
        #expect(renamed != base)
    }
}
