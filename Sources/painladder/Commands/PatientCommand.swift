import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

struct PatientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient",
        abstract: "Record patients and the facts that change dosing or rule a drug out.",
        subcommands: [Add.self, Show.self, List.self, Update.self]
    )

    struct Add: ParsableCommand {
        // Explicit names throughout: otherwise ArgumentParser derives each with
        // String(describing:) of the type, about 2 M instructions apiece on every command.
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a patient.",
            discussion: """
            Example:
              painladder patient add P001 --born 1958-04-02 --sex female --tz Europe/London \\
                --diagnosis diabetic-peripheral-neuropathy --weight 68 --creatinine 95 --creatinine-unit umol/L
            Creatinine clearance is computed by Cockcroft–Gault from age, sex, weight and serum \
            creatinine (the unit is required: mixing µmol/L and mg/dL is an 88-fold error), unless \
            --crcl gives a measured value.
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id (letters, digits, '-', '_', '.').") var id: String
        @Option(help: "Name, for display.") var name: String?
        @Option(help: ArgumentHelp("Birth date (YYYY-MM-DD).", valueName: "date")) var born: String
        @Option(help: "male or female (Cockcroft–Gault).") var sex: String
        @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone, e.g. Europe/London.", valueName: "zone"))
        var timeZone: String
        @Option(help: "Diagnosis id (see 'painladder patient add --help' and the formulary's diagnoses).")
        var diagnosis: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Weight in kg.", valueName: "kg")) var weight: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Serum creatinine value.", valueName: "value")) var creatinine: String?
        @Option(name: .customLong("creatinine-unit"), help: "umol/L or mg/dL.") var creatinineUnit: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Measured creatinine clearance in mL/min (wins over Cockcroft–Gault).", valueName: "mL/min"))
        var crcl: String?
        @Flag(name: .customLong("hepatic-impairment")) var hepaticImpairment = false
        @Flag(help: "Frail or sensitive to sedation (selects the slow, elderly variant by default).") var frail = false
        @Flag(name: .customLong("pregnancy-potential"), help: "Could become pregnant.") var pregnancyPotential = false
        @Option(name: .customLong("condition"), help: "A condition safety rules look at (repeatable), e.g. heart-block.")
        var conditions: [String] = []
        @Option(name: .customLong("medicine"), help: "Another medicine taken (repeatable), e.g. tramadol.")
        var medicines: [String] = []

        func run() throws {
            let now = global.currentInstant()
            let formulary = try global.loadFormulary()
            let patient = try PatientInput.patient(
                id: id, name: name, born: born, sex: sex, timeZone: timeZone, diagnosis: diagnosis,
                weight: weight, creatinine: creatinine, creatinineUnit: creatinineUnit, crcl: crcl,
                hepaticImpairment: hepaticImpairment, frail: frail, pregnancyPotential: pregnancyPotential,
                conditions: conditions, medicines: medicines)
            // Checked before the database is opened: a refused patient creates no database.
            try PatientRules.check(patient, formulary: formulary, now: now)
            let clinic = try global.openClinic(create: true, formulary: formulary)
            try clinic.addPatient(patient, by: GlobalOptions.currentUser, now: now)
            if global.json {
                try Output.json(patient)
            } else {
                Output.line("Added patient \(patient.id).")
                Output.line(PatientText.render(patient, today: LocalDate(now, in: patient.zone), formulary: formulary))
            }
            for unknown in clinic.unknownMedicines(patient) {
                Output.note("note: '\(unknown)' is not in the formulary's medicine list; no interaction rule will match it.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a patient's record.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id.") var id: String

        func run() throws {
            let now = global.currentInstant()
            let clinic = try global.openClinicToRead()
            let patient = try clinic.patient(try Parse.patientID(id))
            if global.json {
                try Output.json(patient)
            } else {
                Output.line(PatientText.render(patient, today: LocalDate(now, in: patient.zone), formulary: clinic.formulary))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List patients.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let clinic = try global.openClinicToRead()
            let patients = try clinic.patients()
            if global.json {
                try Output.json(patients)
                return
            }
            var table = Table("id", "name", "born", "diagnosis", "time zone")
            for p in patients {
                table.add(p.id, p.name ?? "", p.birthDate.description, p.diagnosis, p.timeZone)
            }
            Output.line(patients.isEmpty ? "No patients yet (painladder patient add …)." : table.render())
        }
    }
}

extension PatientCommand {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a patient's record; the previous values are kept in the audit trail.",
            discussion: """
            A move to another time zone applies from today: dose times stay at the same local \
            wall-clock times in the new zone from today on, and past entries keep their instants.
              painladder patient update P001 --tz America/New_York --reason "moved"
              painladder patient update P001 --crcl 42 --reason "new blood test"
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id.") var id: String
        @Option(name: .customLong("tz"), help: ArgumentHelp("New IANA time zone.", valueName: "zone")) var timeZone: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Weight in kg.", valueName: "kg")) var weight: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Serum creatinine value (with --creatinine-unit).", valueName: "value")) var creatinine: String?
        @Option(name: .customLong("creatinine-unit"), help: "umol/L or mg/dL.") var creatinineUnit: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Measured creatinine clearance, mL/min.", valueName: "mL/min")) var crcl: String?
        @Option(name: .customLong("hepatic-impairment"), help: "yes or no.") var hepaticImpairment: String?
        @Option(help: "yes or no.") var frail: String?
        @Option(name: .customLong("pregnancy-potential"), help: "yes or no.") var pregnancyPotential: String?
        @Option(help: "New diagnosis id.") var diagnosis: String?
        @Option(name: .customLong("add-condition"), help: "Add a condition (repeatable).") var addConditions: [String] = []
        @Option(name: .customLong("remove-condition"), help: "Remove a condition (repeatable).") var removeConditions: [String] = []
        @Option(name: .customLong("add-medicine"), help: "Add a medicine (repeatable).") var addMedicines: [String] = []
        @Option(name: .customLong("remove-medicine"), help: "Remove a medicine (repeatable).") var removeMedicines: [String] = []
        @Option(help: "Why (kept in the audit trail).") var reason: String?

        func run() throws {
            let now = global.currentInstant()
            let clinic = try global.openClinic(create: false)
            var changes = PatientChanges()
            if let timeZone { changes.timeZone = try Parse.timeZone(timeZone, field: "--tz").identifier }
            if let weight { changes.weightKg = try Parse.number(weight, field: "--weight", range: 20...400, unit: "kg") }
            if creatinine != nil || creatinineUnit != nil {
                changes.serumCreatinine = .some(try PatientInput.serumCreatinine(creatinine, unit: creatinineUnit))
            }
            if let crcl { changes.creatinineClearance = try Parse.number(crcl, field: "--crcl", range: 1...250, unit: "mL/min") }
            if let v = hepaticImpairment { changes.hepaticImpairment = try Parse.yesNo(v, field: "--hepatic-impairment") }
            if let v = frail { changes.frail = try Parse.yesNo(v, field: "--frail") }
            if let v = pregnancyPotential { changes.pregnancyPotential = try Parse.yesNo(v, field: "--pregnancy-potential") }
            changes.diagnosis = diagnosis
            changes.addConditions = addConditions
            changes.removeConditions = removeConditions
            changes.addMedicines = addMedicines
            changes.removeMedicines = removeMedicines
            if let reason { try Parse.text(reason, field: "--reason") }
            let update = try clinic.updatePatient(try Parse.patientID(id), changes, reason: reason,
                                                  by: GlobalOptions.currentUser, now: now)
            let p = update.after, old = update.before, f = clinic.formulary
            if global.json {
                try Output.json(p)
            } else {
                Output.line("Updated \(p.id).")
                if p.timeZone != old.timeZone {
                    Output.line("Dose times now follow \(p.timeZone) from \(LocalDate(now, in: p.zone)); earlier entries keep their times.")
                }
                Output.line(PatientText.render(p, today: LocalDate(now, in: p.zone), formulary: f))
            }
        }
    }
}

