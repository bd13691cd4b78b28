import ArgumentParser
import Foundation
import PainLadder

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Patient: describe the pain, at the start of a course and before a review.",
        discussion: """
        At a terminal with no options, asks each question in turn. Scripts give the answers as options:
          painladder assess P001 --pattern constant --onset gradual --with-new-symptoms no \\
            --eases heat --eases rest --worsens walking --happened-before yes --felt-same yes \\
            --stops "2 hours to get to sleep" --character burning --character tingling
        Flags for the clinician: pain that began with new or returning symptoms (a possible \
        relapse), muscle or joint pain (not what this ladder treats), sharp one-sided facial \
        pain (possible trigeminal neuralgia).
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The patient's id.") var patient: String
    @Option(help: "constant, short-bursts or long-bursts.") var pattern: String?
    @Option(help: "sudden or gradual.") var onset: String?
    @Option(name: .customLong("with-new-symptoms"), help: "yes/no: began with other new symptoms, or old ones returning.")
    var withNewSymptoms: String?
    @Option(help: "What eases it (repeatable): painkillers, heat, cold, rest, sitting upright, ….") var eases: [String] = []
    @Option(help: "What makes it worse (repeatable).") var worsens: [String] = []
    @Option(name: .customLong("happened-before"), help: "yes/no.") var happenedBefore: String?
    @Option(name: .customLong("felt-same"), help: "yes/no: if it happened before, did it feel the same?") var feltSame: String?
    @Option(help: "What it stops you doing, concretely (repeatable), e.g. 'can sit for only 20 minutes'.") var stops: [String] = []
    @Option(help: "Its character (repeatable): \(PainAssessment.Character.allCases.map(\.rawValue).joined(separator: ", ")).")
    var character: [String] = []
    @Option(name: .customLong("one-sided-facial"), help: "yes/no: on one side of the face only.") var oneSidedFacial: String?

    var anyAnswer: Bool {
        pattern != nil || onset != nil || withNewSymptoms != nil || !eases.isEmpty || !worsens.isEmpty
            || happenedBefore != nil || feltSame != nil || !stops.isEmpty || !character.isEmpty || oneSidedFacial != nil
    }

    func run() throws {
        try guarded {
            let now = try global.currentInstant()
            let id = try Parse.patientID(patient)
            var answers = self
            if !anyAnswer {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw PainLadderError.invalidValue(field: "assess", given: "(no answers)",
                                                       allowed: "answers as options (see 'painladder assess --help'), or run it at a terminal")
                }
                answers = try Self.ask(self)
            }
            let assessment = try answers.assessment()
            let clinic = try global.openClinic(create: false)
            let recorded = try clinic.recordAssessment(patientID: id, assessment, by: GlobalOptions.currentUser, now: now)
            try JournalText.report(recorded, patient: try clinic.store.patient(id), json: global.json)
        }
    }

    func assessment() throws -> PainAssessment {
        for text in eases + worsens + stops { try Parse.text(text, field: "answer") }
        return PainAssessment(
            pattern: try pattern.map { try Parse.choice($0, field: "--pattern", as: PainAssessment.Pattern.self) },
            onset: try onset.map { try Parse.choice($0, field: "--onset", as: PainAssessment.Onset.self) },
            withNewOrReturningSymptoms: try withNewSymptoms.map { try Parse.yesNo($0, field: "--with-new-symptoms") },
            eases: eases, worsens: worsens,
            happenedBefore: try happenedBefore.map { try Parse.yesNo($0, field: "--happened-before") },
            feltTheSame: try feltSame.map { try Parse.yesNo($0, field: "--felt-same") },
            stopsDoing: stops,
            character: try character.map { try Parse.choice($0, field: "--character", as: PainAssessment.Character.self) },
            oneSidedFacial: try oneSidedFacial.map { try Parse.yesNo($0, field: "--one-sided-facial") })
    }

    /// The questions, one at a time; an empty answer skips a question.
    static func ask(_ base: AssessCommand) throws -> AssessCommand {
        var a = base
        func q(_ text: String) -> String? {
            FileHandle.standardError.write(Data("\(text) ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
            return answer.isEmpty ? nil : answer
        }
        func list(_ text: String) -> [String] {
            (q(text + " (comma-separated)") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        a.pattern = q("Is the pain constant, or in bursts? [constant/short-bursts/long-bursts]")
        a.onset = q("Did it start suddenly or build up bit by bit? [sudden/gradual]")
        a.withNewSymptoms = q("Did it start with other new symptoms, or when old symptoms came back? [yes/no]")
        a.eases = list("What eases it? (painkillers, heat, cold, rest, sitting upright, ...)")
        a.worsens = list("What makes it worse?")
        a.happenedBefore = q("Has it happened before? [yes/no]")
        if a.happenedBefore.map({ ["yes", "y"].contains($0.lowercased()) }) == true {
            a.feltSame = q("Did it feel the same? [yes/no]")
        }
        a.stops = list("What does it stop you doing? Be concrete, e.g. '2 hours to get to sleep'")
        a.character = list("What is it like? (\(PainAssessment.Character.allCases.map(\.rawValue).joined(separator: ", ")))")
        if a.character.contains("sharp-facial") || a.character.contains("electric-shock") {
            a.oneSidedFacial = q("Is it on one side of the face only? [yes/no]")
        }
        return a
    }
}
