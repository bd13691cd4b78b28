/// The limits that apply to one patient: the renal band and the maximum daily dose.
///
/// The patient's maximum is the lowest of the drug's maximum, the variant's, the renal
/// band's (and its titration's, if it has one) and the clinic's local cap. The winner is
/// returned with its own sources and status, and a note naming which limit it is; on a tie
/// the more general limit is kept (drug, then variant, then renal band, then local cap).
///
/// ```swift
/// let band = DoseLimits.renalBand(for: pregabalin, crCl: 45)          // "CrCl 30 to <60 mL/min", max 300
/// DoseLimits.maximumDailyDose(drug: pregabalin, variant: standard, renalBand: band,
///                             localCap: nil).value                    // 300
/// ```
public enum DoseLimits {
    /// The band that contains `crCl`, or `nil` when it is unknown or the drug has no bands.
    public static func renalBand(for drug: Drug, crCl: Double?) -> RenalBand? {
        guard let crCl else { return nil }
        return drug.renalBands.first { $0.contains(crCl) }
    }

    /// The patient's maximum; its `note` starts with which limit it is ("local cap (West Suffolk): …").
    public static func maximumDailyDose(drug: Drug, variant: TitrationVariant, renalBand: RenalBand?,
                                        localCap: Sourced<Milligrams>?, localName: String? = nil) -> Sourced<Milligrams> {
        let (label, winner) = limitingMaximum(drug: drug, variant: variant, renalBand: renalBand,
                                              localCap: localCap, localName: localName)
        return labelled(winner, label)
    }

    static func labelled(_ limit: Sourced<Milligrams>, _ label: String) -> Sourced<Milligrams> {
        var result = limit
        result.note = limit.note.map { "\(label): \($0)" } ?? label
        return result
    }

    /// The lowest limit as it stands in the formulary, and a short name for it ("renal band … maximum").
    public static func limitingMaximum(drug: Drug, variant: TitrationVariant, renalBand: RenalBand?,
                                       localCap: Sourced<Milligrams>?, localName: String? = nil)
        -> (label: String, limit: Sourced<Milligrams>) {
        var limits: [(String, Sourced<Milligrams>)] = [("drug maximum", drug.maximumDailyDose)]
        if let m = variant.maximumDailyDose { limits.append(("\(variant.id) variant maximum", m)) }
        if let band = renalBand {
            if let m = band.titration?.maximumDailyDose { limits.append(("renal band \(band.label) titration maximum", m)) }
            limits.append(("renal band \(band.label) maximum", band.maximumDailyDose))
        }
        if let localCap { limits.append(("local cap\(localName.map { " (\($0))" } ?? "")", localCap)) }
        var (label, winner) = limits[0]
        for (l, m) in limits.dropFirst() where m.value < winner.value {
            (label, winner) = (l, m)
        }
        return (label, winner)
    }
}
