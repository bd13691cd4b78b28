/// Sets the value an encoder stands for to one scalar (or to any `Encodable`).
struct TreeSingleValueEncodingContainer: SingleValueEncodingContainer {
    let box: EncodingBox
    let node: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }

    private func set(_ value: JSONValue) { box.content = .scalar(value) }

    func encodeNil() { set(.null) }
    func encode(_ value: Bool) { set(.bool(value)) }
    func encode(_ value: String) { set(.string(value)) }
    func encode(_ value: Double) throws { set(try TreeEncoding.number(value, node: node, key: nil)) }
    func encode(_ value: Float) throws { set(try TreeEncoding.number(value, node: node, key: nil)) }
    func encode(_ value: Int) { set(.number(String(value))) }
    func encode(_ value: Int8) { set(.number(String(value))) }
    func encode(_ value: Int16) { set(.number(String(value))) }
    func encode(_ value: Int32) { set(.number(String(value))) }
    func encode(_ value: Int64) { set(.number(String(value))) }
    func encode(_ value: UInt) { set(.number(String(value))) }
    func encode(_ value: UInt8) { set(.number(String(value))) }
    func encode(_ value: UInt16) { set(.number(String(value))) }
    func encode(_ value: UInt32) { set(.number(String(value))) }
    func encode(_ value: UInt64) { set(.number(String(value))) }
    func encode<T: Encodable>(_ value: T) throws {
        // The same box: a wrapper that encodes its wrapped value stands for it.
        try value.encode(to: TreeValueEncoder(box: box, node: node))
    }
}
