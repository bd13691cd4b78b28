import Foundation
import PainLadder

/// Reads a formulary from JSON files and checks it before anything uses it.
public enum FormularyLoader {
    /// The file that lists the drugs and pathway settings, inside a formulary folder.
    public static let indexFile = "formulary.json"

    /// Loads a formulary folder (`formulary.json`, `sources.json`, `diagnoses.json`,
    /// `medicines.json`, one file per drug and, if present, `medicine-names.json` and
    /// `switching.json`), then applies a
    /// local overlay file if given.
    ///
    /// - Throws: ``PainLadderError/invalidFormulary(file:drug:field:problem:)`` naming the
    ///   file, drug, field and problem when anything is missing, malformed or unsafe.
    public static func load(directory: URL, overlay: URL? = nil) throws -> Formulary {
        try load(directory: directory, overlay: overlay, trusting: BundledFormulary.validatedDigest).formulary
    }

    /// Loads as ``load(directory:overlay:)`` does, skipping the validators when the folder's
    /// files have the digest `trusted` (`nil`: never skip); also returns the files' digest.
    /// A local overlay is always checked in full.
    static func load(directory: URL, overlay: URL?, trusting trusted: UInt64?) throws -> (formulary: Formulary, digest: UInt64) {
        var digest = FormularyDigest()
        func read<T>(_ name: String, as body: (JSONTreeReader) throws -> T) throws -> T {
            let url = directory.appendingPathComponent(name)
            let data = try contents(of: url)
            digest.add(file: name, data)
            return try parse(data, file: url.lastPathComponent, as: body)
        }
        let index = try read(indexFile, as: FormularyIndex.init(json:))
        let sources = try read("sources.json") { sources in
            try sources.dictionary(Source.init(json:))
        }
        let diagnoses = try read("diagnoses.json") { list in
            try list.array(Diagnosis.init(json:))
        }
        let medicines = try read("medicines.json") { medicines in
            try medicines.dictionary { classes in try classes.strings() }
        }
        let drugs = try index.drugs.map { try read($0, as: Drug.init(json:)) }
        // Optional: brand names, synonyms and the classes of ingredients medicines.json lacks.
        let namesURL = directory.appendingPathComponent(MedicineNamesValidator.file)
        let names = FileManager.default.fileExists(atPath: namesURL.path)
            ? try read(MedicineNamesValidator.file) { list in try list.array(MedicineName.init(json:)) } : []
        // Optional: switching guidance and dose conversions. Its bytes count in the digest,
        // but it is read and checked after the rest, as it always was, so the same mistake is
        // reported first.
        let switchingURL = directory.appendingPathComponent(SwitchingValidator.file)
        let hasSwitching = FileManager.default.fileExists(atPath: switchingURL.path)
        let switchingData = hasSwitching ? try? contents(of: switchingURL) : nil
        var whole = digest
        if let switchingData { whole.add(file: SwitchingValidator.file, switchingData) }
        let validated = trusted != nil && whole.value == trusted

        // drug id → the file it came from, so a validation error names the right file.
        let drugFiles = Dictionary(zip(drugs.map(\.id), index.drugs), uniquingKeysWith: { first, _ in first })
        var formulary = Formulary(name: index.name, version: index.version, drugs: drugs, sources: sources,
                                  diagnoses: diagnoses, medicineClasses: medicines, pathway: index.pathway)
        // Checked first: the rules may name the classes it adds.
        formulary = try MedicineNamesValidator.apply(names, to: formulary, validate: !validated)
        if !validated {
            try FormularyValidator.validate(formulary, file: directory.lastPathComponent, drugFiles: drugFiles)
        }
        if whole.value != BundledFormulary.validatedDigest {
            formulary.provenance = .modified(folder: directory.path, digest: whole.value,
                                             releaseDigest: BundledFormulary.validatedDigest)
        }
        if hasSwitching {
            let data = try switchingData ?? contents(of: switchingURL)
            let switching = try parse(data, file: SwitchingValidator.file, as: SwitchingRules.init(json:))
            if !validated { try SwitchingValidator.validate(switching, in: formulary) }
            formulary.switching = switching
        }
        if let overlay {
            let local = try self.read(overlay, as: LocalOverlay.init(json:))
            formulary = try FormularyValidator.apply(local, to: formulary, file: overlay.lastPathComponent)
        }
        return (formulary, whole.value)
    }

