import Foundation

/// Every failure a person can meet, phrased so that a patient or clinician can act on it.
///
/// Each case maps to one documented exit code (see ``exitCode``), so scripts and cron can
/// tell "bad data" from "no such patient" from "try again later".
public enum PainLadderError: Error, Equatable, Sendable {
    /// A value a person typed is not acceptable: names the field, what was given, what is allowed.
    case invalidValue(field: String, given: String, allowed: String)
    /// A drug the formulary does not know.
    case unknownDrug(String, known: [String])
    /// A patient id the database does not hold.
    case unknownPatient(String)
    /// A patient id that is already taken.
    case duplicatePatient(String)
    /// No database file where one was expected.
    case noDatabase(path: String, reason: String)
    /// A hard stop from the formulary: the drug must not be started for this patient.
    case hardStop(drug: String, rule: String, message: String, sources: [String])
    /// A formulary file that failed validation.
    case invalidFormulary(file: String, drug: String?, field: String, problem: String)
    /// The action needs something the patient's record does not have yet.
    case notPossible(String)
    /// The database is busy with another writer; the command changed nothing and can be retried.
    case busy(String)
    /// A failure inside PainLadder itself (a bug or a broken environment).
    case internalError(String)

    /// The documented exit code for this error (BSD sysexits).
    ///
    /// 64 usage · 65 bad data · 66 no such patient or database · 75 busy, try again · 70 internal.
    public var exitCode: Int32 {
        switch self {
        case .invalidValue, .unknownDrug, .duplicatePatient, .hardStop, .invalidFormulary, .notPossible: 65
        case .unknownPatient, .noDatabase: 66
        case .busy: 75
        case .internalError: 70
        }
    }
}

extension PainLadderError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .invalidValue(field, given, allowed):
            "\(field): '\(Self.shown(given))' is not valid; allowed: \(allowed)"
        case let .unknownDrug(name, known):
            "drug: '\(Self.shown(name))' is not in the formulary; known drugs: \(known.joined(separator: ", "))"
        case let .unknownPatient(id):
            "patient: no patient '\(Self.shown(id))' in this database (see 'painladder patient list')"
        case let .duplicatePatient(id):
            "patient: '\(Self.shown(id))' already exists; choose another id or use 'painladder patient show \(Self.shown(id))'"
        case let .noDatabase(path, reason):
            "database: cannot use '\(path)': \(reason)"
        case let .hardStop(drug, rule, message, sources):
            "\(drug) must not be started: \(message) [rule \(rule); source \(sources.joined(separator: ", "))]"
        case let .invalidFormulary(file, drug, field, problem):
            "formulary \(file): \(drug.map { "\($0): " } ?? "")\(field): \(problem)"
        case let .notPossible(message):
            message
        case let .busy(message):
            "database busy: \(message); nothing was changed, try again"
        case let .internalError(message):
            "internal error: \(message)"
        }
    }
}

extension PainLadderError {
    /// What a person typed, as an error message repeats it: a 10,000-character argument
    /// is cut to its start and its length, so the message stays one readable line.
    static func shown(_ given: String) -> String {
        given.count <= 80 ? given : "\(given.prefix(60))… (\(given.count) characters)"
    }
}

extension PainLadderError: CustomStringConvertible {
    public var description: String { errorDescription ?? "\(self)" }
}
