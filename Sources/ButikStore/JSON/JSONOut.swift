import Foundation

/// JSON written by hand into bytes, for values written in bulk whose types write themselves
/// (``JSONWritable``): the same text ``StoreEncoder`` writes for them, without the machinery of
/// `Encodable` (containers, boxes, a call through a witness per value).
///
/// Commas come by themselves: a value or key after another in the same container gets one.
struct JSONOut {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another in its container.
    private var follows = false

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if follows { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func openObject() { separate(); bytes.append(UInt8(ascii: "{")); follows = false }
    mutating func closeObject() { bytes.append(UInt8(ascii: "}")); follows = true }
    mutating func openArray() { separate(); bytes.append(UInt8(ascii: "[")); follows = false }
    mutating func closeArray() { bytes.append(UInt8(ascii: "]")); follows = true }

    /// A key of the object being written; its value comes next.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        follows = false
    }

    mutating func string(_ text: String) { separate(); JSONOut.append(string: text, to: &bytes); follows = true }

    mutating func int(_ value: Int) { separate(); JSONOut.append(integer: value, to: &bytes); follows = true }

    /// A date as milliseconds since 1970, as the store's files keep dates.
    mutating func date(_ date: Date) throws { try number(date.timeIntervalSince1970 * 1000) }

    mutating func number(_ value: Double) throws { separate(); try JSONOut.append(number: value, to: &bytes); follows = true }

    /// A whole value already written as JSON.
    mutating func raw(_ json: [UInt8]) { separate(); bytes.append(contentsOf: json); follows = true }

    // MARK: Scalars, shared with ``JSONByteWriter``

    /// A JSON string: quotes, backslashes and controls escaped, everything else as it is.
    static func append(string text: String, to bytes: inout [UInt8]) {
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
    static func append(integer value: some BinaryInteger, to bytes: inout [UInt8]) {
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
    static func append(number value: Double, to bytes: inout [UInt8]) throws {
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

/// A value that writes itself as JSON (see ``JSONOut``), as its `Encodable` conformance
/// would through ``StoreEncoder``; by default it goes through that conformance.
protocol JSONWritable {
    func write(to out: inout JSONOut) throws
}

extension JSONWritable where Self: Encodable {
    func write(to out: inout JSONOut) throws { out.raw(try StoreEncoder().encode(self)) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to out: inout JSONOut) throws {
        out.openArray()
        for element in self { try element.write(to: &out) }
        out.closeArray()
    }
}

extension Int: JSONWritable {
    func write(to out: inout JSONOut) { out.int(self) }
}

extension String: JSONWritable {
    func write(to out: inout JSONOut) { out.string(self) }
}
