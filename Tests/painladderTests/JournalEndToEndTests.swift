import Foundation
import Testing

/// The patient's journal through the built binary, as a patient or carer would use it.
///
/// Hand-worked plan used throughout (amitriptyline, standard titration, from the reference
/// [S13]): 10 mg at 22:00 from Mon 2026-03-02, 20 mg from 03-09, 30 mg from 03-16, 40 mg from
/// 03-23, 50 mg from 03-30; maximum 75 mg/day [S17]. Europe/London is on GMT (UTC+0) until
/// British Summer Time starts at 01:00 UTC on Sun 2026-03-29 (then UTC+1), so before that day a
/// 22:00 slot is 22:00Z and from it on 21:00Z.
@Suite("End to end: the patient's journal")
struct JournalEndToEndTests {
    /// A patient with an amitriptyline course from 2026-03-02 (unless `drug` is nil).
    static func patient(_ cli: CLI, id: String = "P001", tz: String = "Europe/London", drug: String? = "amitriptyline",
                        on: String = "2026-03-02", times: String? = nil) throws {
        let add = try cli.run(["patient", "add", id, "--born", "1960-05-01", "--sex", "female", "--tz", tz,
                               "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70",
                               "--creatinine", "80", "--creatinine-unit", "umol/L", "--now", "2026-03-01T09:00:00Z"])
        #expect(add.status == 0, "\(add.stderr)")
        guard let drug else { return }
        let start = try cli.run(["start", id, drug, "--on", on, "--by", "Dr Rao", "--now", "2026-03-01T09:00:00Z"]
                                + (times.map { ["--times", $0] } ?? []))
        #expect(start.status == 0, "\(start.stderr)")
    }

