/// What the reference says about switching between each pair of drugs, and the dose
/// conversions it gives: `Data/formulary/switching.json` (optional; without it every
/// switch is sequential or an unrestricted cross-taper, with no conversion).
///
/// ```swift
/// let rules = formulary.switching
/// rules?.pair(from: "gabapentin", to: "pregabalin")?.crossTaper.allowed    // false
/// rules?.conversion(between: "gabapentin", and: "pregabalin")?.convert(1800, from: "gabapentin")?.mg  // 300
/// ```
public struct SwitchingRules: Codable, Sendable, Equatable {
    public var conversions: [DoseConversion]
    public var pairs: [SwitchPair]

    public init(conversions: [DoseConversion], pairs: [SwitchPair]) {
        self.conversions = conversions
        self.pairs = pairs
    }

    /// The guidance for switching `from` → `to`, if the data has it.
    public func pair(from: String, to: String) -> SwitchPair? {
        pairs.first { $0.from == from && $0.to == to }
    }

    public func conversion(id: String) -> DoseConversion? {
        conversions.first { $0.id == id }
    }

    /// A conversion table between two drugs, in either direction.
    public func conversion(between a: String, and b: String) -> DoseConversion? {
        conversions.first { ($0.from == a && $0.to == b) || ($0.from == b && $0.to == a) }
    }
}

/// Guidance for one ordered pair of drugs.
public struct SwitchPair: Codable, Sendable, Equatable {
    public var from: String
    public var to: String
    /// Whether the new drug may start while the old one tapers, and what the reference says.
    public var crossTaper: SwitchGuidance
    /// The conversion (its id) used by a direct switch at an equivalent dose; `nil` when the
    /// reference gives none (no direct switch is offered then).
    public var directConversion: String?
    /// In a cross-taper, the new drug's step-ups wait until the old drug's daily dose has
    /// fallen by this fraction (gabapentin → duloxetine: 60 mg once gabapentin is halved).
    public var newStepUpAfterOldReducedBy: Sourced<Double>?
    /// Days after its last dose that the old drug can still act (half-life, active
    /// metabolites, wash-out guidance): while they last, the pair's interaction cautions apply
    /// to the new drug as if the two overlapped, in any switch mode. `nil`: only while the
    /// plans overlap in time.
    public var oldDrugActsForDays: Sourced<Int>?
    /// Cautions to show and record with this switch.
    public var warnings: [SwitchWarning]

    public init(from: String, to: String, crossTaper: SwitchGuidance, directConversion: String? = nil,
                newStepUpAfterOldReducedBy: Sourced<Double>? = nil, oldDrugActsForDays: Sourced<Int>? = nil,
                warnings: [SwitchWarning] = []) {
        self.from = from
        self.to = to
        self.crossTaper = crossTaper
        self.directConversion = directConversion
        self.newStepUpAfterOldReducedBy = newStepUpAfterOldReducedBy
        self.oldDrugActsForDays = oldDrugActsForDays
        self.warnings = warnings
    }

    /// Whether the old drug can still act on `day`, when its first day without a dose is
    /// `stopDate`: before that day, or within ``oldDrugActsForDays`` after it.
    public func oldDrugActs(on day: LocalDate, stopDate: LocalDate) -> Bool {
        day < stopDate.adding(days: oldDrugActsForDays?.value ?? 0)
    }
}

/// A sourced statement about a switch: allowed or not, and why.
public struct SwitchGuidance: Codable, Sendable, Equatable {
    public var allowed: Bool
    public var message: String
    public var sources: [String]
    public var status: EvidenceStatus
    public var note: String?

    public init(allowed: Bool, message: String, sources: [String], status: EvidenceStatus, note: String? = nil) {
        self.allowed = allowed
        self.message = message
        self.sources = sources
        self.status = status
        self.note = note
    }

    /// "[S44, S45; unconfirmed]".
    public var citation: String { "[\(sources.joined(separator: ", ")); \(status.rawValue)]" }
}

/// A caution attached to a switch: always, or only while the old drug can still act (the two
/// plans overlap, or the new one starts within ``SwitchPair/oldDrugActsForDays`` of the old
/// drug's last dose).
public struct SwitchWarning: Codable, Sendable, Equatable {
    public enum When: String, Codable, Sendable {
        case always, overlap
    }

    public var id: String
    public var when: When
    public var message: String
    public var sources: [String]
    public var status: EvidenceStatus

    public init(id: String, when: When, message: String, sources: [String], status: EvidenceStatus) {
        self.id = id
        self.when = when
        self.message = message
        self.sources = sources
        self.status = status
    }

    /// As a finding, to show and record with the decision.
    public func finding(from: String, to: String) -> SafetyFinding {
        SafetyFinding(drug: "\(from)→\(to)", rule: id, kind: .caution, message: message, sources: sources, status: status)
    }
}

/// A dose-equivalence table between two drugs, read in either direction.
///
/// Each row maps a `from` daily dose to a range of `to` daily doses (and the typical `to`
/// dose the source gives for it). Forward, a `from` dose uses the highest row at or below it
/// (rounding down); backward, a `to` dose uses the row whose range contains it. Doses
/// outside the table are not converted.
public struct DoseConversion: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var from: String
    public var to: String
    public var rows: Sourced<[ConversionRow]>

    public init(id: String, label: String, from: String, to: String, rows: Sourced<[ConversionRow]>) {
        self.id = id
        self.label = label
        self.from = from
        self.to = to
        self.rows = rows
    }

    /// `mg` of `drug` converted to the other drug of the table, with the row used; `nil`
    /// outside the table or for a drug the table is not about.
    public func convert(_ mg: Milligrams, from drug: String) -> (mg: Milligrams, row: ConversionRow)? {
        let rows = self.rows.value
        if drug == from {
            guard let first = rows.first, mg >= first.fromMg, mg <= rows.last!.fromMg,
                  let row = rows.last(where: { $0.fromMg <= mg }) else { return nil }
            return (row.toTypicalMg, row)
        }
        if drug == to {
            guard let row = rows.first(where: { $0.toMinMg <= mg && mg <= $0.toMaxMg }) else { return nil }
            return (row.fromMg, row)
        }
        return nil
    }
}

/// One row of a conversion table.
public struct ConversionRow: Codable, Sendable, Equatable {
    public var fromMg: Milligrams
    public var toMinMg: Milligrams
    public var toMaxMg: Milligrams
    /// The `to` dose the source gives for this row (e.g. 600 mg three times daily = 1,800).
    public var toTypicalMg: Milligrams

    public init(fromMg: Milligrams, toMinMg: Milligrams, toMaxMg: Milligrams, toTypicalMg: Milligrams) {
        self.fromMg = fromMg
        self.toMinMg = toMinMg
        self.toMaxMg = toMaxMg
        self.toTypicalMg = toTypicalMg
    }
}
