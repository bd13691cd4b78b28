import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

struct PatientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient",
        abstract: "Record patients and the facts that change dosing or rule a drug out.",
        subcommands: [Add.self, Show.self, List.self, Update.self, Tried.self, Stopped.self]
    )

    struct Add: ParsableCommand {
        // Explicit names throughout: otherwise ArgumentParser derives each with
        // String(describing:) of the type, about 2 M instructions apiece on every command.
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a patient.",
            discussion: """
            Example:
              painladder patient add P001 --born 1958-04-02 --sex female \\
                --tz Europe/London --diagnosis diabetic-peripheral-neuropathy \\
                --weight 68 --creatinine 95 --creatinine-unit umol/L
            Creatinine clearance is computed by Cockcroft–Gault from age, sex, weight and serum \
            creatinine (the unit is required: mixing µmol/L and mg/dL is an 88-fold error), unless \
            --crcl gives a measured value.
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id (letters, digits, '-', '_', '.').") var id: String
        @Option(help: "Name, for display.") var name: String?
        @Option(help: ArgumentHelp("Birth date (YYYY-MM-DD).", valueName: "date"), transform: Parse.date("--born"))
        var born: LocalDate
        @Option(help: ArgumentHelp("male or female (Cockcroft–Gault).", valueName: "sex"), completion: .words(Patient.Sex.self),
                transform: PatientInput.sex)
        var sex: Patient.Sex
        @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone, e.g. Europe/London.", valueName: "zone"),
                completion: .timeZones, transform: Parse.timeZone("--tz"))
        var timeZone: TimeZone
        @Option(help: "Diagnosis id (see 'painladder patient add --help' and the formulary's diagnoses).",
                completion: .diagnoses)
        var diagnosis: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Weight in kg, 20–400.", valueName: "kg"), transform: PatientInput.weight)
        var weight: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp("Height in cm, 100–250 (Cockcroft–Gault then uses ideal or adjusted body weight).",
                                                            valueName: "cm"), transform: PatientInput.height)
        var height: Double?
        // Read with its unit (the plausible range is the unit's), so still text here.
        @Option(parsing: .unconditional, help: ArgumentHelp("Serum creatinine value.", valueName: "value")) var creatinine: String?
        @Option(name: .customLong("creatinine-unit"), help: ArgumentHelp("umol/L or mg/dL.", valueName: "unit"),
                completion: .words(SerumCreatinine.Unit.self), transform: PatientInput.creatinineUnit)
        var creatinineUnit: SerumCreatinine.Unit?
        @Option(parsing: .unconditional, help: ArgumentHelp("Measured creatinine clearance in mL/min, 1–250 (wins over Cockcroft–Gault).",
                                                            valueName: "mL/min"),
                transform: PatientInput.crcl)
        var crcl: Double?
        @Flag(name: .customLong("hepatic-impairment")) var hepaticImpairment = false
        @Flag(help: "Frail or sensitive to sedation (selects the slow, elderly variant by default).") var frail = false
        @Flag(name: .customLong("pregnancy-potential"), help: "Could become pregnant.") var pregnancyPotential = false
        @Option(name: .customLong("condition"), help: "A condition safety rules look at (repeatable), e.g. heart-block.")
        var conditions: [String] = []
        @Option(name: .customLong("medicine"), help: "Another medicine taken (repeatable), generic or brand, e.g. tramadol, Lyrica.")
        var medicines: [String] = []

        func run() throws {
            let now = global.currentInstant()
            let formulary = try global.loadFormulary()
            let patient = try PatientInput.patient(
                id: id, name: name, born: born, sex: sex, timeZone: timeZone, diagnosis: diagnosis,
                weight: weight, height: height, creatinine: creatinine, creatinineUnit: creatinineUnit, crcl: crcl,
                hepaticImpairment: hepaticImpairment, frail: frail, pregnancyPotential: pregnancyPotential,
                conditions: conditions, medicines: medicines)
            // Checked before the database is opened: a refused patient creates no database.
            try PatientRules.check(patient, formulary: formulary, now: now)
            let clinic = try global.openClinic(create: true, formulary: formulary)
            try clinic.addPatient(patient, by: GlobalOptions.currentUser, now: now)
            if global.json {
                try Output.json(PatientDocument(patient))
            } else {
                Output.line("Added patient \(patient.id).")
                Output.line(PatientText.render(patient, today: LocalDate(now, in: patient.zone), formulary: formulary))
            }
            for unknown in clinic.unknownMedicines(patient) { Output.note(UncheckedText.note(unknown)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a patient's record.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id.", completion: .patients) var id: String

        func run() throws {
            let now = global.currentInstant()
            let clinic = try global.openClinicToRead()
            let patient = try clinic.patient(try Parse.patientID(id))
            if global.json {
                try Output.json(PatientDocument(patient))
            } else {
                Output.line(PatientText.render(patient, today: LocalDate(now, in: patient.zone), formulary: clinic.formulary,
                                               plans: try clinic.planNotices(patientID: patient.id, now: now)))
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
                try Output.json(PatientListDocument(patients))
                return
            }
            var table = Table("id", "name", "born", "diagnosis", "time zone")
            for p in patients {
                table.add(p.id, Output.shown(p.name ?? ""), p.birthDate.description, p.diagnosis, p.timeZone)
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
        @Argument(help: "The patient's id.", completion: .patients) var id: String
        @Option(name: .customLong("tz"), help: ArgumentHelp("New IANA time zone.", valueName: "zone"), completion: .timeZones,
                transform: Parse.timeZone("--tz"))
        var timeZone: TimeZone?
        @Option(parsing: .unconditional, help: ArgumentHelp("Weight in kg, 20–400.", valueName: "kg"), transform: PatientInput.weight)
        var weight: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp("Height in cm, 100–250 (Cockcroft–Gault then uses ideal or adjusted body weight).",
                                                            valueName: "cm"), transform: PatientInput.height)
        var height: Double?
        // Read with its unit (the plausible range is the unit's), so still text here.
        @Option(parsing: .unconditional, help: ArgumentHelp("Serum creatinine value (with --creatinine-unit).", valueName: "value"))
        var creatinine: String?
        @Option(name: .customLong("creatinine-unit"), help: ArgumentHelp("umol/L or mg/dL.", valueName: "unit"),
                completion: .words(SerumCreatinine.Unit.self), transform: PatientInput.creatinineUnit)
        var creatinineUnit: SerumCreatinine.Unit?
        @Option(parsing: .unconditional, help: ArgumentHelp("Measured creatinine clearance, mL/min, 1–250.", valueName: "mL/min"),
                transform: PatientInput.crcl)
        var crcl: Double?
        @Option(name: .customLong("hepatic-impairment"), help: ArgumentHelp("yes or no.", valueName: "yes/no"), completion: .yesOrNo,
                transform: Parse.yesNo("--hepatic-impairment"))
        var hepaticImpairment: Bool?
        @Option(help: ArgumentHelp("yes or no.", valueName: "yes/no"), completion: .yesOrNo, transform: Parse.yesNo("--frail"))
        var frail: Bool?
        @Option(name: .customLong("pregnancy-potential"), help: ArgumentHelp("yes or no.", valueName: "yes/no"), completion: .yesOrNo,
                transform: Parse.yesNo("--pregnancy-potential"))
        var pregnancyPotential: Bool?
        @Option(help: "New diagnosis id.", completion: .diagnoses) var diagnosis: String?
        @Option(name: .customLong("add-condition"), help: "Add a condition (repeatable).") var addConditions: [String] = []
        @Option(name: .customLong("remove-condition"), help: "Remove a condition (repeatable).") var removeConditions: [String] = []
        @Option(name: .customLong("add-medicine"), help: "Add a medicine (repeatable).") var addMedicines: [String] = []
        @Option(name: .customLong("remove-medicine"), help: "Remove a medicine (repeatable).") var removeMedicines: [String] = []
        @Option(help: ArgumentHelp("Why (kept in the audit trail).", valueName: "reason"), transform: Parse.text(.reason))
        var reason: FreeText?

        func run() throws {
            let now = global.currentInstant()
            let clinic = try global.openClinic(create: false)
            var changes = PatientChanges()
            changes.timeZone = timeZone?.identifier
            changes.weightKg = weight
            changes.heightCm = height
            if creatinine != nil || creatinineUnit != nil {
                changes.serumCreatinine = .some(try PatientInput.serumCreatinine(creatinine, unit: creatinineUnit))
            }
            changes.creatinineClearance = crcl
            changes.hepaticImpairment = hepaticImpairment
            changes.frail = frail
            changes.pregnancyPotential = pregnancyPotential
            changes.diagnosis = diagnosis
            changes.addConditions = addConditions
            changes.removeConditions = removeConditions
            changes.addMedicines = addMedicines
            changes.removeMedicines = removeMedicines
            let update = try clinic.updatePatient(try Parse.patientID(id), changes, reason: reason?.text,
                                                  by: GlobalOptions.currentUser, now: now)
            let p = update.after, old = update.before, f = clinic.formulary
            if global.json {
                try Output.json(PatientDocument(p))
            } else {
                Output.line("Updated \(p.id).")
                if p.timeZone != old.timeZone {
                    Output.line("Dose times now follow \(p.timeZone) from \(LocalDate(now, in: p.zone)); earlier entries keep their times.")
                }
                Output.line(PatientText.render(p, today: LocalDate(now, in: p.zone), formulary: f))
            }
            for stop in try clinic.newHardStopsInProgress(update, now: now) {
                Output.note("warning: \(stop.drug) is in progress and now meets a hard stop: \(stop.message) "
                            + "[rule \(stop.rule); source \(stop.sources.joined(separator: ", "))]. Decide whether to stop or switch.")
            }
            for w in try clinic.recentStopWarnings(update, now: now) {
                let ended = w.courseID.map { "course \($0) ended" } ?? "stopped"
                let when = w.daysSinceStop == 0 ? "on the day" : "\(Plural.days(w.daysSinceStop)) after"
                Output.note("warning: \(w.medicine) added \(when) \(w.drug) \(ended) "
                            + "(last dose \(w.stopDate.adding(days: -1))): \(w.wait.message) "
                            + "[rule \(w.wait.id); source \(w.wait.days.sources.joined(separator: ", ")); \(w.wait.days.status.rawValue)]. "
                            + "The wait ends on \(w.earliestStart).")
            }
            for unknown in clinic.unknownMedicines(p) where addMedicines.contains(unknown) { Output.note(UncheckedText.note(unknown)) }
        }
    }
}

extension PatientCommand {
    struct Tried: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tried",
            abstract: "Record a drug tried before PainLadder, with how it ended; the ladder counts it.",
            discussion: """
            A drug that failed before (not-effective, not-tolerated, contraindicated) is not \
            offered again, a switch to it needs --override tried-before, and it counts towards \
            the referral prompt once every drug has been tried. Recording the same drug again \
            replaces the earlier record (the audit trail keeps it).
              painladder patient tried P001 amitriptyline --outcome not-tolerated \\
                --until 2019-06 --max-dose 30 --by "Dr Rao" --reason "GP letter"
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id.", completion: .patients) var id: String
        @Argument(help: "amitriptyline, duloxetine, gabapentin or pregabalin.", completion: .drugs) var drug: String
        @Option(help: "effective, not-effective, not-tolerated, contraindicated or patient-choice.",
                completion: .words(Course.Outcome.self),
                transform: { try Parse.choice($0, field: "--outcome", as: Course.Outcome.self) })
        var outcome: Course.Outcome
        @Option(help: ArgumentHelp("The last month it was taken (YYYY-MM).", valueName: "month")) var until: String
        @Option(name: .customLong("max-dose"), parsing: .unconditional,
                help: ArgumentHelp("The highest daily dose reached, mg.", valueName: "mg"),
                transform: Parse.milligrams("--max-dose"))
        var maxDose: Int?
        @Option(help: "Who recorded it (default $PAINLADDER_USER or $USER).") var by: String?
        @Option(help: ArgumentHelp("Where the history comes from (kept in the audit trail).", valueName: "reason"),
                transform: Parse.text(.reason))
        var reason: FreeText?

        func run() throws {
            let now = global.currentInstant()
            let clinic = try global.openClinic(create: false)
            let who = try by ?? GlobalOptions.currentUser
            let treatment = PriorTreatment(drug: drug, outcome: outcome, until: until, maxDoseMg: maxDose,
                                           recordedBy: who, reason: reason?.text)
            let p = try clinic.recordPriorTreatment(try Parse.patientID(id), treatment, now: now).after
            if global.json {
                try Output.json(PatientDocument(p))
            } else {
                Output.line("Recorded for \(p.id): \(PatientText.priorLine(treatment, name: (try? clinic.formulary.drug(drug).name) ?? drug)).")
            }
        }
    }
}
