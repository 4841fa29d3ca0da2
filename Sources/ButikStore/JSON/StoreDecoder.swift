import Foundation

/// Decodes `Decodable` values from JSON, as ``StoreCoding/encoder()`` writes it: dates as
/// milliseconds since 1970, checked against `dateRange`. The store's own reader for journal
/// entries and snapshots, several times quicker than `JSONDecoder`: the text is checked and
/// split once (``JSONTape``), and a keyed container finds its fields by walking the object's
/// few members instead of building a dictionary of them.
///
/// Errors are `DecodingError`s with the coding path of the value, as `JSONDecoder` throws
/// them, so ``DecodingProblem`` names the field; nothing read can make it trap.
struct StoreDecoder {
    /// The times a date may hold; nil for any.
    var dateRange: Range<Date>?

    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { try decode(type, from: $0) }
    }

    func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let reader = TapeReader(bytes: bytes, tape: try JSONTape(bytes), dateRange: dateRange)
        return try reader.decode(type, at: 0)
    }
}

/// One decoding's bytes and tape.
///
/// Decoders and containers know only the tape index of their value; a coding path is worked out
/// from the tape when one is asked for (errors, and range checks that fail), so decoding keeps
/// no path while all goes well.
final class TapeReader {
    let bytes: UnsafeRawBufferPointer
    let values: [JSONTape.Value]
    let dateRange: Range<Date>?

    init(bytes: UnsafeRawBufferPointer, tape: JSONTape, dateRange: Range<Date>?) {
        self.bytes = bytes
        values = tape.values
        self.dateRange = dateRange
    }

    /// The keys and positions from the top of the document down to the value at `target`.
    func codingPath(_ target: Int) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var node = 0
        descending: while node < target {
            let container = values[node]
            guard container.kind == .object || container.kind == .array else { break }
            var child = node + 1
            for position in 0..<Int(container.end) {
                let value = container.kind == .object ? child + 1 : child
                if target < Int(values[value].next) {
                    path.append(container.kind == .object ? NameKey(stringValue: keyText(child)) : IndexKey(intValue: position))
                    node = value
                    continue descending
                }
                child = Int(values[value].next)
            }
            break
        }
        return path
    }

    func kind(_ index: Int) -> JSONTape.Kind { values[index].kind }

    func scalarBytes(_ index: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(values[index].start)..<Int(values[index].end)])
    }

    // MARK: Values

    /// The value at `index`.
    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        if T.self == Date.self { return try date(at: index) as! T }
        if T.self == String.self { return try string(at: index) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index) as! T }
        if let value = quickly(T.self, at: index) { return value }
        return try T(from: TapeDecoder(reader: self, index: index))
    }

    func string(at index: Int) throws -> String {
        let value = values[index]
        switch value.kind {
        case .string:
            return String(decoding: scalarBytes(index), as: UTF8.self)
        case .unicodeString:
            if let text = String(validating: scalarBytes(index), as: UTF8.self) { return text }
        case .escapedString:
            if let utf8 = JSONText.unescaped(scalarBytes(index)), let text = String(validating: utf8, as: UTF8.self) { return text }
        default:
            throw mismatch(String.self, at: index)
        }
        throw corrupted("a string is not valid UTF-8", at: index)
    }

    func bool(at index: Int) throws -> Bool {
        switch values[index].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, at: index)
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws -> T {
        let kind = values[index].kind
        guard kind == .integer || kind == .number else { throw mismatch(T.self, at: index) }
        let text = scalarBytes(index)
        if kind == .integer, let value = JSONText.integer(text), let exact = T(exactly: value) { return exact }
        if let value = JSONText.double(text, integer: kind == .integer), let exact = T(exactly: value) { return exact }
        throw corrupted("Parsed JSON number <\(String(decoding: text, as: UTF8.self))> does not fit in \(T.self).", at: index)
    }

    func double(at index: Int) throws -> Double {
        let kind = values[index].kind
        guard kind == .integer || kind == .number else { throw mismatch(Double.self, at: index) }
        let text = scalarBytes(index)
        guard let value = JSONText.double(text, integer: kind == .integer) else {
            throw corrupted("Number \(String(decoding: text, as: UTF8.self)) is not representable in Swift.", at: index)
        }
        return value
    }

    /// Milliseconds since 1970, within ``dateRange``.
    func date(at index: Int) throws -> Date {
        let milliseconds = try double(at: index)
        let date = Date(timeIntervalSince1970: milliseconds / 1000)
        if let dateRange, !dateRange.contains(date) {
            throw corrupted(StoreCoding.outOfRange(milliseconds: milliseconds, dateRange), at: index)
        }
        return date
    }

    // MARK: Errors

    /// The value is not a `type` (`null` is a missing value, as for `JSONDecoder`).
    func mismatch(_ type: Any.Type, at index: Int) -> DecodingError {
        guard values[index].kind != .null else {
            return .valueNotFound(type, DecodingError.Context(
                codingPath: codingPath(index), debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return .typeMismatch(type, DecodingError.Context(
            codingPath: codingPath(index), debugDescription: "Expected to decode \(type) but found \(values[index].kind) instead."))
    }

    func corrupted(_ description: String, at index: Int) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath(index), debugDescription: description))
    }
}

