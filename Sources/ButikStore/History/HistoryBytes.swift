import ButikDomain
import Foundation

/// The bytes of a `history.bin` bucket (schema 3): whole numbers as LEB128 varints (signed ones
/// zigzagged), text as its UTF-8 length and bytes, a date as the 8 bytes of its
/// `timeIntervalSince1970` (exact, little-endian), a list as its count and its elements. No
/// names and no punctuation: a year's file is a third of the JSON it replaced, and writing it
/// is copying a few bytes a field.
struct HistoryOut {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func date(_ date: Date) {
        let bits = date.timeIntervalSince1970.bitPattern
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * index))) }
    }

    /// Pieces already written in this form.
    mutating func raw(_ piece: [UInt8]) { bytes.append(contentsOf: piece) }
}

/// Reads what ``HistoryOut`` wrote, checking every step: bytes that are not what this program
/// writes (even with a right checksum) throw ``Bad``, never trap.
struct HistoryIn {
    /// Why bytes cannot be read, for the damage named.
    struct Bad: Error, Equatable {
        var reason: String
    }

    private let bytes: UnsafeRawBufferPointer
    private var at = 0

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// What `read` reads from `bytes`, which must be all of them.
    static func whole<Value>(_ bytes: [UInt8], _ read: (inout HistoryIn) throws(Bad) -> Value) throws(Bad) -> Value {
        let result = bytes.withUnsafeBytes { bytes -> Result<Value, Bad> in
            var input = HistoryIn(bytes)
            return Result { () throws(Bad) in
                let value = try read(&input)
                guard input.at == input.bytes.count else { throw Bad(reason: "bytes follow its last value") }
                return value
            }
        }
        return try result.get()
    }

    mutating func byte() throws(Bad) -> UInt8 {
        guard at < bytes.count else { throw Bad(reason: "it ends in the middle of a value") }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func unsigned() throws(Bad) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let next = try byte()
            guard shift < 63 || next <= 1 else { break }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
        }
        throw Bad(reason: "a number is longer than 64 bits")
    }

    mutating func int() throws(Bad) -> Int {
        let zigzag = try unsigned()
        return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    /// A number in `range`, for `what`.
    mutating func int(in range: ClosedRange<Int>, _ what: @autoclosure () -> String) throws(Bad) -> Int {
        let value = try int()
        guard range.contains(value) else { throw Bad(reason: "\(what()) \(value) is out of range") }
        return value
    }

    /// How many elements a list has: no more than bytes are left (each takes at least one).
    mutating func count() throws(Bad) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - at) else { throw Bad(reason: "a list is longer than what holds it") }
        return Int(count)
    }

    mutating func string() throws(Bad) -> String {
        let length = try unsigned()
        guard length <= UInt64(bytes.count - at) else { throw Bad(reason: "a text is longer than what holds it") }
        let utf8 = UnsafeRawBufferPointer(rebasing: bytes[at..<at + Int(length)])
        at += Int(length)
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Bad(reason: "a text is not UTF-8") }
        return text
    }

    /// A date in ``Ranges/dates``, as the journal's are.
    mutating func date() throws(Bad) -> Date {
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(try byte()) << (8 * index) }
        let date = Date(timeIntervalSince1970: Double(bitPattern: bits))
        guard Ranges.dates.contains(date) else { throw Bad(reason: "a date is out of range") }
        return date
    }
}

/// A piece of `history.bin` that writes its bytes (see ``HistoryOut``).
protocol HistoryWritable {
    func write(to out: inout HistoryOut)
}

/// A piece of `history.bin` that also reads them back.
protocol HistoryCodable: HistoryWritable {
    init(from input: inout HistoryIn) throws(HistoryIn.Bad)
}

extension Array: HistoryWritable where Element: HistoryWritable {
    func write(to out: inout HistoryOut) {
        out.unsigned(UInt64(count))
        for element in self { element.write(to: &out) }
    }
}

extension Array: HistoryCodable where Element: HistoryCodable {
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) {
        let count = try input.count()
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &input)) }
    }
}

extension Int: HistoryCodable {
    func write(to out: inout HistoryOut) { out.int(self) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) { self = try input.int() }
}

extension String: HistoryCodable {
    func write(to out: inout HistoryOut) { out.string(self) }
    init(from input: inout HistoryIn) throws(HistoryIn.Bad) { self = try input.string() }
}
