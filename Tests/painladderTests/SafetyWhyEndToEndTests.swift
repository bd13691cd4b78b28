import Foundation
import Testing

/// Issue 12, the "Why" bullets the earlier suites left without a run through the binary:
/// pregabalin for the 86-year-old with unknown kidney function, the missing contraindications
/// and cautions, and the review's JSON saying a recorded value re-evaluates a capped plan.
@Suite("End to end: the rest of issue 12's Why")
struct SafetyWhyEndToEndTests {
    let safety = PatientSafetyEndToEndTests()
    let now = PatientSafetyEndToEndTests.now

    // Born 1940-01-01: 86. Acknowledged without kidney function, pregabalin is planned within
    // its most cautious band (CrCl below 15: 25, 50, 75 mg once daily at 20:00, weekly, minimum 7,
    // target 50, maximum 75 [S33, S34]); the standard plan (150 mg first, minimum 3 days) is higher
    // and faster at every step, so: 25 mg from 03-02, 50 mg from 03-09 (target), 75 after review.
    // Not 600 mg/day.
    @Test func pregabalinForThe86YearOldIsCappedAt75() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try safety.add(cli, "P86", born: "1940-01-01")
        let r = try safety.start(cli, "P86", "pregabalin", ["--override", "kidney-function-unknown", "--override-reason", "bloods due Friday"])
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["kidney function unknown: plan capped within the most cautious renal band (CrCl below 15 mL/min, maximum 75 mg/day)",
                     "Maximum for this patient: 75 mg/day [S33, S34; confirmed]",
                     "  1     2026-03-02  25 mg  25 mg: 1 × 25 mg capsule at 20:00",
                     "  2     2026-03-09  50 mg  50 mg: 1 × 50 mg capsule at 20:00",
                     "  3     75 mg  75 mg: 1 × 75 mg capsule at 20:00"] {
            #expect(r.stdout.contains(line), "\(line) in \(r.stdout)")
        }
        #expect(!r.stdout.contains("600 mg"), "\(r.stdout)")
    }

    // The capped gabapentin plan of the 86-year-old, CrCl 55 recorded on 03-09: the review's JSON
    // has the re-evaluation (issue 12 item 2), as its text does.
    @Test func reviewJSONSaysTheCappedPlanIsReevaluated() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try safety.add(cli, "P86", born: "1940-01-01")
        #expect(try safety.start(cli, "P86", "gabapentin", ["--override", "kidney-function-unknown", "--override-reason", "bloods"]).status == 0)
        let before = try safety.ok(cli, ["review", "P86", "--json", "--now", "2026-03-03T09:00:00Z"])
        #expect(try object(before.stdout)["renalReevaluation"] == nil)
        try safety.ok(cli, ["patient", "update", "P86", "--crcl", "55", "--reason", "bloods", "--now", "2026-03-09T09:00:00Z"])
        let after = try safety.ok(cli, ["review", "P86", "--json", "--now", "2026-03-10T09:00:00Z"])
        let due = try #require(try object(after.stdout)["renalReevaluation"] as? [String: Any], "\(after.stdout)")
        #expect(due["creatinineClearance"] as? Double == 55)
        #expect(due["planWasCapped"] as? Bool == true)
        #expect(due["reevaluatedAt"] as? String == "next-decision")
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // Amitriptyline in the manic phase (BNF [S150]) or acute porphyria [S154, S155]: refused,
    // one line naming the rule and its source, nothing written.
    @Test func amitriptylineManicPhaseAndPorphyriaAreRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (id, condition, rule, source) in [("M1", "manic-phase", "amitriptyline-manic-phase", "S150"),
                                              ("M2", "acute-porphyria", "amitriptyline-acute-porphyria", "S154")] {
            try safety.add(cli, id, born: "1970-01-01", ["--crcl", "80", "--condition", condition])
            let before = try cli.dump()
            try safety.refused(cli, try safety.start(cli, id, "amitriptyline"), before: before,
                               naming: ["amitriptyline must not be started", "rule \(rule)", source])
        }
    }

    /// A drug, a birth date, conditions, and the cautions its start must show.
    struct CautionCase: Sendable, CustomTestStringConvertible {
        var drug: String, born: String, conditions: [String], texts: [String]
        var testDescription: String { drug }
    }

    static let cautionCases = [
        // A 70-year-old with narrow-angle glaucoma, urinary retention, epilepsy and a risk of
        // suicide starts amitriptyline with each caution shown, and the age-65 one.
        CautionCase(drug: "amitriptyline", born: "1956-01-01",
                    conditions: ["angle-closure-glaucoma", "urinary-retention", "epilepsy", "suicide-risk"],
                    texts: ["Caution with narrow-angle (angle-closure) glaucoma", "Caution with a history of urinary retention or prostatic hypertrophy",
                            "Caution with epilepsy: tricyclics lower the seizure threshold. [S152, S153; confirmed]",
                            "Dangerous in overdose: where there is a risk of suicide, prescribe limited quantities",
                            "Aged 65 or over: older people are particularly susceptible to tricyclic side effects"]),
        // Duloxetine with a history of low sodium, seizures, mania and raised eye pressure [S156].
        CautionCase(drug: "duloxetine", born: "1970-01-01",
                    conditions: ["hyponatraemia", "epilepsy", "history-of-mania", "raised-intraocular-pressure"],
                    texts: ["Hyponatraemia (often from SIADH) is reported with duloxetine", "[S156, S157; unconfirmed]",
                            "Use duloxetine with caution with a history of seizures (epilepsy). [S156; confirmed]",
                            "Use duloxetine with caution with a history of mania or hypomania, or bipolar disorder.",
                            "Duloxetine can dilate the pupil (mydriasis)"]),
    ]

    @Test(arguments: cautionCases)
    func theNewCautionsAreShownAtStart(_ c: CautionCase) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try safety.add(cli, "C1", born: c.born, ["--crcl", "80"] + c.conditions.flatMap { ["--condition", $0] })
        let r = try safety.start(cli, "C1", c.drug)
        #expect(r.status == 0, "\(r.stderr)")
        for text in c.texts { #expect(r.stdout.contains(text), "\(text) in \(r.stdout)") }
    }
}