/// Parses each patient field and builds the record, or names the first bad field (the
/// record's clinical checks are ``PatientRules``).
enum PatientInput {
    static func patient(id: String, name: String?, born: String, sex: String, timeZone: String, diagnosis: String,
                        weight: String?, creatinine: String?, creatinineUnit: String?, crcl: String?,
                        hepaticImpairment: Bool, frail: Bool, pregnancyPotential: Bool,
                        conditions: [String], medicines: [String]) throws -> Patient {
        let id = try Parse.patientID(id)
        let birth = try Parse.date(born, field: "--born")
        let zone = try Parse.timeZone(timeZone, field: "--tz")
        guard let sexValue = Patient.Sex(rawValue: sex.lowercased()) else {
            throw BadArgument(field: "--sex", given: sex, allowed: "male or female")
        }
        let weightKg = try weight.map { try Parse.number($0, field: "--weight", range: 20...400, unit: "kg") }
        let serum = try serumCreatinine(creatinine, unit: creatinineUnit)
        let crclValue = try crcl.map { try Parse.number($0, field: "--crcl", range: 1...250, unit: "mL/min") }
        return Patient(id: id, name: name, birthDate: birth, sex: sexValue, timeZone: zone.identifier,
                       weightKg: weightKg, serumCreatinine: serum, creatinineClearance: crclValue,
                       hepaticImpairment: hepaticImpairment, frail: frail, pregnancyPotential: pregnancyPotential,
                       diagnosis: diagnosis, conditions: conditions, medicines: medicines.map { $0.lowercased() })
    }

    /// Serum creatinine from `--creatinine` and `--creatinine-unit`: both or neither, the
    /// unit explicit (mixing µmol/L and mg/dL is an 88-fold error), the value plausible for it.
    static func serumCreatinine(_ value: String?, unit: String?) throws -> SerumCreatinine? {
        switch (value, unit) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw BadArgument(field: "--creatinine-unit", given: "(missing)",
                                               allowed: "umol/L or mg/dL (the unit must be explicit)")
        case (nil, let unit?):
            throw BadArgument(field: "--creatinine", given: "(missing)",
                                               allowed: "a serum creatinine value to go with --creatinine-unit \(unit)")
        case let (value?, unit?):
            let spelled: [String: SerumCreatinine.Unit] = ["umol/l": .micromolPerLitre, "µmol/l": .micromolPerLitre,
                                                          "mg/dl": .milligramsPerDecilitre]
            guard let u = SerumCreatinine.Unit(rawValue: unit) ?? spelled[unit.lowercased()] else {
                throw BadArgument(field: "--creatinine-unit", given: unit, allowed: "umol/L or mg/dL")
            }
            let range: ClosedRange<Double> = u == .micromolPerLitre ? 10...2000 : 0.1...25
            return SerumCreatinine(value: try Parse.number(value, field: "--creatinine", range: range, unit: u.rawValue), unit: u)
        }
    }
}
