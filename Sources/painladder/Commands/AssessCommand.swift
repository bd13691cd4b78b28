import ArgumentParser
import Foundation
import PainLadder

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", _superCommandName: "painladder",
        abstract: "Describe the pain, at the start of a course and before a review.",
        discussion: """
        At a terminal with no options, asks each question in turn. Scripts give the \
        answers as options:
          painladder assess P001 --pattern constant --onset gradual \\
            --with-new-symptoms no --eases heat --eases rest --worsens walking \\
            --happened-before yes --felt-same yes \\
            --stops "2 hours to get to sleep" --character burning --character tingling

        Flags for the clinician: pain that began with new or returning symptoms (a possible \
        relapse), muscle or joint pain (not what this ladder treats), sharp one-sided facial \
        pain (possible trigeminal neuralgia).
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(help: ArgumentHelp("constant, short-bursts or long-bursts.", valueName: "pattern"),
            completion: .words(PainAssessment.Pattern.self),
            transform: Parse.choice("--pattern", as: PainAssessment.Pattern.self))
    var pattern: PainAssessment.Pattern?
    @Option(help: ArgumentHelp("sudden or gradual.", valueName: "onset"),
            completion: .words(PainAssessment.Onset.self),
            transform: Parse.choice("--onset", as: PainAssessment.Onset.self))
    var onset: PainAssessment.Onset?
    @Option(name: .customLong("with-new-symptoms"),
            help: ArgumentHelp("yes/no: began with other new symptoms, or old ones returning.", valueName: "yes/no"),
            completion: .yesOrNo, transform: Parse.yesNo("--with-new-symptoms"))
    var withNewSymptoms: Bool?
    @Option(help: ArgumentHelp("What eases it (repeatable): painkillers, heat, cold, rest, sitting upright, ….", valueName: "text"),
            transform: Parse.text(.answer))
    var eases: [FreeText] = []
    @Option(help: ArgumentHelp("What makes it worse (repeatable).", valueName: "text"), transform: Parse.text(.answer))
    var worsens: [FreeText] = []
    @Option(name: .customLong("happened-before"), help: ArgumentHelp("yes/no.", valueName: "yes/no"),
            completion: .yesOrNo, transform: Parse.yesNo("--happened-before"))
    var happenedBefore: Bool?
    @Option(name: .customLong("felt-same"), help: ArgumentHelp("yes/no: if it happened before, did it feel the same?", valueName: "yes/no"),
            completion: .yesOrNo, transform: Parse.yesNo("--felt-same"))
    var feltSame: Bool?
    @Option(help: ArgumentHelp("What it stops you doing, concretely (repeatable), e.g. 'can sit for only 20 minutes'.", valueName: "text"),
            transform: Parse.text(.answer))
    var stops: [FreeText] = []
    @Option(help: ArgumentHelp("Its character (repeatable): \(PainAssessment.Character.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "character"),
            completion: .words(PainAssessment.Character.self),
            transform: Parse.choice("--character", as: PainAssessment.Character.self))
    var character: [PainAssessment.Character] = []
    @Option(name: .customLong("one-sided-facial"), help: ArgumentHelp("yes/no: on one side of the face only.", valueName: "yes/no"),
            completion: .yesOrNo, transform: Parse.yesNo("--one-sided-facial"))
    var oneSidedFacial: Bool?

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
            answers = try Self.ask(self)
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
        PainAssessment(
            pattern: pattern, onset: onset, withNewOrReturningSymptoms: withNewSymptoms,
            eases: eases.map(\.text), worsens: worsens.map(\.text),
            happenedBefore: happenedBefore, feltTheSame: feltSame,
            stopsDoing: stops.map(\.text), character: character, oneSidedFacial: oneSidedFacial)
    }

    /// The questions, one at a time; an empty answer (or the end of input) skips a question,
    /// and an answer that is not one of the choices is asked again. A free-text answer that is
    /// too long is refused once every question has been asked, as one given as an option is.
    static func ask(_ base: AssessCommand) throws -> AssessCommand {
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
        func word<T: RawRepresentable & CaseIterable>(_ text: String, _: T.Type) -> T? where T.RawValue == String {
            q(text, valid: oneOf(T.self)).flatMap { T(rawValue: $0.lowercased()) }
        }
        let yesNo: (String) -> Bool = { (try? Parse.yesNo($0, field: "")) != nil }
        func yesOrNo(_ text: String) -> Bool? {
            q(text, valid: yesNo).flatMap { try? Parse.yesNo($0, field: "") }
        }
        func split(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func list(_ text: String, item: @escaping (String) -> Bool = { _ in true }) -> [String] {
            split(q(text + " (comma-separated)", valid: { split($0).allSatisfy(item) }) ?? "")
        }
        a.pattern = word("Is the pain constant, or in bursts? [constant/short-bursts/long-bursts]", PainAssessment.Pattern.self)
        a.onset = word("Did it start suddenly or build up bit by bit? [sudden/gradual]", PainAssessment.Onset.self)
        a.withNewSymptoms = yesOrNo("Did it start with other new symptoms, or when old symptoms came back? [yes/no]")
        let eases = list("What eases it? (painkillers, heat, cold, rest, sitting upright, ...)")
        let worsens = list("What makes it worse?")
        a.happenedBefore = yesOrNo("Has it happened before? [yes/no]")
        if a.happenedBefore == true {
            a.feltSame = yesOrNo("Did it feel the same? [yes/no]")
        }
        let stops = list("What does it stop you doing? Be concrete, e.g. '2 hours to get to sleep'")
        a.character = list("What is it like? (\(PainAssessment.Character.allCases.map(\.rawValue).joined(separator: ", ")))",
                           item: oneOf(PainAssessment.Character.self)).compactMap { PainAssessment.Character(rawValue: $0.lowercased()) }
        if a.character.contains(.sharpFacial) || a.character.contains(.electricShock) {
            a.oneSidedFacial = yesOrNo("Is it on one side of the face only? [yes/no]")
        }
        let answer = Parse.text(.answer)
        a.eases = try eases.map(answer)
        a.worsens = try worsens.map(answer)
        a.stops = try stops.map(answer)
        return a
    }
}
