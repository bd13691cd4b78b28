import Crypto
import Foundation
import GRDB

/// The audit chain: every audit row has a link in `audit_seal`, the SHA-256 of the previous
/// row's link followed by this row's fields (id, at, actor, action, patient, course, detail)
/// and the operating-system account that wrote it, in a canonical form. Changing, removing or
/// inserting an audit row breaks every later link; `verify` recomputes them.
///
/// Why swift-crypto: a well-kept SHA-256 (BoringSSL's on Linux, CryptoKit's on Apple
/// platforms), no hand-written cryptography.
struct AuditSeal {
    /// The link before the first row.
    static let genesis = Data(repeating: 0, count: 32)

    /// The canonical form: each field tagged, text with its byte length first, so no two
    /// different rows serialise alike ("ab","c" vs "a","bc"; NULL vs empty).
    struct Hasher {
        private var sha = SHA256()

        init(previous: Data) { sha.update(data: previous) }

        mutating func int(_ v: Int64?) {
            guard let v else { return null() }
            header("i\(v):")
        }

        mutating func text(_ s: String?) {
            guard var s else { return null() }
            s.withUTF8 { text(UnsafeRawBufferPointer($0)) }
        }

        mutating func text(_ bytes: UnsafeRawBufferPointer) {
            header("t\(bytes.count):")
            sha.update(bufferPointer: bytes)
        }

        /// A value as ``RawInsert`` binds it.
        mutating func raw(_ v: RawValue) {
            switch v {
            case .null: null()
            case let .int(i): int(i)
            case let .text(s): text(s)
            case let .blob(d): d.withUnsafeBytes { text($0) }
            }
        }

        /// A value as ``RawInsert/run(_:_:in:last:)`` binds it, its text in `bytes`.
        mutating func packed(_ v: PackedValue, in bytes: UnsafeBufferPointer<UInt8>) {
            switch v {
            case .null: null()
            case let .int(i): int(i)
            case let .text(start, count):
                text(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start ..< start + Int(count)]))
            }
        }

        mutating func null() { sha.update(data: [UInt8(ascii: "n")]) }

        private mutating func header(_ text: String) {
            var text = text
            text.withUTF8 { sha.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }

        func finish() -> Data { Data(sha.finalize()) }
    }

    /// One audit row's link from its stored fields.
    static func link(previous: Data, id: Int64, at: String, actor: String, action: String, patientID: String?,
                     courseID: Int64?, detail: String, account: String?) -> Data {
        var h = Hasher(previous: previous)
        h.int(id); h.text(at); h.text(actor); h.text(action); h.text(patientID); h.int(courseID); h.text(detail)
        h.text(account)
        return h.finish()
    }

    /// The newest link, or the genesis link for an empty trail.
    static func head(_ db: Database) throws -> Data {
        try Data.fetchOne(db, sql: "SELECT hash FROM audit_seal ORDER BY audit_id DESC LIMIT 1") ?? genesis
    }

    static let insertSQL = "INSERT INTO audit_seal (audit_id, account, hash) VALUES (?, ?, ?)"
}

extension Data {
    /// Lower-case hex.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
