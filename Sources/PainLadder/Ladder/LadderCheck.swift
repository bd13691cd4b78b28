/// For one patient, what each drug on the ladder would mean: ruled out (a hard stop, with
/// its rule and source), or usable with this patient's maximum, renal band and cautions.
///
/// NICE CG173 offers a choice among the four; this shows the choice, it does not make it.
public struct LadderOption: Codable, Sendable, Equatable {
    public var drug: String
    /// The hard stop that rules the drug out, if any.
    public var ruledOutBy: PainLadderError?
    public var maximumDailyDose: Sourced<Milligrams>?
    public var renalBand: String?
    public var cautions: [SafetyFinding]
    public var offLabel: Bool

    public var isRuledOut: Bool { ruledOutBy != nil }

    /// Evaluates every drug in the formulary for `patient` as if started on `date`. Unknown
    /// kidney function does not rule a drug out here (it asks for a value or an
    /// acknowledgement at start): the drug is shown as it would be planned with one.
    public static func evaluate(formulary: Formulary, patient: Patient, on date: LocalDate) -> [LadderOption] {
        formulary.drugs.map { drug in
            do {
                let acknowledged: Set<StartOverride> =
                    RenalPrecondition.refusal(drug, patient: patient, on: date, in: formulary) == nil ? [] : [.kidneyFunctionUnknown]
                let s = try ScheduleBuilder.build(formulary: formulary, drugID: drug.id, variantID: nil,
                                                  patient: patient, startDate: date, times: nil, overrides: acknowledged)
                return LadderOption(drug: drug.id, ruledOutBy: nil, maximumDailyDose: s.maximumDailyDose,
                                    renalBand: s.renalBand, cautions: s.cautions, offLabel: s.offLabel)
            } catch let error as PainLadderError {
                return LadderOption(drug: drug.id, ruledOutBy: error, maximumDailyDose: nil, renalBand: nil,
                                    cautions: [], offLabel: false)
            } catch {
                return LadderOption(drug: drug.id, ruledOutBy: .internalError("\(error)"), maximumDailyDose: nil,
                                    renalBand: nil, cautions: [], offLabel: false)
            }
        }
    }
}

/// How an interface writes an error inside its JSON (its own words and codes): set
/// `encoder.userInfo[.painLadderErrorEncoding]` to one; without it an error is its message.
public typealias PainLadderErrorEncoding = @Sendable (PainLadderError, Encoder) throws -> Void

extension CodingUserInfoKey {
    /// The key of a ``PainLadderErrorEncoding`` in an encoder's `userInfo`.
    public static let painLadderErrorEncoding = CodingUserInfoKey(rawValue: "PainLadderErrorEncoding")!
}

extension PainLadderError: Codable {
    enum CodingKeys: String, CodingKey { case message }

    public func encode(to encoder: Encoder) throws {
        if let encoding = encoder.userInfo[.painLadderErrorEncoding] as? PainLadderErrorEncoding {
            return try encoding(self, encoder)
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(description, forKey: .message)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self = .notPossible(Phrase(try c.decode(String.self, forKey: .message)))
    }
}
