import ArgumentParser
import Foundation
import PainLadder

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", _superCommandName: "painladder",
        abstract: "Describe the pain, at the start of a course and before a review.",
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
    @OptionGroup var patient: PatientArgument
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

    /// With no answers, the questions are asked at a terminal; from a script or pipe there is
    /// no one to ask, so it is a usage error (64) rather than an empty assessment.
    func validate() throws {
        if !anyAnswer && isatty(STDIN_FILENO) != 1 {
            throw ValidationError("no answers given and no terminal to ask at: give the answers as options, e.g. --pattern constant --character burning")
        }
    }

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        var answers = self
        if !anyAnswer {
            answers = Self.ask(self)
            guard answers.anyAnswer else {
                throw PainLadderError.notPossible("assess: no question was answered, so nothing was recorded")
            }
        }
        let assessment = try answers.assessment()
        let clinic = try global.openClinic(create: false)
        let recorded = try clinic.recordAssessment(patientID: id, assessment, by: GlobalOptions.currentUser, now: now)
        try JournalText.report(recorded, zones: recorded.zones, json: global.json)
    }

    func assessment() throws -> PainAssessment {
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

    /// The questions, one at a time; an empty answer (or the end of input) skips a question,
    /// and an answer that is not one of the choices is asked again.
    static func ask(_ base: AssessCommand) -> AssessCommand {
        var a = base
        var ended = false
        func q(_ text: String, valid: (String) -> Bool = { _ in true }) -> String? {
            while !ended {
                Output.prompt("\(text) ")
                guard let line = readLine() else { ended = true; break }
                let answer = line.trimmingCharacters(in: .whitespaces)
                if answer.isEmpty { return nil }
                if valid(answer) { return answer }
                Output.prompt("Please answer with the choices shown, or press Enter to skip.\n")
            }
            return nil
        }
        func oneOf<T: RawRepresentable & CaseIterable>(_: T.Type) -> (String) -> Bool where T.RawValue == String {
            { T(rawValue: $0.lowercased()) != nil }
        }
        let yesNo: (String) -> Bool = { ["yes", "y", "no", "n", "true", "false"].contains($0.lowercased()) }
        func split(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func list(_ text: String, item: @escaping (String) -> Bool = { _ in true }) -> [String] {
            split(q(text + " (comma-separated)", valid: { split($0).allSatisfy(item) }) ?? "")
        }
        a.pattern = q("Is the pain constant, or in bursts? [constant/short-bursts/long-bursts]", valid: oneOf(PainAssessment.Pattern.self))
        a.onset = q("Did it start suddenly or build up bit by bit? [sudden/gradual]", valid: oneOf(PainAssessment.Onset.self))
        a.withNewSymptoms = q("Did it start with other new symptoms, or when old symptoms came back? [yes/no]", valid: yesNo)
        a.eases = list("What eases it? (painkillers, heat, cold, rest, sitting upright, ...)")
        a.worsens = list("What makes it worse?")
        a.happenedBefore = q("Has it happened before? [yes/no]", valid: yesNo)
        if a.happenedBefore.map({ ["yes", "y"].contains($0.lowercased()) }) == true {
            a.feltSame = q("Did it feel the same? [yes/no]", valid: yesNo)
        }
        a.stops = list("What does it stop you doing? Be concrete, e.g. '2 hours to get to sleep'")
        a.character = list("What is it like? (\(PainAssessment.Character.allCases.map(\.rawValue).joined(separator: ", ")))",
                           item: oneOf(PainAssessment.Character.self))
        if a.character.contains("sharp-facial") || a.character.contains("electric-shock") {
            a.oneSidedFacial = q("Is it on one side of the face only? [yes/no]", valid: yesNo)
        }
        return a
    }
}
