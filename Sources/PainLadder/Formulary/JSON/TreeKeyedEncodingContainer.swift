/// Writes an object's members into its ``EncodingBox``.
struct TreeKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let node: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }

    func encodeNil(forKey key: Key) { box.set(key.stringValue, .value(.null)) }
    func encode(_ value: Bool, forKey key: Key) { box.set(key.stringValue, .value(.bool(value))) }
    func encode(_ value: String, forKey key: Key) { box.set(key.stringValue, .value(.string(value))) }
    func encode(_ value: Double, forKey key: Key) throws {
        box.set(key.stringValue, .value(try TreeEncoding.number(value, node: node, key: key)))
    }
    func encode(_ value: Float, forKey key: Key) throws {
        box.set(key.stringValue, .value(try TreeEncoding.number(value, node: node, key: key)))
    }
    func encode(_ value: Int, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: Int8, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: Int16, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: Int32, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: Int64, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: UInt, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: UInt8, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: UInt16, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: UInt32, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode(_ value: UInt64, forKey key: Key) { box.set(key.stringValue, .value(.number(String(value)))) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try TreeEncoding.child(value, node: node, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingBox()
        box.set(key.stringValue, .box(child))
        return TreeValueEncoder(box: child, node: CodingPathNode(parent: node, key: key)).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodingBox()
        box.set(key.stringValue, .box(child))
        return TreeValueEncoder(box: child, node: CodingPathNode(parent: node, key: key)).unkeyedContainer()
    }

    func superEncoder() -> any Encoder { superEncoder(key: "super") }
    func superEncoder(forKey key: Key) -> any Encoder { superEncoder(key: key.stringValue) }

    private func superEncoder(key: String) -> any Encoder {
        let child = EncodingBox()
        box.set(key, .box(child))
        return TreeValueEncoder(box: child, node: node)
    }
}
