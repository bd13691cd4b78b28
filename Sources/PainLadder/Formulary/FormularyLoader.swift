import Foundation

/// Reads a formulary from JSON files and checks it before anything uses it.
public enum FormularyLoader {
    /// The file that lists the drugs and pathway settings, inside a formulary folder.
    public static let indexFile = "formulary.json"

    /// Loads a formulary folder (`formulary.json`, `sources.json`, `diagnoses.json`,
    /// `medicines.json`, one file per drug and, if present, `switching.json`), then applies a
    /// local overlay file if given.
    ///
    /// - Throws: ``PainLadderError/invalidFormulary(file:drug:field:problem:)`` naming the
    ///   file, drug, field and problem when anything is missing, malformed or unsafe.
    public static func load(directory: URL, overlay: URL? = nil) throws -> Formulary {
        let index: FormularyIndex = try decode(directory.appendingPathComponent(indexFile))
        let sources: [String: Source] = try decode(directory.appendingPathComponent("sources.json"))
        let diagnoses: [Diagnosis] = try decode(directory.appendingPathComponent("diagnoses.json"))
        let medicines: [String: [String]] = try decode(directory.appendingPathComponent("medicines.json"))
        let drugs: [Drug] = try index.drugs.map { try decode(directory.appendingPathComponent($0)) }
        // drug id → the file it came from, so a validation error names the right file.
        let drugFiles = Dictionary(zip(drugs.map(\.id), index.drugs), uniquingKeysWith: { first, _ in first })
        var formulary = Formulary(name: index.name, version: index.version, drugs: drugs, sources: sources,
                                  diagnoses: diagnoses, medicineClasses: medicines, pathway: index.pathway)
        try FormularyValidator.validate(formulary, file: directory.lastPathComponent, drugFiles: drugFiles)
        // Optional: switching guidance and dose conversions.
        let switchingURL = directory.appendingPathComponent(SwitchingValidator.file)
        if FileManager.default.fileExists(atPath: switchingURL.path) {
            let switching: SwitchingRules = try decode(switchingURL)
            try SwitchingValidator.validate(switching, in: formulary)
            formulary.switching = switching
        }
        if let overlay {
            let local: LocalOverlay = try decode(overlay)
            formulary = try FormularyValidator.apply(local, to: formulary, file: overlay.lastPathComponent)
        }
        return formulary
    }

    /// The formulary bundled with PainLadder (`Data/formulary`), plus an optional overlay.
    public static func bundled(overlay: URL? = nil) throws -> Formulary {
        try load(directory: bundledDirectory(), overlay: overlay)
    }

    /// Where the bundled `Data/formulary` folder is.
    ///
    /// SwiftPM copies `Data/` into `PainLadder_PainLadder.resources` beside the built binary.
    /// Its generated `Bundle.module` accessor calls `fatalError` when that folder is missing
    /// (an installed binary without it), so we look for it ourselves and fail with a message.
    public static func bundledDirectory() throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["PAINLADDER_DATA"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env).appendingPathComponent("formulary"))
        }
        let bundleName = "PainLadder_PainLadder.resources"
        let executableDir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
            .resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [Bundle.main.bundleURL, executableDir, Bundle.main.bundleURL.deletingLastPathComponent()] {
            candidates.append(base.appendingPathComponent(bundleName).appendingPathComponent("Data/formulary"))
        }
        // The source tree this library was built from (a development build).
        candidates.append(URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/formulary"))
        for candidate in candidates
        where fm.fileExists(atPath: candidate.appendingPathComponent(indexFile).path) {
            return candidate
        }
        throw PainLadderError.invalidFormulary(
            file: "Data/formulary", drug: nil, field: "location",
            problem: "the bundled formulary was not found; copy \(bundleName) beside the painladder binary, or set PAINLADDER_DATA to a Data folder")
    }

    static func decode<T: Decodable>(_ url: URL) throws -> T {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PainLadderError.invalidFormulary(file: file, drug: nil, field: "file", problem: "cannot be read")
        }
        let document: JSONDocument
        do {
            document = try JSONTreeParser.parse(data)
        } catch {
            throw PainLadderError.invalidFormulary(
                file: file, drug: nil, field: error.path.isEmpty ? "(top level)" : JSONPathComponent.render(error.path),
                problem: "is not valid JSON: \(error)")
        }
        do {
            let marks = ReadMarks(document)
            let value = try TreeDecoder.decode(T.self, from: document.root, marks: marks)
            try UnknownFields.check(document.root, marks: marks, file: file)
            return value
        } catch let error as PainLadderError {
            throw error
        } catch let error as DecodingError {
            throw PainLadderError.invalidFormulary(file: file, drug: nil, field: error.fieldPath,
                                                   problem: error.problem)
        } catch {
            // Only a model's own init(from:) could throw something else; none does today.
            throw PainLadderError.invalidFormulary(file: file, drug: nil, field: "file",
                                                   problem: "cannot be decoded: \(error)")
        }
    }
}

/// `formulary.json`: what the folder holds.
struct FormularyIndex: Codable {
    var name: String
    var version: String
    /// Drug files, in ladder display order.
    var drugs: [String]
    var pathway: PathwaySettings
}

extension DecodingError {
    var fieldPath: String {
        let path: [CodingKey]
        switch self {
        case let .keyNotFound(key, context): path = context.codingPath + [key]
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            path = context.codingPath
        @unknown default: path = []
        }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
    }

    var problem: String {
        switch self {
        case .keyNotFound: "is missing"
        case let .typeMismatch(type, _): "has the wrong type (expected \(type))"
        case .valueNotFound: "is null"
        case let .dataCorrupted(context): context.debugDescription
        @unknown default: "is invalid"
        }
    }
}
