import PainLadder

/// One dose of a step: its wall-clock time, the dose and the units that make it.
struct AdministrationJSON: Encodable {
    struct Units: Encodable {
        var count: Int
        var strength: Strength
    }

    struct Strength: Encodable {
        var mg: Int
        var form: String
    }

    var time: String
    var doseMg: Int
    var units: [Units]

    init(_ a: Administration) {
        time = a.time.description
        doseMg = a.doseMg
        units = a.units.map { Units(count: $0.count, strength: Strength(mg: $0.strength.mg, form: $0.strength.form)) }
    }
}
