import Foundation
import Testing

/// A clinic day scripted through the real binary: each step at its own instant, expected to
/// succeed (the failure names the command and its stderr).
struct ClinicScript {
    let cli: CLI

    init() throws { cli = try CLI() }

    /// Runs `args` at `now` (ISO 8601) and returns stdout; a non-zero exit is a test failure.
    @discardableResult
    func step(_ args: [String], at now: String) throws -> String {
        let r = try cli.run(args + ["--now", now])
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    /// The review's JSON at `now`, as an object.
    func reviewJSON(_ patient: String, at now: String) throws -> [String: Any] {
        let text = try step(["review", patient, "--json"], at: now)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A patient aged 56 with diabetic neuropathy and a recorded CrCl, added on `day`.
    func addPatient(_ id: String, crcl: String = "80", on day: String = "2026-01-04") throws {
        try step(["patient", "add", id, "--born", "1970-01-01", "--sex", "female", "--tz", "Europe/London",
                  "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", crcl], at: "\(day)T09:00:00Z")
    }
}
