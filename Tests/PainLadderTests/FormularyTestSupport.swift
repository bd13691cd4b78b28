import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// Temp copies of the bundled formulary that a test can break one file at a time.
enum FormularyFixture {
    /// A fresh temp folder holding a copy of the bundled `Data/formulary` files.
    static func copyOfBundled() throws -> URL {
        let fm = FileManager.default
        let source = try FormularyLoader.bundledDirectory()
        let target = fm.temporaryDirectory.appendingPathComponent("painladder-formulary-\(UUID().uuidString)")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".json") {
            try fm.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Reads `file` as JSON, lets `change` edit it, writes it back.
    static func mutate(_ dir: URL, _ file: String, _ change: (inout Any) throws -> Void) throws {
        let url = dir.appendingPathComponent(file)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        try change(&json)
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    /// Sets (or with `nil`, removes) the value at `path` ("variants", 0, "steps", "value").
    static func set(_ json: inout Any, _ path: [Any], to value: Any?) {
        json = updated(json, path[...], value)
    }

    private static func updated(_ node: Any, _ path: ArraySlice<Any>, _ value: Any?) -> Any {
        guard let head = path.first else { return value as Any }
        let rest = path.dropFirst()
        if let key = head as? String, var object = node as? [String: Any] {
            if rest.isEmpty, value == nil {
                object.removeValue(forKey: key)
            } else {
                object[key] = updated(object[key] ?? [String: Any](), rest, value)
            }
            return object
        }
        if let index = head as? Int, var array = node as? [Any] {
            array[index] = updated(array[index], rest, value)
            return array
        }
        Issue.record("path component \(head) does not fit the JSON")
        return node
    }

    /// Writes `text` to a temp file and returns its URL.
    static func write(_ text: String, name: String = "overlay.json") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("painladder-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}

/// The parts of an `invalidFormulary` error, or a recorded issue when the error is another kind.
struct FormularyProblem {
    var file: String
    var drug: String?
    var field: String
    var problem: String

    init?(_ error: (any Error)?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case let .invalidFormulary(file, drug, field, problem)? = error as? PainLadderError else {
            Issue.record("expected invalidFormulary, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        self.file = file
        self.drug = drug
        self.field = field
        self.problem = problem
    }
}

/// Loads `dir` (and `overlay`), expects an `invalidFormulary` error and returns its parts.
func refusal(_ dir: URL, overlay: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> FormularyProblem? {
    let error = #expect(throws: PainLadderError.self, sourceLocation: sourceLocation) {
        _ = try FormularyLoader.load(directory: dir, overlay: overlay)
    }
    return FormularyProblem(error, sourceLocation: sourceLocation)
}
