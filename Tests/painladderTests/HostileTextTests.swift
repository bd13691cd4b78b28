import Foundation
import Testing

/// One free-text field and how a command line gives it: `args` with `HOSTILE` where the text goes,
/// or the account name (`$PAINLADDER_USER`) when `account` is set.
struct HostileField: Sendable {
    var args: [String]
    /// What the one stderr line must name (the flag, the argument or the account setting).
    var mentions: String
    var account = false

    func arguments(_ text: String) -> [String] { args.map { $0 == "HOSTILE" ? text : $0 } }
}

/// One free-text field and one hostile text: the table's row.
struct HostileCase: Sendable, CustomTestStringConvertible {
    var field: HostileField
    var payload: String
    var payloadName: String
    var testDescription: String { "\(field.args.prefix(2).joined(separator: " ")) \(field.mentions) ← \(payloadName)" }
}

/// Issue 14, Why 3: text that would drive a terminal or forge a line. Every free-text field
/// and the account name refuse each of these with one line (the character escaped in it),
/// exit 65, nothing on stdout and an unchanged logical dump.
@Suite("Reliability: hostile text")
struct HostileTextTests {
    static let payloads: [(name: String, text: String)] = [
        ("ESC title and BEL", "Ann\u{1B}]0;pwned\u{07}"),
        ("ESC erase line", "ok\u{1B}[2K\u{1B}[1Gforged"),
        ("newline forging a history line", "Dr Rao\n2026-03-19 22:05  v1  #7 taken 75 mg"),
        ("carriage return", "fine\rforged"),
        ("tab", "a\tb"),
        ("DEL", "a\u{7F}b"),
        ("C1 CSI U+009B", "a\u{9B}2Kb"),
        ("bidi override U+202E", "a\u{202E}gm 57"),
        ("bidi isolate U+2066", "a\u{2066}b\u{2069}"),
        ("left-to-right mark U+200E", "a\u{200E}b"),
        ("Arabic letter mark U+061C", "a\u{061C}b"),
        ("zero-width space U+200B", "a\u{200B}b"),
        ("zero-width joiner U+200D", "a\u{200D}b"),
        ("word joiner U+2060", "a\u{2060}b"),
        ("BOM U+FEFF", "\u{FEFF}abc"),
        ("line separator U+2028", "a\u{2028}b"),
        // 128 KiB less one byte: the most one argument may carry (Linux MAX_ARG_STRLEN counts the NUL).
        ("128 KiB", Reliability.long(128 * 1024 - 1)),
    ]

    static let addP002 = ["patient", "add", "P002", "--born", "1970-01-01", "--sex", "male", "--tz", "Europe/London",
                          "--diagnosis", "post-herpetic-neuralgia"]

