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
    /// different rows serialise alike ("ab","c" vs "a","bc"; NULL vs empty). The message is
    /// built in one buffer and hashed with one call: each call into the hash's Swift API costs
    /// more than hashing a short field (the bulk loader seals millions of rows).
    struct Hasher {
        private var message: [UInt8] = []

        init(previous: Data) {
            message.reserveCapacity(256)
            message.append(contentsOf: previous)
        }

        mutating func int(_ v: Int64?) {
            guard let v else { return null() }
            message.append(UInt8(ascii: "i"))
            decimal(v)
            message.append(UInt8(ascii: ":"))
        }

        mutating func text(_ s: String?) {
            guard var s else { return null() }
            s.withUTF8 { text(UnsafeRawBufferPointer($0)) }
        }

        mutating func text(_ bytes: UnsafeRawBufferPointer) {
            message.append(UInt8(ascii: "t"))
            decimal(Int64(bytes.count))
            message.append(UInt8(ascii: ":"))
            message.append(contentsOf: bytes)
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

        mutating func null() { message.append(UInt8(ascii: "n")) }

        /// `v` in decimal ASCII, a minus sign first.
        private mutating func decimal(_ v: Int64) {
            if v < 0 { message.append(UInt8(ascii: "-")) }
            var magnitude = v.magnitude, divisor: UInt64 = 1
            while divisor <= magnitude / 10 { divisor *= 10 }
            repeat {
                message.append(UInt8(truncatingIfNeeded: 48 + magnitude / divisor))
                magnitude %= divisor
                divisor /= 10
            } while divisor > 0
        }

        func finish() -> Data { Data(SHA256.hash(data: message)) }
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
