import Foundation
import PainLadder

extension FormularyLoader {
    /// The bundled formulary with a clinic's local overlay given as its bytes (the overlay a
    /// clinic keeps in its database), validated in full as a file would be.
    ///
    /// ```swift
    /// let formulary = try FormularyLoader.bundled(overlayData: stored.content, file: stored.file)
    /// formulary.localName   // "West Suffolk pathway"
    /// ```
    public static func bundled(overlayData: Data, file: String) throws -> Formulary {
        let formulary = try bundled()
        let local = try parse(overlayData, file: file, as: LocalOverlay.init(json:))
        return try FormularyValidator.apply(local, to: formulary, file: file)
    }
}
