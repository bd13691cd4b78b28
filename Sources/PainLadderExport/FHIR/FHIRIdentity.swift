import PainLadder

/// Resource ids and bundle URLs derived from what the store assigned (patient id, plan
/// version ids, journal entry ids), never random: exporting the same facts again gives the
/// same ids, so a receiving system updates instead of duplicating.
///
/// `fullUrl` is a name-based `urn:uuid:` (a 128-bit FNV-1a hash of the patient and the
/// resource's type and id, laid out as an RFC 9562 version 8 UUID); references inside the
/// bundle use it.
struct FHIRIdentity {
    let patientID: String

    /// The patient's id as a FHIR id (`[A-Za-z0-9-.]{1,64}`): as typed when it fits, else
    /// `p-` and a hash of it.
    var patientResourceID: String {
        let allowed = patientID.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 46
        }
        return allowed && !patientID.isEmpty && patientID.utf8.count <= 64 ? patientID : "p-" + Self.hex(Self.fnv(patientID, seed: 0))
    }

    static func request(version: Int64, step: Int) -> String { "mr-v\(version)-s\(step)" }
    static func statement(entry: Int64) -> String { "ms-e\(entry)" }
    static func observation(entry: Int64) -> String { "obs-e\(entry)" }
    static func adverseEvent(entry: Int64) -> String { "ae-e\(entry)" }
    static func carePlan(course: Int64) -> String { "cp-c\(course)" }
    static func provenance(version: Int64) -> String { "prov-v\(version)" }
    static func medication(drug: String) -> String { "med-" + drug }

    /// The entry's `fullUrl`, also what references point at.
    func url(_ type: String, _ id: String) -> String {
        let name = patientID + "\u{0}" + type + "/" + id
        var hi = Self.fnv(name, seed: 0x6c62_272e_07bb_0142)
        var lo = Self.fnv(name, seed: 0x9e37_79b9_7f4a_7c15)
        hi = (hi & ~0xF000) | 0x8000                         // version 8
        lo = (lo & ~(0xC << 60)) | (0x8 << 60)                // variant 10
        let h = Self.hex(hi), l = Self.hex(lo)
        return "urn:uuid:" + h.prefix(8) + "-" + h.dropFirst(8).prefix(4) + "-" + h.suffix(4) + "-"
            + l.prefix(4) + "-" + l.suffix(12)
    }

    func reference(_ type: String, _ id: String) -> FHIRJSON {
        .object([("reference", .string(url(type, id)))])
    }

    static func fnv(_ text: String, seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
