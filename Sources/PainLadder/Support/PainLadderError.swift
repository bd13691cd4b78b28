import Foundation

/// Every failure a person can meet, as structured cases an interface can branch on and word
/// for its readers: the command line spells each ``Field`` as its flag and maps each case to
/// its exit code; a web page could show a form label and a status instead.
public enum PainLadderError: Error, Equatable, Sendable {
    /// A value a person gave is not acceptable: names the field, what was given, what is allowed.
    case invalidValue(field: Field, given: String, allowed: Phrase)
    /// A value that may not be given together with another (`field` with `other`).
    case conflictingValues(field: Field, with: Field, allowed: Phrase)
    /// A drug the formulary does not know.
    case unknownDrug(String, known: [String])
    /// A patient id the database does not hold.
    case unknownPatient(String)
    /// A patient id that is already taken.
    case duplicatePatient(String)
    /// A journal entry number that is not one of the patient's entries (`patient` when known).
    case unknownEntry(Int64, patient: String?)
    /// A side-effect report to resolve that is not one of the patient's open reports.
    case unknownSideEffect(Int64, patient: String)
    /// No database file where one was expected.
    case noDatabase(path: String, reason: String)
    /// A hard stop from the formulary: the drug must not be started for this patient.
    case hardStop(drug: String, rule: String, message: String, sources: [String])
    /// A formulary file that failed validation.
    case invalidFormulary(file: String, drug: String?, field: String, problem: String)
    /// The patient has no medicine course in progress, so there is nothing to `purpose` against.
    case noCourseInProgress(patient: String, purpose: String)
    /// The patient has no course at all, so there is nothing to decide on.
    case noCourseToDecideOn(patient: String)
    /// The course is stopped; only a referral can be recorded on it.
    case courseStopped(drug: String, course: Int64)
    /// More than one medicine is in progress (a switch), so the drug must be named.
    case drugNeeded(patient: String, inProgress: [Course])
    /// The action needs something the patient's record does not have yet.
    case notPossible(Phrase)
    /// The value is allowed but unusual enough (a dose above the maximum, the phrase says
    /// why) that the person must confirm it; nothing was recorded.
    case confirmationNeeded(Phrase)
    /// Another writer holds the database; the command changed nothing and can be retried.
    case databaseBusy(path: String)
    /// Another reminder run holds the run lock of this database; nothing was changed.
    case reminderRunInProgress(path: String)
    /// The disk holding the database is full: the change was not written (nothing recorded).
    case diskFull(path: String)
    /// The database is on a file system mounted read-only: reading works, writing cannot.
    case readOnlyFileSystem(path: String)
    /// The clinic's accounts do not let `account` do this (see ``Permission``).
    case notPermitted(account: String, needs: Permission)
    /// A failure inside PainLadder itself (a bug or a broken environment).
    case internalError(String)

    /// Whether the database was busy (another writer or reminder run): retrying may succeed.
    public var isBusy: Bool {
        switch self {
        case .databaseBusy, .reminderRunInProgress: true
        default: false
        }
    }
}

extension PainLadderError: LocalizedError {
    /// The message with fields in their domain names; an interface words errors itself.
    public var errorDescription: String? {
        switch self {
        case let .invalidValue(field, given, allowed):
            "\(field.rawValue): '\(Self.shown(given))' is not valid; allowed: \(allowed)"
        case let .conflictingValues(field, other, allowed):
            "\(field.rawValue): 'with \(other.rawValue)' is not valid; allowed: \(allowed)"
        case let .unknownDrug(name, known):
            "drug: '\(Self.shown(name))' is not in the formulary; known drugs: \(known.joined(separator: ", "))"
        case let .unknownPatient(id):
            "patient: no patient '\(Self.shown(id))' in this database"
        case let .duplicatePatient(id):
            "patient: '\(Self.shown(id))' already exists"
        case let .unknownEntry(id, patient):
            "entry: '\(id)' is not \(patient.map { "one of \($0)'s entries" } ?? "an entry number")"
        case let .unknownSideEffect(id, patient):
            "resolved: '\(id)' is not an open side-effect report of \(patient)"
        case let .noDatabase(path, reason):
            "database: cannot use '\(path)': \(reason)"
        case let .hardStop(drug, rule, message, sources):
            "\(drug) must not be started: \(message) [rule \(rule); source \(sources.joined(separator: ", "))]"
        case let .invalidFormulary(file, drug, field, problem):
            "formulary \(file): \(drug.map { "\($0): " } ?? "")\(field): \(problem)"
        case let .noCourseInProgress(patient, purpose):
            "\(patient) has no medicine course in progress, so there is nothing to \(purpose) against yet"
        case let .noCourseToDecideOn(patient):
            "\(patient) has no course to decide on"
        case let .courseStopped(drug, course):
            "\(drug) (course \(course)) is stopped; only 'refer' can be recorded on it"
        case let .drugNeeded(patient, inProgress):
            "\(patient) has more than one medicine in progress: \(Self.listed(inProgress)); say which drug"
        case let .notPossible(message):
            message.description
        case let .confirmationNeeded(reason):
            "\(reason): nothing recorded; confirm to record it"
        case let .databaseBusy(path):
            "database busy: another writer is using '\(path)'; nothing was changed, try again"
        case let .reminderRunInProgress(path):
            "database busy: another reminder run is using '\(path)'; nothing was changed, try again"
        case let .diskFull(path):
            "disk is full; nothing was recorded (the disk holding '\(path)' has no space left)"
        case let .readOnlyFileSystem(path):
            "read-only file system: '\(path)' is on a file system mounted read-only; nothing was recorded (reading still works)"
        case let .notPermitted(account, needs):
            "not permitted: account '\(Self.shown(account))' \(Self.lacks(needs))"
        case let .internalError(message):
            "internal error: \(message)"
        }
    }
}

extension PainLadderError {
    /// What a person typed, as an error message repeats it: a 10,000-character argument
    /// is cut to its start and its length, so the message stays one readable line.
    public static func shown(_ given: String) -> String {
        given.count <= 80 ? given : "\(given.prefix(60))… (\(given.count) characters)"
    }

    /// What an account refused lacks: "is not a clinician account", "is not linked to P001".
    public static func lacks(_ needs: Permission) -> String {
        switch needs {
        case .clinician: "is not one of this clinic's clinician accounts"
        case let .patient(id): "is not linked to patient '\(shown(id))'"
        case .accountSettings: "may not change this clinic's accounts (only a clinician account may)"
        }
    }

    /// Courses in progress as a message lists them: "pregabalin (tapering), duloxetine (titrating)".
    public static func listed(_ courses: [Course]) -> String {
        courses.map { "\($0.drug) (\($0.status.rawValue))" }.joined(separator: ", ")
    }
}

extension PainLadderError: CustomStringConvertible {
    public var description: String { errorDescription ?? "\(self)" }
}