    /// The formulary bundled with PainLadder (`Data/formulary`), plus an optional overlay.
    public static func bundled(overlay: URL? = nil) throws -> Formulary {
        try load(directory: bundledDirectory(), overlay: overlay)
    }

    /// Where the bundled `Data/formulary` folder is.
    ///
    /// SwiftPM copies `Data/` into `PainLadder_FormularyData.resources` beside the built binary.
    /// Its generated `Bundle.module` accessor calls `fatalError` when that folder is missing
    /// (an installed binary without it), so we look for it ourselves and fail with a message.
    public static func bundledDirectory() throws -> URL {
        let fm = FileManager.default
        let bundleName = "PainLadder_FormularyData.resources"
        // In order of precedence. Each is worked out only when those before it do not hold
        // the folder: Bundle, environment and URL calls cost more than the check itself, and
        // this runs on every command.
        if let env = getenv("PAINLADDER_DATA").map({ String(cString: $0) }), !env.isEmpty {
            // Named on purpose: a folder without the formulary is a mistake to report, not a
            // reason to use other data than the one asked for.
            let url = URL(fileURLWithPath: env).appendingPathComponent("formulary")
            guard fm.fileExists(atPath: url.appendingPathComponent(indexFile).path) else {
                throw PainLadderError.invalidFormulary(
                    file: env, drug: nil, field: "location",
                    problem: "PAINLADDER_DATA names a folder without formulary/\(indexFile); set it to a Data folder "
                        + "holding formulary/, or unset it to use the bundled formulary")
            }
            return url
        }
        let candidates: [() -> URL?] = [
            { Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Data/formulary") },
            {
                URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
                    .appendingPathComponent(bundleName).appendingPathComponent("Data/formulary")
            },
            {
                Bundle.main.bundleURL.deletingLastPathComponent()
                    .appendingPathComponent(bundleName).appendingPathComponent("Data/formulary")
            },
            // An installed binary: $PREFIX/bin/painladder reads $PREFIX/share/painladder/Data
            // (Scripts/install.sh).
            {
                URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
                    .deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("share/painladder/Data/formulary")
            },
            // The source tree this library was built from (a development build).
            {
                URL(fileURLWithPath: #filePath)  // Sources/FormularyData/FormularyLoader.swift
                    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("Data/formulary")
            },
        ]
        for candidate in candidates {
            if let url = candidate(), fm.fileExists(atPath: url.appendingPathComponent(indexFile).path) { return url }
        }
        throw PainLadderError.invalidFormulary(
            file: "Data/formulary", drug: nil, field: "location",
            problem: "the bundled formulary was not found; copy \(bundleName) beside the painladder binary, or set PAINLADDER_DATA to a Data folder")
    }

    /// Reads one file: strict JSON, every member the model needs, no member it does not know.
    ///
    /// Every mistake becomes ``PainLadderError/invalidFormulary(file:drug:field:problem:)``
    /// naming the file and the field: "cannot be read", "is not valid JSON: … at line L,
    /// column C", "is missing", "has the wrong type (expected Int)", "is null", "is not a
    /// known field".
    static func read<T>(_ url: URL, as body: (JSONTreeReader) throws -> T) throws -> T {
        try parse(contents(of: url), file: url.lastPathComponent, as: body)
    }

    /// A file's bytes, or "cannot be read".
    private static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw PainLadderError.invalidFormulary(file: url.lastPathComponent, drug: nil, field: "file", problem: "cannot be read")
        }
    }

    /// One file's bytes read as `body` says (see ``read(_:as:)``).
    static func parse<T>(_ data: Data, file: String, as body: (JSONTreeReader) throws -> T) throws -> T {
        let document: JSONDocument
        do {
            document = try JSONTreeParser.parse(data)
        } catch {
            throw PainLadderError.invalidFormulary(
                file: file, drug: nil, field: error.path.isEmpty ? "(top level)" : JSONPathComponent.render(error.path),
                problem: "is not valid JSON: \(error)")
        }
        let marks = ReadMarks(document)
        let value: T
        do {
            value = try body(JSONTreeReader(document, marks: marks))
        } catch let error as JSONReadError {
            throw PainLadderError.invalidFormulary(file: file, drug: nil, field: error.field, problem: error.problem)
        }
        try UnknownFields.check(document.root, marks: marks, file: file)
        return value
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
