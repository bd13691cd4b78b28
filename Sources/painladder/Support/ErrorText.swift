import ArgumentParser
import Foundation
import PainLadder

/// How the command line words every failure and the exit code it ends with: the one place
/// where the library's fields become flags and its cases become BSD sysexits codes.
///
/// 64 usage · 65 bad data or refused · 66 no such patient or database · 70 internal ·
/// 73 cannot write: disk full or read-only file system, nothing recorded · 75 busy, try again ·
/// 77 not permitted for this account (the clinic's accounts, `painladder clinic`)
/// (130, interrupted before recording, is Interrupts' own).
enum ErrorText {
    /// The flag or argument a field is given with.
    static func flag(_ field: Field) -> String {
        switch field {
        case .entry: "entry"
        case .symptom: "symptom"
        case .answer: "answer"
        case .account: "account name ($PAINLADDER_USER, else $USER)"
        case .correction: "correct"
        case .decision: "decision"
        case .switchTo: "switch"
        case .newDrug: "drug"
        case .variant: "variant"
        case .times: "times"
        case .overrideReason: "--override-reason"
        case .nextReview: "--next-review"
        case .crossTaper: "--cross-taper"
        case .timeZone: "--tz"
        case .creatinineUnit: "--creatinine-unit"
        case .addCondition: "--add-condition"
        case .removeCondition: "--remove-condition"
        case .addMedicine: "--add-medicine"
        case .removeMedicine: "--remove-medicine"
        case .patientUpdate: "patient update"
        case .clinicAccount: "account"
        case .until: "--until"
        case .maxDose: "--max-dose"
        case .stoppedMedicine: "medicine"
        case .stoppedOn: "--on"
        case .item: "item"
        case .born, .sex, .diagnosis, .name, .condition, .medicine, .weight, .creatinine, .crcl,
             .note, .impact, .from, .to, .at, .dose, .since, .score, .sleep, .mood, .severity, .impression, .resolved, .by, .reason,
             .override, .abrupt, .outcome, .sequential, .direct, .drug, .strength, .now, .replay, .confirm:
            "--\(field.rawValue)"
        }
    }

    /// The one line printed for `error` (before `Output.error` escapes it).
    static func message(_ error: Error) -> String {
        switch error {
        case let error as PainLadderError: message(error)
        case let error as BadArgument: error.message
        default: "internal error: \(error.localizedDescription)"
        }
    }

    static func message(_ error: PainLadderError) -> String {
        func shown(_ text: String) -> String { PainLadderError.shown(text) }
        return switch error {
        case let .invalidValue(field, given, allowed):
            "\(flag(field)): '\(shown(given))' is not valid; allowed: \(allowed.spelled(flag))"
        case let .conflictingValues(field, other, allowed):
            "\(flag(field)): 'with \(flag(other))' is not valid; allowed: \(allowed.spelled(flag))"
        case let .unknownPatient(id):
            "patient: no patient '\(shown(id))' in this database (see 'painladder patient list')"
        case let .duplicatePatient(id):
            "patient: '\(shown(id))' already exists; choose another id or use 'painladder patient show \(shown(id))'"
        case let .unknownEntry(id, nil):
            "entry: '\(id)' is not valid; allowed: an entry number shown by 'painladder history PATIENT'"
        case let .unknownEntry(id, patient?):
            "entry: '\(id)' is not valid; allowed: the number of one of \(patient)'s entries (see 'painladder history \(patient)')"
        case let .unknownSideEffect(id, patient):
            "\(flag(.resolved)): '\(id)' is not valid; allowed: the number of an open side-effect report of \(patient) (see 'painladder history \(patient)')"
        case let .noCourseInProgress(patient, purpose):
            "\(patient) has no medicine course in progress, so there is nothing to \(purpose) against yet; a clinician starts one with 'painladder start \(patient) DRUG'"
        case let .noCourseToDecideOn(patient):
            "\(patient) has no course to decide on (a clinician starts one with 'painladder start')"
        case let .courseStopped(drug, course):
            "\(drug) (course \(course)) is stopped; only 'refer' can be recorded on it (start a new drug with 'painladder start')"
        case let .drugNeeded(patient, inProgress):
            "\(patient) has more than one medicine in progress: \(PainLadderError.listed(inProgress)); say which with \(flag(.drug))"
        case let .notPossible(phrase):
            phrase.spelled(flag)
        case let .confirmationNeeded(reason):
            "\(reason.spelled(flag)): nothing recorded; if that is right, run the command again with \(flag(.confirm))"
        case let .databaseBusy(path):
            "database busy: another painladder command is using '\(path)'; nothing was changed, try again"
        case let .reminderRunInProgress(path):
            "database busy: another 'painladder remind' is running on '\(path)'; nothing was changed, try again"
        case let .notPermitted(account, needs):
            "not permitted: account '\(shown(account))' \(PainLadderError.lacks(needs)) (see 'painladder clinic accounts')"
        case let .hardStop(_, rule, _, _) where rule == SafetyEvaluator.renalFunctionUnknownRule:
            error.description + " (record with 'painladder patient update PATIENT --crcl N', or --weight with --creatinine and --creatinine-unit; "
                + "or start with \(flag(.override)) kidney-function-unknown and \(flag(.overrideReason)))"
        case .unknownDrug, .noDatabase, .hardStop, .invalidFormulary, .internalError, .diskFull, .readOnlyFileSystem:
            error.description
        }
    }

    static func exitCode(_ error: Error) -> Int32 {
        switch error {
        case let error as PainLadderError: exitCode(error)
        case is BadArgument: 65
        case let error as ExitCode: error.rawValue
        default: 70
        }
    }

    static func exitCode(_ error: PainLadderError) -> Int32 {
        switch error {
        case .invalidValue, .conflictingValues, .unknownDrug, .duplicatePatient, .unknownEntry, .unknownSideEffect,
             .hardStop, .invalidFormulary, .noCourseInProgress, .noCourseToDecideOn, .courseStopped, .drugNeeded,
             .notPossible, .confirmationNeeded: 65
        case .unknownPatient, .noDatabase: 66
        case .databaseBusy, .reminderRunInProgress: 75
        // EX_CANTCREAT: the record could not be written where it lives; retry once space is
        // freed or the file system is writable again.
        case .diskFull, .readOnlyFileSystem: 73
        case .internalError: 70
        case .notPermitted: 77
        }
    }

    /// An error inside JSON output (a drug ruled out on the ladder): its message and exit code.
    static let jsonEncoding: PainLadderErrorEncoding = { error, encoder in
        var c = encoder.container(keyedBy: JSONKeys.self)
        try c.encode(message(error), forKey: .message)
        try c.encode(exitCode(error), forKey: .exitCode)
    }

    enum JSONKeys: String, CodingKey { case message, exitCode }
}
