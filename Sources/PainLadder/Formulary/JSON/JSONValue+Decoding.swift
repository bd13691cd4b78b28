import Foundation

/// Turning one tree value into a Swift value, with the `DecodingError`s JSONDecoder throws
/// for the same mistakes (so formulary messages say "is null", "has the wrong type
/// (expected Int)", "is missing" as before).
extension JSONValue {
    /// Decodes any `Decodable`. The scalar types are recognised by comparing metatypes,
    /// which costs nothing, unlike the protocol casts JSONDecoder makes; everything else
    /// decodes itself through a ``TreeValueDecoder``.
    func decode<T: Decodable>(_ type: T.Type, at location: TreeLocation, marks: ReadMarks) throws -> T {
        if T.self == String.self { return try decodeString(at: location) as! T }
        if T.self == Int.self { return try decodeInteger(Int.self, at: location) as! T }
        if T.self == Double.self { return try decodeFloatingPoint(Double.self, at: location) as! T }
        if T.self == Bool.self { return try decodeBool(at: location) as! T }
        // JSONDecoder reads these two from a number and a string, not their Codable forms.
        if T.self == Decimal.self { return try decodeDecimal(at: location) as! T }
        if T.self == URL.self { return try decodeURL(at: location) as! T }
        return try T(from: TreeValueDecoder(self, node: location.node, marks: marks))
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    func decodeString(at location: TreeLocation) throws -> String {
        guard case let .string(text) = self else { throw mismatch(String.self, at: location) }
        return text
    }

    func decodeBool(at location: TreeLocation) throws -> Bool {
        guard case let .bool(flag) = self else { throw mismatch(Bool.self, at: location) }
        return flag
    }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, at location: TreeLocation) throws -> I {
        guard case let .number(text) = self else { throw mismatch(I.self, at: location) }
        switch JSONNumber.integer(text, as: I.self) {
        case let .success(value): return value
        case .failure(.notWhole):
            throw DecodingError.dataCorrupted(.init(
                codingPath: location.codingPath, debugDescription: "\(text) is not a whole number (expected \(I.self))"))
        case .failure(.outOfRange):
            throw DecodingError.dataCorrupted(.init(
                codingPath: location.codingPath, debugDescription: "\(text) does not fit in \(I.self)"))
        }
    }

    func decodeFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ type: F.Type, at location: TreeLocation) throws -> F {
        guard case let .number(text) = self else { throw mismatch(F.self, at: location) }
        switch JSONNumber.floatingPoint(text, as: F.self) {
        case let .success(value): return value
        case .failure:
            throw DecodingError.dataCorrupted(.init(
                codingPath: location.codingPath, debugDescription: "\(text) is not representable as \(F.self)"))
        }
    }

    private func decodeDecimal(at location: TreeLocation) throws -> Decimal {
        guard case let .number(text) = self else { throw mismatch(Decimal.self, at: location) }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: location.codingPath, debugDescription: "\(text) is not representable as Decimal"))
        }
        return value
    }

    private func decodeURL(at location: TreeLocation) throws -> URL {
        let text = try decodeString(at: location)
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: location.codingPath, debugDescription: "Invalid URL string."))
        }
        return url
    }

    /// `valueNotFound` for null, `typeMismatch` for anything else: what JSONDecoder throws.
    private func mismatch(_ type: Any.Type, at location: TreeLocation) -> DecodingError {
        if isNull {
            return .valueNotFound(type, .init(
                codingPath: location.codingPath, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return typeMismatch(type, codingPath: location.codingPath)
    }

    func typeMismatch(_ type: Any.Type, codingPath: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath,
                                  debugDescription: "Expected to decode \(type) but found \(kindDescription) instead."))
    }
}
