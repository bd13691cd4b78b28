import ClinicGenerator
import Foundation
import FormularyData
import PainLadder
import PainLadderClinic
import PainLadderStore

/// A clinic the generator wrote into a store of its own, in a temporary folder that goes
/// with it (``remove()``): what the equivalence tests compare narrow reads over.
struct SeededClinic {
    let folder: String
    let store: Store
    let formulary: Formulary
    let clinic: Clinic

    init(_ options: ClinicGenerator.Options) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("painladder-seeded-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/clinic.sqlite", createIfMissing: true)
        formulary = try FormularyLoader.bundled()
        _ = try ClinicGenerator.generate(options, formulary: formulary, into: store)
        clinic = Clinic(store: store, formulary: formulary)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
