import Foundation

/// A 64-bit digest of formulary files as the loader reads them: each file's name, length and
/// bytes, in reading order. It tells the bundled files the test suite validated
/// (``BundledFormulary/validatedDigest``) from any others, so that those alone may skip the
/// checks on every command.
///
/// Not cryptographic (the bundled files are as trusted as the binary), but no accident
/// slips through: each step is a bijection of the running value, so changing any one
/// 8-byte word of a file always changes the digest, and other changes collide with odds of
/// about 2⁻⁶⁴. Words rather than bytes: it runs on every command.
struct FormularyDigest: Equatable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a's offset basis

    mutating func add(file name: String, _ data: Data) {
        for byte in name.utf8 { mix(UInt64(byte)) }
        mix(UInt64(data.count))
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            while offset < raw.count {
                mix(UInt64(raw[offset]))
                offset += 1
            }
        }
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3  // FNV's 64-bit prime: odd, so a bijection
    }
}
