/// Appends an array's items to its ``EncodingBox``.
struct TreeUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let box: EncodingBox
    let node: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(node) }
    var count: Int { box.children.count }

    private var nextKey: IndexKey { IndexKey(box.children.count) }

    func encodeNil() { box.children.append(.value(.null)) }
    func encode(_ value: Bool) { box.children.append(.value(.bool(value))) }
    func encode(_ value: String) { box.children.append(.value(.string(value))) }
    func encode(_ value: Double) throws { box.children.append(.value(try TreeEncoding.number(value, node: node, key: nextKey))) }
    func encode(_ value: Float) throws { box.children.append(.value(try TreeEncoding.number(value, node: node, key: nextKey))) }
    func encode(_ value: Int) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: Int8) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: Int16) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: Int32) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: Int64) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: UInt) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: UInt8) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: UInt16) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: UInt32) { box.children.append(.value(.number(String(value)))) }
    func encode(_ value: UInt64) { box.children.append(.value(.number(String(value)))) }
    func encode<T: Encodable>(_ value: T) throws {
        box.children.append(try TreeEncoding.child(value, node: node, key: nextKey))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingBox()
        let encoder = TreeValueEncoder(box: child, node: CodingPathNode(parent: node, key: nextKey))
        box.children.append(.box(child))
        return encoder.container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = EncodingBox()
        let encoder = TreeValueEncoder(box: child, node: CodingPathNode(parent: node, key: nextKey))
        box.children.append(.box(child))
        return encoder.unkeyedContainer()
    }

    func superEncoder() -> any Encoder {
        let child = EncodingBox()
        let encoder = TreeValueEncoder(box: child, node: CodingPathNode(parent: node, key: nextKey))
        box.children.append(.box(child))
        return encoder
    }
}
