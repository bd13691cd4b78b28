import Testing
import PainLadderTestSupport

/// The outside validators are there: every check that uses them relies on this.
@Suite struct OutsideValidatorTests {
    @Test func everyPinnedValidatorImports() throws {
        let result = try OutsideValidator.run(script: """
            import fhir.resources, icalendar, recurring_ical_events, html5lib, jsonschema
            from fhir.resources.R4B.medicationrequest import MedicationRequest
            print("ok")
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ok\n")
    }

    @Test func aFailingScriptIsSeenAsFailing() throws {
        let result = try OutsideValidator.run(script: "import sys; sys.exit(3)")
        #expect(result.status == 3)
    }
}
