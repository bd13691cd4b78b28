import Crypto
import Foundation
import GRDB
import PainLadderClinic

/// The clinic's local formulary overlay (``FormularyOverlaySchema``).
extension Store {
    /// The newest version, or `nil` (none stored; or a file opened read-only before the migration).
    public func formularyOverlay() throws -> StoredFormularyOverlay? {
        try read { db in
            guard try db.tableExists("formulary_overlay") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM formulary_overlay ORDER BY version DESC LIMIT 1").map(Self.overlay)
        }
    }

    /// Stores the next version with its SHA-256 and an audit row `formulary.use`, in one transaction.
    public func storeFormularyOverlay(content: Data, file: String, name: String, at: Date, by: String,
                                      reason: String) throws -> StoredFormularyOverlay {
        try write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM formulary_overlay") ?? 0) + 1
            let overlay = StoredFormularyOverlay(
                version: version, name: name, file: file, content: content,
                sha256: SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined(),
                storedAt: at, storedBy: by, reason: reason)
            try db.insertRow(into: "formulary_overlay", [
                "version": version, "name": name, "file": file, "content": content, "sha256": overlay.sha256,
                "stored_at": StoreTime.string(at), "stored_by": by, "reason": reason,
            ])
            try Self.audit(db, .formularyOverlayStored(overlay))
            return overlay
        }
    }

    private static func overlay(_ row: Row) throws -> StoredFormularyOverlay {
        StoredFormularyOverlay(version: row["version"], name: row["name"], file: row["file"], content: row["content"],
                               sha256: row["sha256"], storedAt: try Rows.instant(row, "stored_at", table: "formulary_overlay"),
                               storedBy: row["stored_by"], reason: row["reason"])
    }
}
