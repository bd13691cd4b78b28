import PainLadder
import PainLadderClinic
import Testing

/// The access rules, as a table: who may do what under which accounts.
@Suite struct AccessRulesTests {
    static let ann = Clinic.Actor(account: "ann", displayName: "Ann")
    static let ali = Clinic.Actor(account: "nurse.ali", displayName: "Nurse Ali")
    static let bob = Clinic.Actor(account: "bob", displayName: "Dr Rao")   // a display name is no authority
    static let clinic = ClinicAccounts(clinicians: ["nurse.ali"], links: ["ann": ["P001"]])

    func allowed(_ need: Permission, _ actor: Clinic.Actor, _ accounts: ClinicAccounts) -> Bool {
        (try? AccessRules.check(need, by: actor, in: accounts)) != nil
    }

    @Test func noAccountNamedAllowsEverything() {
        for need in [Permission.clinician, .patient("P002"), .accountSettings] {
            #expect(allowed(need, Self.bob, ClinicAccounts()))
        }
    }

    @Test func namedAccountsDecide() {
        let table: [(Permission, Clinic.Actor, Bool)] = [
            (.clinician, Self.ali, true), (.patient("P002"), Self.ali, true), (.accountSettings, Self.ali, true),
            (.clinician, Self.ann, false), (.patient("P001"), Self.ann, true), (.patient("P002"), Self.ann, false),
            (.accountSettings, Self.ann, false),
            (.clinician, Self.bob, false), (.patient("P001"), Self.bob, false), (.accountSettings, Self.bob, false),
        ]
        for (need, actor, expected) in table {
            #expect(allowed(need, actor, Self.clinic) == expected, "\(need) by \(actor.account)")
        }
        #expect(throws: PainLadderError.notPermitted(account: "ann", needs: .clinician)) {
            try AccessRules.check(.clinician, by: Self.ann, in: Self.clinic)
        }
    }

    @Test func withNoClinicianNamedAnyoneMayNameTheFirst() {
        let linkedOnly = ClinicAccounts(links: ["ann": ["P001"]])
        #expect(allowed(.accountSettings, Self.bob, linkedOnly))
        #expect(!allowed(.clinician, Self.ann, linkedOnly))
    }
}
