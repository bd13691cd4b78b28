import Foundation

/// Refuses JSON fields the model does not know (a misspelt `maximumDailyDoes` must not be
/// silently ignored). Works by encoding the decoded value again and looking for keys in the
/// original that did not survive the round trip.
enum UnknownFields {
    static func check<T>(data: Data, decoded: T, file: String) throws {
        guard let encodable = decoded as? Encodable,
              let original = try? JSONSerialization.jsonObject(with: data),
              let again = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(AnyEncodable(encodable)))
        else { return }
        if let path = firstUnknown(original, again, path: "") {
            throw PainLadderError.invalidFormulary(file: file, drug: drugName(original, path), field: path,
                                                   problem: "is not a known field")
        }
    }

    static func firstUnknown(_ original: Any, _ again: Any, path: String) -> String? {
        if let o = original as? [String: Any], let a = again as? [String: Any] {
            for key in o.keys.sorted() {
                let sub = path.isEmpty ? key : "\(path).\(key)"
                guard let next = a[key] else {
                    if o[key] is NSNull { continue }
                    return sub
                }
                if let found = firstUnknown(o[key]!, next, path: sub) { return found }
            }
        } else if let o = original as? [Any], let a = again as? [Any], o.count == a.count {
            for (i, (x, y)) in zip(o, a).enumerated() {
                if let found = firstUnknown(x, y, path: "\(path)[\(i)]") { return found }
            }
        }
        return nil
    }

    static func drugName(_ original: Any, _ path: String) -> String? {
        (original as? [String: Any])?["id"] as? String
    }
}

private struct AnyEncodable: Encodable {
    let value: Encodable
    init(_ value: Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
