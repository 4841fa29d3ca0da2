import Foundation

/// Encodes `Encodable` values as JSON bytes directly, without the tree of values Foundation's
/// `JSONEncoder` builds first: for the snapshot, written whole after every thousand lines,
/// several times quicker. Dates are milliseconds since 1970, as ``StoreCoding/encoder()``
/// writes them and ``StoreDecoder`` reads them; keys come in the order a type encodes them (not
/// sorted); a number that is not finite cannot be written and throws.
///
/// Containers are used one after the other, as synthesized conformances do: writing into a
/// container closes whatever was opened inside it before.
struct StoreEncoder {
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = JSONByteWriter()
        try writer.encodeValue(value)
        writer.close(downTo: 0)
        return writer.bytes
    }
}

/// The bytes being written and the containers open, innermost last.
final class JSONByteWriter: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Each open container's closing byte and how many elements it has.
    private var open: [(close: UInt8, count: Int)] = []
    /// How many containers were open when the value being encoded began, and whether it opened
    /// its own (or wrote a single value) yet.
    private var valueDepth = 0
    private var valueStarted = false

    init() { bytes.reserveCapacity(4096) }

    /// Writes `value`: dates as milliseconds, anything else through its `encode(to:)`; a value
    /// that writes nothing is an empty object, as with `JSONEncoder`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if let date = value as? Date {
            try number(date.timeIntervalSince1970 * 1000)
            return
        }
        let (depth, started) = (valueDepth, valueStarted)
        defer { (valueDepth, valueStarted) = (depth, started) }
        valueDepth = open.count
        valueStarted = false
        try value.encode(to: self)
        if !valueStarted { bytes.append(contentsOf: "{}".utf8) }
        close(downTo: valueDepth)
    }

    /// Closes the containers opened inside the first `depth`.
    func close(downTo depth: Int) {
        while open.count > depth { bytes.append(open.removeLast().close) }
    }

    /// Before an element of the container at `depth` (1-based): closes what was opened inside
    /// it since, and writes the comma.
    func element(in depth: Int) {
        close(downTo: depth)
        if open[depth - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[depth - 1].count += 1
    }

    func key(_ key: some CodingKey, in depth: Int) {
        element(in: depth)
        string(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Opens a container (`{` or `[`) and returns its depth.
    func openContainer(_ opening: UInt8, _ closing: UInt8) -> Int {
        bytes.append(opening)
        open.append((closing, 0))
        return open.count
    }

    /// The container of the value being encoded: opened on the first request, the same one after.
    private func valueContainer(_ opening: UInt8, _ closing: UInt8) -> Int {
        if valueStarted, open.count > valueDepth { return valueDepth + 1 }
        valueStarted = true
        return openContainer(opening, closing)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer: self, depth: valueContainer(UInt8(ascii: "{"), UInt8(ascii: "}"))))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedWriter(writer: self, depth: valueContainer(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        valueStarted = true
        return SingleValueWriter(writer: self)
    }

    // MARK: Scalars

    func string(_ text: String) { Self.append(string: text, to: &bytes) }

    func number(_ value: Double) throws { try Self.append(number: value, to: &bytes) }

    func integer(_ value: some BinaryInteger) { Self.append(integer: value, to: &bytes) }

    func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    func null() { bytes.append(contentsOf: "null".utf8) }

    /// A JSON string: quotes, backslashes and controls escaped, everything else as it is.
    private static func append(string text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)  // the common case: nothing to escape, one copy
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Decimal digits, without going through a `String`.
    private static func append(integer value: some BinaryInteger, to bytes: inout [UInt8]) {
        guard let small = Int64(exactly: value) else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        if small < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = small.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // up to 20 digits, backwards
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var count = 0
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            return count
        }
        withUnsafeBytes(of: &digits) { buffer in
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A finite number: whole ones as integers, others as Swift writes them; throws for one
    /// that is not finite, which JSON cannot hold.
    private static func append(number value: Double, to bytes: inout [UInt8]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) cannot be written as JSON"))
        }
        if value == value.rounded(), abs(value) < 9.0e15 {
            append(integer: Int64(value), to: &bytes)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { writer.key(key, in: depth); writer.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { writer.key(key, in: depth); writer.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { writer.key(key, in: depth); writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { writer.key(key, in: depth); try writer.number(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.key(key, in: depth); try writer.number(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { writer.key(key, in: depth); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { writer.key(key, in: depth); try writer.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.key(key, in: depth)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer, depth: writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"))))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.key(key, in: depth)
        return UnkeyedWriter(writer: writer, depth: writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    /// The value under the key for a superclass to write (it must write one).
    private func superEncoder(named name: String) -> any Encoder {
        writer.element(in: depth)
        writer.string(name)
        writer.bytes.append(UInt8(ascii: ":"))
        return NestedValueEncoder(writer: writer)
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: JSONByteWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count = 0

    private mutating func next() {
        writer.element(in: depth)
        count += 1
    }

    mutating func encodeNil() throws { next(); writer.null() }
    mutating func encode(_ value: Bool) throws { next(); writer.bool(value) }
    mutating func encode(_ value: String) throws { next(); writer.string(value) }
    mutating func encode(_ value: Double) throws { next(); try writer.number(value) }
    mutating func encode(_ value: Float) throws { next(); try writer.number(Double(value)) }
    mutating func encode(_ value: Int) throws { next(); writer.integer(value) }
    mutating func encode(_ value: Int8) throws { next(); writer.integer(value) }
    mutating func encode(_ value: Int16) throws { next(); writer.integer(value) }
    mutating func encode(_ value: Int32) throws { next(); writer.integer(value) }
    mutating func encode(_ value: Int64) throws { next(); writer.integer(value) }
    mutating func encode(_ value: UInt) throws { next(); writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { next(); writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { next(); writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { next(); writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { next(); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { next(); try writer.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer, depth: writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"))))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return UnkeyedWriter(writer: writer, depth: writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    mutating func superEncoder() -> any Encoder {
        next()
        return NestedValueEncoder(writer: writer)
    }
}

private struct SingleValueWriter: SingleValueEncodingContainer {
    let writer: JSONByteWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.null() }
    mutating func encode(_ value: Bool) throws { writer.bool(value) }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { try writer.number(value) }
    mutating func encode(_ value: Float) throws { try writer.number(Double(value)) }
    mutating func encode(_ value: Int) throws { writer.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.integer(value) }
    mutating func encode(_ value: Int16) throws { writer.integer(value) }
    mutating func encode(_ value: Int32) throws { writer.integer(value) }
    mutating func encode(_ value: Int64) throws { writer.integer(value) }
    mutating func encode(_ value: UInt) throws { writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
}

/// The encoder a superclass writes its value through, in the place already keyed for it.
private struct NestedValueEncoder: Encoder {
    let writer: JSONByteWriter
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer: writer, depth: writer.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"))))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedWriter(writer: writer, depth: writer.openContainer(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueWriter(writer: writer) }
}