/// An object member's key in a coding path worked out from the tape.
struct NameKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    var intValue: Int? { nil }
}

/// The key of an array element in a coding path: `[3]`.
struct IndexKey: CodingKey {
    let intValue: Int?
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
    var stringValue: String { "Index \(intValue ?? 0)" }
}

/// A decoder for one value of the tape.
struct TapeDecoder: Decoder {
    let reader: TapeReader
    let index: Int

    var codingPath: [any CodingKey] { reader.codingPath(index) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard reader.kind(index) == .object else { throw reader.mismatch([String: Any].self, at: index) }
        return KeyedDecodingContainer(KeyedTapeContainer<Key>(reader: reader, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard reader.kind(index) == .array else { throw reader.mismatch([Any].self, at: index) }
        return UnkeyedTapeContainer(reader: reader, array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
}

extension TapeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { reader.kind(index) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try reader.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(at: index) }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: index)) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(type, at: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(type, at: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(type, at: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(type, at: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(type, at: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(type, at: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(type, at: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(type, at: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(type, at: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(type, at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self { return try reader.date(at: index) as! T }
        return try T(from: self)
    }
}

/// An object's members, found by key.
struct KeyedTapeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: TapeReader
    let object: Int

    var codingPath: [any CodingKey] { reader.codingPath(object) }

    var allKeys: [Key] {
        var keys: [Key] = []
        forEachMember { key, _ in
            if let found = Key(stringValue: reader.keyText(key)) { keys.append(found) }
            return true
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    /// Calls `body` with each member's key and value index until it returns false.
    private func forEachMember(_ body: (_ key: Int, _ value: Int) -> Bool) {
        let values = reader.values
        var index = object + 1
        for _ in 0..<Int(values[object].end) {
            guard body(index, index + 1) else { return }
            index = Int(values[index + 1].next)
        }
    }

    /// The value of the first member named `key`.
    private func find(_ key: any CodingKey) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { wanted -> Int? in
            var found: Int?
            forEachMember { key, value in
                if reader.keyEquals(key, UnsafeRawBufferPointer(wanted)) { found = value }
                return found == nil
            }
            return found
        }
    }

    /// The value of `key`, made current; missing, it is a `keyNotFound` error.
    private func value(_ key: any CodingKey) throws -> Int {
        guard let index = find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return index
    }

    func decodeNil(forKey key: Key) throws -> Bool { reader.kind(try value(key)) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader.double(at: value(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(type, at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.integer(type, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.integer(type, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(type, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.integer(type, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.integer(type, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.integer(type, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.integer(type, at: value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.integer(type, at: value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.integer(type, at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.decode(type, at: value(key))
    }

    /// A missing member or `null` is nil; one lookup.
    private func present(_ key: Key) -> Int? {
        guard let index = find(key), reader.kind(index) != .null else { return nil }
        return index
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try reader.bool(at: $0) }
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try reader.string(at: $0) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try reader.integer(type, at: $0) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try reader.decode(type, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(reader: reader, index: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(reader: reader, index: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: SuperKey()) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key) }

    private func superDecoder(named key: any CodingKey) throws -> any Decoder {
        TapeDecoder(reader: reader, index: try value(key))
    }

    private struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

/// An array's elements, in order.
struct UnkeyedTapeContainer: UnkeyedDecodingContainer {
    let reader: TapeReader
    let array: Int
    /// The next element's tape index.
    private var next: Int
    let count: Int?
    private(set) var currentIndex = 0

    init(reader: TapeReader, array: Int) {
        self.reader = reader
        self.array = array
        next = array + 1
        count = Int(reader.values[array].end)
    }

    var codingPath: [any CodingKey] { reader.codingPath(array) }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    /// The next element's index, made current; the position moves past it.
    private mutating func advance() throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(
                codingPath: codingPath + [IndexKey(intValue: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let index = next
        next = Int(reader.values[index].next)
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, reader.kind(next) == .null else { return false }
        _ = try advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: advance()) }
    mutating func decode(_ type: String.Type) throws -> String { try reader.string(at: advance()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try reader.double(at: advance()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: advance())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(type, at: advance()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(type, at: advance()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(type, at: advance()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(reader: reader, index: advance()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(reader: reader, index: advance()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { TapeDecoder(reader: reader, index: try advance()) }
}

extension TapeReader {
    /// Whether the key at `index` is exactly `wanted` (its escapes resolved).
    func keyEquals(_ index: Int, _ wanted: UnsafeRawBufferPointer) -> Bool {
        let value = values[index]
        if value.kind != .escapedString {
            let count = Int(value.end - value.start)
            guard count == wanted.count else { return false }
            guard count > 0 else { return true }
            return memcmp(bytes.baseAddress! + Int(value.start), wanted.baseAddress!, count) == 0
        }
        guard let unescaped = JSONText.unescaped(scalarBytes(index)) else { return false }
        return unescaped.elementsEqual(wanted)
    }

    /// A key's text (bytes that are not UTF-8 shown as U+FFFD), for coding paths and `allKeys`.
    func keyText(_ index: Int) -> String {
        let raw = scalarBytes(index)
        guard values[index].kind == .escapedString, let unescaped = JSONText.unescaped(raw) else {
            return String(decoding: raw, as: UTF8.self)
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}
