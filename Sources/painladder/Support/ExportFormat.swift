import ArgumentParser

/// What `export` writes. Its cases and their descriptions are the values `export --help` lists.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case ics, csv, json, fhir

    var defaultValueDescription: String {
        switch self {
        case .ics: "the schedule, for a calendar app (RFC 5545)"
        case .csv: "every journal entry, for the doctor or a spreadsheet"
        case .json: "the patient, every course and plan version, and the journal"
        case .fhir: "the record as one FHIR R4 Bundle (docs/FHIR.md)"
        }
    }

    /// The words as a refused value's message lists them: "ics, csv, json or fhir".
    static let allowed = "ics, csv, json or fhir"
}