    /// Every free-text field a command stores, and the account name.
    static let fields: [HostileField] = [
        HostileField(args: addP002 + ["--name", "HOSTILE"], mentions: "--name"),
        HostileField(args: addP002 + ["--medicine", "HOSTILE"], mentions: "--medicine"),
        HostileField(args: addP002 + ["--condition", "HOSTILE"], mentions: "--condition"),
        HostileField(args: ["patient", "update", "P001", "--add-medicine", "HOSTILE"], mentions: "--add-medicine"),
        HostileField(args: ["patient", "update", "P001", "--add-condition", "HOSTILE"], mentions: "--add-condition"),
        HostileField(args: ["patient", "update", "P001", "--weight", "71", "--reason", "HOSTILE"], mentions: "--reason"),
        HostileField(args: ["start", "P001", "duloxetine", "--by", "HOSTILE"], mentions: "--by"),
        HostileField(args: ["take", "P001", "--note", "HOSTILE"], mentions: "--note"),
        HostileField(args: ["skip", "P001", "--reason", "HOSTILE"], mentions: "--reason"),
        HostileField(args: ["side-effect", "P001", "HOSTILE", "--severity", "mild"], mentions: "symptom"),
        HostileField(args: ["side-effect", "P001", "dizziness", "--severity", "mild", "--note", "HOSTILE"], mentions: "--note"),
        HostileField(args: ["pain", "P001", "5", "--impact", "HOSTILE"], mentions: "--impact"),
        HostileField(args: ["assess", "P001", "--eases", "HOSTILE"], mentions: "answer"),
        HostileField(args: ["assess", "P001", "--worsens", "HOSTILE"], mentions: "answer"),
        HostileField(args: ["assess", "P001", "--stops", "HOSTILE"], mentions: "answer"),
        HostileField(args: ["correct", "P001", "2", "--score", "5", "--reason", "HOSTILE"], mentions: "--reason"),
        HostileField(args: ["undo", "P001", "1", "--reason", "HOSTILE"], mentions: "--reason"),
        HostileField(args: ["decide", "P001", "continue", "--by", "HOSTILE", "--reason", "fine"], mentions: "--by"),
        HostileField(args: ["decide", "P001", "continue", "--by", "Dr Rao", "--reason", "HOSTILE"], mentions: "--reason"),
        HostileField(args: ["decide", "P001", "increase", "--by", "Dr Rao", "--reason", "pain", "--override", "minimum-interval",
                            "--override-reason", "HOSTILE"], mentions: "--override-reason"),
        HostileField(args: ["take", "P001"], mentions: "PAINLADDER_USER", account: true),
        HostileField(args: ["pain", "P001", "5"], mentions: "PAINLADDER_USER", account: true),
        HostileField(args: addP002, mentions: "PAINLADDER_USER", account: true),
    ]

    static let cases: [HostileCase] = fields.flatMap { field in
        payloads.map { HostileCase(field: field, payload: $0.text, payloadName: $0.name) }
    }

    @Test(arguments: cases)
    func hostileTextIsRefusedWithOneLineAndChangesNothing(_ c: HostileCase) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        // An environment string has the same limit as an argument, its name included.
        let account = c.payload.count > 1000 ? String(c.payload.dropLast(64)) : c.payload
        let r = c.field.account
            ? try cli.run(c.field.args + ["--now", Reliability.now], environment: ["PAINLADDER_USER": account])
            : try cli.run(c.field.arguments(c.payload) + ["--now", Reliability.now])
        #expect(r.status == 65, "exit \(r.status): \(r.stderr.prefix(300))")
        #expect(r.errorLines.count == 1, "one line: \(r.stderr.prefix(600))")
        #expect(r.stderr.contains(c.field.mentions), "should name \(c.field.mentions): \(r.stderr.prefix(300))")
        #expect(r.stderr.count < 600, "a clear line, not an echo: \(r.stderr.count) characters")
        #expect(!r.stderr.dropLast().unicodeScalars.contains { Self.isHidden($0) }, "escaped: \(r.stderr.debugDescription.prefix(300))")
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout.prefix(200))")
        #expect(try cli.dump() == before, "the database must be unchanged")
    }

    /// The table's size, for the reliability figures: every field against every payload.
    @Test func theTableCoversEveryFieldAndPayload() {
        #expect(Self.cases.count == Self.fields.count * Self.payloads.count)
        #expect(Self.fields.count == 23 && Self.payloads.count == 17)
    }

    /// The same text without the hostile character is stored: the check refuses the
    /// characters, not the words (quotes, accents, emoji, other scripts stay as typed).
    @Test func ordinaryTextIsStillStored() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        for text in ["Zoë O'Brien-Nguyễn", "痛み 🙂 👍🏽", "\"quoted\"; and = + - @"] {
            let r = try cli.run(["pain", "P001", "4", "--impact", text, "--now", Reliability.now])
            #expect(r.status == 0, "\(text): \(r.stderr)")
        }
    }

    /// A character a terminal would act on or hide: control, bidi, zero-width.
    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