    /// Runs a command that must succeed and returns its stdout.
    @discardableResult
    static func ok(_ cli: CLI, _ args: [String]) throws -> String {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")) failed: \(r.stderr)")
        return r.stdout
    }

    static func json(_ cli: CLI, _ args: [String]) throws -> [String: Any] {
        let out = try ok(cli, args + ["--json"])
        return (try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]) ?? [:]
    }

    /// The items of `history PATIENT --json`.
    static func historyItems(_ cli: CLI, _ patient: String) throws -> [[String: Any]] {
        try json(cli, ["history", patient])["items"] as? [[String: Any]] ?? []
    }

    /// The single entry a recording command wrote (from its --json output).
    static func entry(_ cli: CLI, _ args: [String]) throws -> [String: Any] {
        let recorded = try json(cli, args)
        let entries = recorded["entries"] as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        return entries.first ?? [:]
    }

    static func dose(_ e: [String: Any]) -> [String: Any] { e["dose"] as? [String: Any] ?? [:] }
    static func slot(_ e: [String: Any]) -> String? {
        (dose(e)["slot"] as? [String: Any]).map { "\($0["date"] ?? "") \($0["time"] ?? "")" }
    }
    static func flagKinds(_ e: [String: Any]) -> [String] {
        (e["flags"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    // MARK: - today

    @Test func todaySaysWhatToTakeInPlainWordsAndWhatIsRecorded() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        // Sun 03-08, day 7: the last day at 10 mg; 20 mg starts tomorrow.
        let sunday = try Self.ok(cli, ["today", "P001", "--now", "2026-03-08T12:00:00Z"])
        #expect(sunday.contains("day 7 of the course"))
        #expect(sunday.contains("10 mg: 1 × 10 mg tablet at 22:00"))
        #expect(sunday.contains("The dose changes tomorrow: 20 mg: 2 × 10 mg tablets at 22:00."))
        // Mon 03-09: the change happens today.
        let monday = try Self.ok(cli, ["today", "P001", "--now", "2026-03-09T12:00:00Z"])
        #expect(monday.contains("20 mg: 2 × 10 mg tablets at 22:00"))
        #expect(monday.contains("The dose changes today: 20 mg a day from today (up to yesterday: 10 mg a day)."))
        #expect(!monday.contains("taken"))
        // Recorded at 22:05, shown as taken with its entry number.
        let taken = try Self.entry(cli, ["take", "P001", "--now", "2026-03-09T22:05:00Z"])
        let id = taken["entryID"] as? Int ?? 0
        let evening = try Self.ok(cli, ["today", "P001", "--now", "2026-03-09T23:00:00Z"])
        #expect(evening.contains("20 mg: 2 × 10 mg tablets at 22:00  ✓ taken at 22:05  #\(id)"))
        let today = try Self.json(cli, ["today", "P001", "--now", "2026-03-09T23:00:00Z"])
        let items = (today["day"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(items.count == 1)
        #expect(items.first?["state"] as? String == "taken")
        #expect(items.first?["entryID"] as? Int == id)
        // Next day, nothing recorded yet: the 22:00 dose is upcoming at noon.
        let tuesday = try Self.ok(cli, ["today", "P001", "--now", "2026-03-10T12:00:00Z"])
        #expect(!tuesday.contains("✓"))
        #expect(!tuesday.contains("The dose changes"))
    }

    @Test func todayBeforeTheCourseStartsAndWithNoCourse() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        let before = try Self.ok(cli, ["today", "P001", "--now", "2026-03-01T12:00:00Z"])
        #expect(before.contains("Nothing to take today: the course starts on 2026-03-02 (in 1 day)."))
        #expect(!before.contains("day 0"))
        try Self.patient(cli, id: "P002", drug: nil)
        let none = try cli.run(["today", "P002", "--now", "2026-03-05T12:00:00Z"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("P002 has no medicine course in progress"))
        #expect(none.stderr.contains("painladder start P002"))
    }

    // MARK: - take and skip

    @Test func takeFindsTheSlotLateBackDatedAfterMidnightAndExtra() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        // On time: 22:05 is 5 minutes after the 03-02 22:00 slot.
        let onTime = try Self.ok(cli, ["take", "P001", "--now", "2026-03-02T22:05:00Z"])
        #expect(onTime.contains("taken 10 mg at 2026-03-02 22:05 for the 2026-03-02 22:00 dose"))
        #expect(!onTime.contains("late"))
        // Back-dated the next morning: "yesterday" is 03-03, so 03-03 22:10, 10 minutes after its slot.
        let yesterday = try Self.entry(cli, ["take", "P001", "--at", "yesterday 22:10", "--now", "2026-03-04T09:00:00Z"])
        #expect(yesterday["at"] as? String == "2026-03-03T22:10:00Z")
        #expect(Self.slot(yesterday) == "2026-03-03 22:00")
        #expect(Self.dose(yesterday)["late"] as? Bool == false)
        // An ISO instant.
        let iso = try Self.entry(cli, ["take", "P001", "--at", "2026-03-04T22:10:00Z", "--now", "2026-03-05T09:00:00Z"])
        #expect(Self.slot(iso) == "2026-03-04 22:00")
        // 00:30 on 03-06 is 2 h 30 min after the 03-05 22:00 slot (nearest, within 12 h) and
        // 21 h 30 min before the 03-06 one: it belongs to the night before, and is late (> 2 h).
        let night = try Self.ok(cli, ["take", "P001", "--now", "2026-03-06T00:30:00Z"])
        #expect(night.contains("for the 2026-03-05 22:00 dose (late)"))
        // A second dose 15 minutes later: its nearest slot is already taken, so it is an extra
        // of the planned 10 mg; 10 mg on 03-06 is below the 75 mg maximum, so no warning.
        let second = try Self.entry(cli, ["take", "P001", "--now", "2026-03-06T00:45:00Z"])
        #expect(second["kind"] as? String == "extra")
        #expect(Self.dose(second)["doseMg"] as? Int == 10)
        #expect(Self.flagKinds(second).isEmpty)
        // Every dose keeps a copy of the dose planned at the time.
        #expect(Self.dose(iso)["plannedDoseMg"] as? Int == 10)
    }

    @Test func anExtraThatTakesTheDayAboveTheMaximumIsToldPlainlyAndFlagged() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        try Self.ok(cli, ["take", "P001", "--now", "2026-03-07T22:00:00Z"])
        // 10 mg planned and taken + 70 mg extra = 80 mg on 03-07, above the 75 mg maximum.
        // Without a terminal it must be confirmed (issue 13, Why 6); then it is recorded.
        let unconfirmed = try cli.run(["take", "P001", "--dose", "70", "--now", "2026-03-07T23:00:00Z"])
        #expect(unconfirmed.status == 65)
        let r = try cli.run(["take", "P001", "--dose", "70", "--confirm", "--now", "2026-03-07T23:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("extra dose of 70 mg at 2026-03-07 23:00"))
        #expect(r.stdout.contains("80 mg of amitriptyline recorded for 2026-03-07, above the maximum of 75 mg/day"))
        #expect(r.stdout.contains("! Do not take any more today.\n"))
        #expect(r.stdout.contains("! Your clinician will be told (the reminder job passes the notice on)."))
        let history = try Self.historyItems(cli, "P001")
        let extra = history.compactMap { $0["entry"] as? [String: Any] }.first { $0["kind"] as? String == "extra" }
        #expect(extra.map(Self.flagKinds) == ["above-maximum"])
        let today = try Self.ok(cli, ["today", "P001", "--now", "2026-03-07T23:30:00Z"])
        #expect(today.contains("extra: 70 mg at 23:00, beyond the plan"))
    }

    @Test func skipRecordsTheReasonAgainstTheSlot() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        let r = try Self.ok(cli, ["skip", "P001", "--reason", "felt sick", "--now", "2026-03-02T23:00:00Z"])
        #expect(r.contains("skipped the 2026-03-02 22:00 dose: felt sick"))
        let today = try Self.ok(cli, ["today", "P001", "--now", "2026-03-02T23:30:00Z"])
        #expect(today.contains("10 mg: 1 × 10 mg tablet at 22:00  – skipped"))
        // Nothing left to skip near that time: refused, nothing written.
        let before = try cli.dump()
        let again = try cli.run(["skip", "P001", "--reason", "again", "--now", "2026-03-02T23:10:00Z"])
        #expect(again.status == 65)
        #expect(try cli.dump() == before)
    }

    @Test func takeWithNoCourseSaysWhatIsMissing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli, drug: nil)
        let before = try cli.dump()
        let r = try cli.run(["take", "P001", "--now", "2026-03-05T22:00:00Z"])
        #expect(r.status == 65)
        #expect(r.stderr == "painladder: P001 has no medicine course in progress, so there is nothing to record a dose against yet; a clinician starts one with 'painladder start P001 DRUG'\n")
        #expect(try cli.dump() == before)
        // Before the first day of a course there is no dose either.
        try Self.patient(cli, id: "P002", on: "2026-03-10")
        let early = try cli.run(["take", "P002", "--now", "2026-03-05T22:00:00Z"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("starts on 2026-03-10"))
    }

    // MARK: - side effects

    @Test func sideEffectsKnownFreeTextRedFlagHoldAndResolved() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Pregabalin: 75 mg at 08:00 and 20:00 from 03-02, 150 mg twice a day from 03-09.
        try Self.patient(cli, drug: "pregabalin")
        let known = try Self.entry(cli, ["side-effect", "P001", "sleepy", "--severity", "mild", "--now", "2026-03-03T10:00:00Z"])
        let knownEffect = known["sideEffect"] as? [String: Any] ?? [:]
        #expect(knownEffect["symptom"] as? String == "drowsiness")
        #expect(knownEffect["known"] as? Bool == true)
        let free = try Self.entry(cli, ["side-effect", "P001", "funny taste", "--severity", "mild", "--note", "since Tuesday",
                                        "--now", "2026-03-03T10:05:00Z"])
        #expect((free["sideEffect"] as? [String: Any])?["symptom"] as? String == "funny taste")
        #expect((free["sideEffect"] as? [String: Any])?["known"] as? Bool == false)
        #expect(free["note"] as? String == "since Tuesday")
        // A red flag, mild (below the hold threshold): what to do now, and a flag; no hold.
        let swelling = try cli.run(["side-effect", "P001", "swollen face", "--severity", "mild", "--now", "2026-03-03T11:00:00Z"])
        #expect(swelling.status == 0, "\(swelling.stderr)")
        #expect(swelling.stdout.contains("What to do now: Stop taking it and get urgent help now: call 999 or go to A&E."))
        #expect(swelling.stdout.contains("Your clinician has been flagged"))
        #expect(!swelling.stdout.contains("on hold"))
        let history = try Self.historyItems(cli, "P001")
        let red = history.compactMap { $0["entry"] as? [String: Any] }.last { $0["kind"] as? String == "side-effect" }
        #expect(red.map(Self.flagKinds) == ["red-flag"])
        #expect((red?["sideEffect"] as? [String: Any])?["symptom"] as? String == "facial-swelling")
        // Moderate dizziness on 03-04, during titration (150 mg/day is planned from 03-09): holds the step-up.
        let dizzy = try cli.run(["side-effect", "P001", "dizzy", "--severity", "moderate", "--now", "2026-03-04T10:00:00Z"])
        #expect(dizzy.status == 0, "\(dizzy.stderr)")
        #expect(dizzy.stdout.contains("Your next dose increase is on hold until your clinician reviews this. Keep taking your current dose."))
        let held = try Self.ok(cli, ["today", "P001", "--now", "2026-03-04T12:00:00Z"])
        #expect(held.contains("On hold: your next dose increase waits for your clinician's review (moderate dizziness reported on 2026-03-04)"))
        // On 03-09, when 150 mg would have started, the patient stays on 75 mg twice a day.
        let monday = try Self.json(cli, ["today", "P001", "--now", "2026-03-09T06:00:00Z"])
        let items = (monday["day"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        let doses = items.compactMap { (($0["slot"] as? [String: Any])?["administration"] as? [String: Any])?["doseMg"] as? Int }
        #expect(doses == [75, 75])
        let mondayText = try Self.ok(cli, ["today", "P001", "--now", "2026-03-09T06:00:00Z"])
        #expect(mondayText.contains("75 mg: 1 × 75 mg capsule at 08:00"))
        #expect(!mondayText.contains("The dose changes"))
        // Resolved: a new entry; the report stays.
        let knownID = known["entryID"] as? Int ?? 0
        let resolved = try Self.ok(cli, ["side-effect", "P001", "--resolved", "\(knownID)", "--now", "2026-03-05T10:00:00Z"])
        #expect(resolved.contains("side effect #\(knownID) resolved"))
        let twice = try cli.run(["side-effect", "P001", "--resolved", "\(knownID)", "--now", "2026-03-05T10:00:00Z"])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("already marked resolved"))
    }

    @Test func aSevereRedFlagDuringTitrationHoldsWithoutSayingKeepTaking() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli, drug: "pregabalin")
        let r = try cli.run(["side-effect", "P001", "throat swelling", "--severity", "severe", "--now", "2026-03-03T11:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Stop taking it and get urgent help now"))
        #expect(r.stdout.contains("Your next dose increase is also on hold"))
        #expect(!r.stdout.contains("Keep taking"))
        let history = try Self.historyItems(cli, "P001")
        let entry = history.compactMap { $0["entry"] as? [String: Any] }.first
        #expect(entry.map(Self.flagKinds) == ["red-flag", "step-up-held"])
    }

    // MARK: - pain, impression, assessment

    @Test func painScoresImpressionAndBaselineWithOrWithoutACourse() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli, drug: nil)
        // Before any course: allowed, and marked as the baseline.
        let baseline = try Self.entry(cli, ["pain", "P001", "7", "--sleep", "6", "--impact", "2 hours to get to sleep",
                                            "--baseline", "--now", "2026-03-01T18:00:00Z"])
        let pain = baseline["pain"] as? [String: Any] ?? [:]
        #expect(pain["score"] as? Int == 7)
        #expect(pain["sleep"] as? Int == 6)
        #expect(pain["impact"] as? String == "2 hours to get to sleep")
        #expect(pain["baseline"] as? Bool == true)
        #expect(baseline["courseID"] == nil)
        let start = try cli.run(["start", "P001", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T19:00:00Z"])
        #expect(start.status == 0, "\(start.stderr)")
        // A date alone is that day: midday, in London's GMT on 03-05.
        let dated = try Self.entry(cli, ["pain", "P001", "5", "--at", "2026-03-05", "--now", "2026-03-08T09:00:00Z"])
        #expect(dated["at"] as? String == "2026-03-05T12:00:00Z")
        // Today's date means now (midday would be in the future at 09:00).
        let todayDate = try Self.entry(cli, ["pain", "P001", "4", "--at", "2026-03-08", "--now", "2026-03-08T09:00:00Z"])
        #expect(todayDate["at"] as? String == "2026-03-08T09:00:00Z")
        let text = try Self.ok(cli, ["pain", "P001", "4", "--at", "yesterday 21:00", "--now", "2026-03-09T09:00:00Z"])
        #expect(text.contains("pain 4/10 on 2026-03-08"))
        let impression = try Self.ok(cli, ["impression", "P001", "3", "--now", "2026-03-09T09:05:00Z"])
        #expect(impression.contains("impression of change: 3/7"))
    }

    @Test(arguments: [
        (["--pattern", "short-bursts", "--onset", "sudden", "--with-new-symptoms", "yes", "--character", "tingling"],
         ["possible-relapse"], "may be a relapse"),
        (["--pattern", "constant", "--character", "back", "--character", "hip", "--worsens", "sitting",
          "--stops", "can sit for only 20 minutes"], ["not-neuropathic"], "this ladder treats nerve pain"),
        (["--character", "sharp-facial", "--one-sided-facial", "yes"], ["possible-trigeminal-neuralgia"], "trigeminal neuralgia"),
        (["--pattern", "constant", "--onset", "gradual", "--with-new-symptoms", "no", "--eases", "heat", "--eases", "rest",
          "--happened-before", "yes", "--felt-same", "yes", "--stops", "2 hours to get to sleep",
          "--character", "burning", "--character", "tight-band"], [], ""),
    ])
    func assessWithOptionsFlagsForTheClinician(options: [String], flags: [String], says: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        let entry = try Self.entry(cli, ["assess", "P001", "--now", "2026-03-01T12:00:00Z"] + options)
        #expect(entry["kind"] as? String == "assessment")
        #expect(Self.flagKinds(entry) == flags)
        let text = try Self.ok(cli, ["assess", "P001", "--now", "2026-03-01T12:05:00Z"] + options)
        #expect(text.contains("pain assessment recorded"))
        if flags.isEmpty {
            #expect(!text.contains("Noted for your clinician"))
        } else {
            #expect(text.contains("Noted for your clinician"))
            #expect(text.contains(says))
        }
    }

    @Test func assessWithNoAnswersAndNoTerminalIsAUsageErrorAndWritesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        let before = try cli.dump()
        for input in [nil, "constant\nsudden\n"] as [String?] {
            let r = try cli.run(["assess", "P001", "--now", "2026-03-01T12:00:00Z"], input: input)
            #expect(r.status == 64)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains("no terminal"))
            #expect(r.stdout.isEmpty)
        }
        #expect(try cli.dump() == before)
    }

    // MARK: - history, corrections, undo

    @Test func correctionsAndUndoSupersedeAndHistoryKeepsEverythingInTimeOrder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        let taken = try Self.entry(cli, ["take", "P001", "--now", "2026-03-09T22:05:00Z"])
        let takenID = taken["entryID"] as? Int ?? 0
        #expect(Self.dose(taken)["doseMg"] as? Int == 20)
        let extra = try Self.entry(cli, ["take", "P001", "--now", "2026-03-09T22:30:00Z"])
        let extraID = extra["entryID"] as? Int ?? 0
        #expect(extra["kind"] as? String == "extra")
        let pain = try Self.entry(cli, ["pain", "P001", "8", "--now", "2026-03-09T21:00:00Z"])
        let painID = pain["entryID"] as? Int ?? 0

        // Only one tablet was taken, not two.
        let fixed = try Self.entry(cli, ["correct", "P001", "\(takenID)", "--dose", "10", "--reason", "only one tablet", "--now", "2026-03-10T08:00:00Z"])
        let fixedID = fixed["entryID"] as? Int ?? 0
        #expect(fixed["supersedesEntryID"] as? Int == takenID)
        #expect(Self.dose(fixed)["doseMg"] as? Int == 10)
        #expect(Self.dose(fixed)["plannedDoseMg"] as? Int == 20)
        #expect(Self.slot(fixed) == "2026-03-09 22:00")
        // The extra was a mistake.
        let undone = try Self.ok(cli, ["undo", "P001", "\(extraID)", "--reason", "pressed twice", "--now", "2026-03-10T08:01:00Z"])
        #expect(undone.contains("undid #\(extraID) (P001, amitriptyline extra dose on 2026-03-09): pressed twice"), "\(undone)")
        try Self.ok(cli, ["correct", "P001", "\(painID)", "--score", "6", "--reason", "typed 8 by mistake", "--now", "2026-03-10T08:02:00Z"])

        // today uses the corrected value; the undone extra is gone.
        let today = try Self.ok(cli, ["today", "P001", "--now", "2026-03-09T23:30:00Z"])
        #expect(today.contains("✓ taken at 22:05 (10 mg)  #\(fixedID)"))
        #expect(!today.contains("extra"))

        // History keeps every entry, originals marked with what replaced them.
        let history = try Self.historyItems(cli, "P001")
        let entries = history.compactMap { $0["entry"] as? [String: Any] }
        let ats = history.compactMap { $0["at"] as? String }
        #expect(ats == ats.sorted(), "in time order")
        #expect(entries.count == 6)  // take, extra, pain, correction, undo, pain correction
        let original = history.first { ($0["entry"] as? [String: Any])?["entryID"] as? Int == takenID }
        #expect(original?["supersededByEntryID"] as? Int == fixedID)
        #expect(original?["planVersion"] as? Int == 1)
        #expect(Self.dose(original?["entry"] as? [String: Any] ?? [:])["doseMg"] as? Int == 20)
        let scores = entries.filter { $0["kind"] as? String == "pain" }.compactMap { ($0["pain"] as? [String: Any])?["score"] as? Int }
        #expect(scores.sorted() == [6, 8])
        #expect(history.first?["plan"] != nil, "the plan version created at the start comes first")
        let text = try Self.ok(cli, ["history", "P001"])
        #expect(text.contains("[replaced by #\(fixedID)]"))
        #expect(text.contains("[corrects #\(takenID): only one tablet]"))

        // A second correction of the same entry is refused: correct the correction instead.
        let before = try cli.dump()
        let again = try cli.run(["correct", "P001", "\(takenID)", "--dose", "20", "--reason", "x", "--now", "2026-03-10T09:00:00Z"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already corrected by #\(fixedID)"))
        #expect(try cli.dump() == before)
    }

    @Test func historyShowsThePlanVersionInForceAfterAHold() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        try Self.ok(cli, ["take", "P001", "--now", "2026-03-02T22:05:00Z"])
        // Moderate drowsiness on 03-03 while titrating: plan version 2 holds the step-ups.
        let hold = try Self.json(cli, ["side-effect", "P001", "drowsy", "--severity", "moderate", "--now", "2026-03-03T09:00:00Z"])
        let plan = hold["newPlan"] as? [String: Any]
        #expect(plan?["version"] as? Int == 2)
        #expect(plan?["holdReason"] as? String == "moderate drowsiness reported on 2026-03-03")
        try Self.ok(cli, ["take", "P001", "--now", "2026-03-03T22:05:00Z"])
        let history = try Self.historyItems(cli, "P001")
        let versions = history.compactMap { item -> Int? in item["entry"] == nil ? nil : item["planVersion"] as? Int }
        // take (v1), side effect (recorded under v1, which it replaced), take (v2).
        #expect(versions == [1, 1, 2])
        // From 03-09 the patient stays on 10 mg: the step-up waits.
        let later = try Self.ok(cli, ["today", "P001", "--now", "2026-03-10T12:00:00Z"])
        #expect(later.contains("10 mg: 1 × 10 mg tablet at 22:00"))
        #expect(later.contains("On hold"))
    }

    @Test func correctingASeverityUpwardsHoldsTheStepUp() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli, drug: "pregabalin")
        let mild = try Self.entry(cli, ["side-effect", "P001", "dizzy", "--severity", "mild", "--now", "2026-03-03T10:00:00Z"])
        #expect(Self.flagKinds(mild).isEmpty, "mild is below the moderate threshold")
        let fixed = try Self.json(cli, ["correct", "P001", "\(mild["entryID"] as? Int ?? 0)", "--severity", "moderate",
                                        "--reason", "it is worse than I said", "--now", "2026-03-04T10:00:00Z"])
        let plan = fixed["newPlan"] as? [String: Any]
        #expect(plan?["version"] as? Int == 2)
        #expect(plan?["effectiveFrom"] as? String == "2026-03-04")
        let entry = (fixed["entries"] as? [[String: Any]])?.first ?? [:]
        #expect(Self.flagKinds(entry) == ["step-up-held"])
        #expect(try Self.ok(cli, ["today", "P001", "--now", "2026-03-09T06:00:00Z"]).contains("On hold"))
    }

    // MARK: - time zones

    @Test func aMoveOfTimeZoneAppliesFromThatDayAndKeepsPastInstants() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        // 03-31 is in BST (UTC+1): 22:05 BST = 21:05Z, for the 03-31 22:00 slot.
        let london = try Self.entry(cli, ["take", "P001", "--now", "2026-03-31T21:05:00Z"])
        #expect(Self.slot(london) == "2026-03-31 22:00")
        // Moves to New York (EDT, UTC−4) on 04-02 (08:00 there).
        let moved = try Self.ok(cli, ["patient", "update", "P001", "--tz", "America/New_York", "--reason", "moved",
                                      "--now", "2026-04-02T12:00:00Z"])
        #expect(moved.contains("Dose times now follow America/New_York from 2026-04-02"))
        // "yesterday 22:00" is 04-01, still a London day: 22:00 BST = 21:00Z, on time.
        let yesterday = try Self.entry(cli, ["take", "P001", "--at", "yesterday 22:00", "--now", "2026-04-02T12:00:00Z"])
        #expect(yesterday["at"] as? String == "2026-04-01T21:00:00Z")
        #expect(Self.slot(yesterday) == "2026-04-01 22:00")
        #expect(Self.dose(yesterday)["late"] as? Bool == false)
        // From 04-02 the slot is 22:00 in New York = 02:00Z on 04-03.
        let today = try Self.json(cli, ["today", "P001", "--now", "2026-04-02T12:00:00Z"])
        #expect(today["timeZone"] as? String == "America/New_York")
        let item = ((today["day"] as? [String: Any])?["items"] as? [[String: Any]])?.first
        #expect((item?["slot"] as? [String: Any])?["instant"] as? String == "2026-04-03T02:00:00Z")
        let tonight = try Self.ok(cli, ["take", "P001", "--now", "2026-04-03T02:05:00Z"])
        #expect(tonight.contains("taken 50 mg at 2026-04-02 22:05 for the 2026-04-02 22:00 dose"))
        #expect(!tonight.contains("late"))
        // Past entries keep their instants and are shown at the local time they had then.
        let history = try Self.historyItems(cli, "P001")
        let first = history.first { ($0["entry"] as? [String: Any])?["entryID"] as? Int == london["entryID"] as? Int }
        #expect(first?["at"] as? String == "2026-03-31T21:05:00Z")
        #expect(first?["timeZone"] as? String == "Europe/London")
        let text = try Self.ok(cli, ["history", "P001"])
        #expect(text.contains("2026-03-31 22:05  v1  #\(london["entryID"] as? Int ?? 0) taken 50 mg at 2026-03-31 22:05"))
    }

    @Test func daylightSavingSlotsResolveOnceEach() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // A 01:30 slot in Europe/London from 03-23.
        try Self.patient(cli, on: "2026-03-23", times: "01:30")
        // Spring forward, Sun 03-29: 01:30 does not exist; read with the offset before the gap
        // (GMT), so 01:30Z (02:30 BST).
        let spring = try Self.json(cli, ["today", "P001", "--now", "2026-03-29T00:10:00Z"])
        let springSlot = (((spring["day"] as? [String: Any])?["items"] as? [[String: Any]])?.first?["slot"] as? [String: Any])
        #expect(springSlot?["instant"] as? String == "2026-03-29T01:30:00Z")
        let taken = try Self.entry(cli, ["take", "P001", "--now", "2026-03-29T01:40:00Z"])
        #expect(Self.slot(taken) == "2026-03-29 01:30")
        #expect(Self.dose(taken)["late"] as? Bool == false)
        // Fall back, Sun 10-25: 01:30 happens twice (00:30Z in BST, 01:30Z in GMT): the first.
        let autumn = try Self.json(cli, ["today", "P001", "--now", "2026-10-25T00:10:00Z"])
        let items = (autumn["day"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(items.count == 1, "one slot, not two")
        #expect((items.first?["slot"] as? [String: Any])?["instant"] as? String == "2026-10-25T00:30:00Z")
        // A dose at the second 01:30 (01:30Z) is an hour after the slot: on time, not an extra.
        let second = try Self.entry(cli, ["take", "P001", "--now", "2026-10-25T01:30:00Z"])
        #expect(Self.slot(second) == "2026-10-25 01:30")
        #expect(Self.dose(second)["late"] as? Bool == false)
    }

    // MARK: - bad input

    @Test(arguments: [
        (["pain", "P001", "11"], "score", Int32(65)),
        (["pain", "P001", "5", "--sleep", "11"], "--sleep", Int32(65)),
        (["pain", "P001", "5", "--at", "2026-03-25"], "--at", Int32(65)),
        (["impression", "P001", "8"], "impression", Int32(65)),
        (["side-effect", "P001", "drowsiness", "--severity", "bad"], "--severity", Int32(65)),
        (["side-effect", "P001", "drowsiness", "--severity", "mild", "--since", "2026-04-01"], "--since", Int32(65)),
        (["side-effect", "P001", "--resolved", "1"], "--resolved", Int32(65)),
        (["take", "P001", "--at", "25:00"], "--at", Int32(65)),
        (["take", "P001", "--at", "someday 22:00"], "--at", Int32(65)),
        (["take", "P001", "--at", "2026-03-21T09:00:00Z"], "--at", Int32(65)),
        (["take", "P001", "--at", "23:00"], "--at", Int32(65)),
        (["take", "P066"], "P066", Int32(66)),
        (["today", "P066"], "P066", Int32(66)),
        (["pain", "P066", "5"], "P066", Int32(66)),
        (["take", "P001", "--dose", "7"], "--dose", Int32(65)),
        (["take", "P001", "--dose", "abc"], "--dose", Int32(65)),
        (["skip", "P001", "--reason", ""], "--reason", Int32(65)),
        (["skip", "P001"], "--reason", Int32(64)),
        (["correct", "P001", "999", "--dose", "10", "--reason", "x"], "entry", Int32(65)),
        (["undo", "P001", "999", "--reason", "x"], "entry", Int32(65)),
        (["correct", "P001", "1", "--dose", "10"], "--reason", Int32(64)),
        (["undo", "P001", "1"], "--reason", Int32(64)),
        (["correct", "P001", "1", "--score", "5", "--reason", "x"], "correct", Int32(65)),
        (["correct", "P001", "1", "--dose", "7", "--reason", "x"], "--dose", Int32(65)),
        (["assess", "P001", "--character", "banana"], "--character", Int32(65)),
        (["history", "P001", "--from", "2026-13-01"], "--from", Int32(65)),
    ])
    func badJournalInputIsOneClearLineAndChangesNothing(args: [String], mentions: String, code: Int32) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.patient(cli)
        // Entry #1: the 03-02 dose.
        let first = try Self.entry(cli, ["take", "P001", "--now", "2026-03-02T22:05:00Z"])
        #expect(first["entryID"] as? Int == 1)
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", "2026-03-20T12:00:00Z"])
        #expect(r.status == code, "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "expected one line, got: \(r.stderr)")
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before, "the database must be unchanged")
    }
}
