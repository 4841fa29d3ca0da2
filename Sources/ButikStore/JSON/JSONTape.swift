import Foundation

/// JSON text (RFC 8259) checked and split into a flat list of values that point into its bytes:
/// what ``StoreDecoder`` decodes from. Built in one pass without recursion, so no input,
/// however deep, can exhaust the stack; anything that is not JSON is a ``DecodingError``.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array
        /// A string of ASCII characters without escapes: its bytes are its text.
        case string
        /// A string without escapes, not all ASCII: its bytes are its UTF-8, if valid.
        case unicodeString
        /// A string holding `\` escapes.
        case escapedString
        /// A number without fraction or exponent.
        case integer
        case number
        case `true`, `false`, null
    }

    struct Value {
        var kind: Kind
        /// Scalars: where the bytes begin (a string's after its opening quote). Objects and
        /// arrays: where the bracket is.
        var start: UInt32
        /// Scalars: where the bytes end (a string's before its closing quote). Objects: the
        /// number of members; arrays: of elements.
        var end: UInt32
        /// The index just after this value and everything in it.
        var next: UInt32
    }

    /// The values in document order; an object's members follow it as key, value, key, value.
    private(set) var values: [Value] = []

    /// Checks and splits `bytes`, which must hold exactly one JSON value (and white space).
    init(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count < Int(UInt32.max) else { throw JSONTape.invalid("it is larger than 4 GB", at: 0) }
        // Generous: memory reserved but never touched costs nothing, and growing copies it all.
        values.reserveCapacity(bytes.count / 4 + 1)
        var scanner = Scanner(bytes: bytes)
        var open: [Int] = []  // indexes of the objects and arrays not yet closed
        scanner.skipSpace()
        try value(&scanner, open: &open)
        while let container = open.last {
            scanner.skipSpace()
            let isObject = values[container].kind == .object
            if scanner.peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                scanner.position += 1
                values[container].next = UInt32(values.count)
                open.removeLast()
                continue
            }
            if values[container].end > 0 {
                guard scanner.peek() == UInt8(ascii: ",") else {
                    throw JSONTape.invalid(isObject ? "expected , or } after a member" : "expected , or ] after an element",
                                           at: scanner.position)
                }
                scanner.position += 1
                scanner.skipSpace()
            }
            try member(&scanner, open: &open, in: container, isObject: isObject)
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw JSONTape.invalid("unexpected text after the value", at: scanner.position) }
    }

    /// Reads the next member of `container` (key and value of an object, or an element).
    private mutating func member(_ scanner: inout Scanner, open: inout [Int], in container: Int, isObject: Bool) throws {
        values[container].end += 1
        if isObject {
            guard scanner.peek() == UInt8(ascii: "\"") else { throw JSONTape.invalid("expected a key in quotes", at: scanner.position) }
            try string(&scanner)
            scanner.skipSpace()
            guard scanner.peek() == UInt8(ascii: ":") else { throw JSONTape.invalid("expected : after a key", at: scanner.position) }
            scanner.position += 1
            scanner.skipSpace()
        }
        try value(&scanner, open: &open)
    }

    /// Reads a value; an object or array is only opened.
    private mutating func value(_ scanner: inout Scanner, open: inout [Int]) throws {
        let start = scanner.position
        switch scanner.peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // Opened only: its members are read by the loop in `init`, so nesting costs no stack.
            open.append(values.count)
            values.append(Value(kind: scanner.peek() == UInt8(ascii: "{") ? .object : .array, start: UInt32(start), end: 0, next: 0))
            scanner.position += 1
        case UInt8(ascii: "\""):
            try string(&scanner)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let integer = try scanner.number()
            append(integer ? .integer : .number, from: start, to: scanner.position)
        case UInt8(ascii: "t"):
            try scanner.literal("true")
            append(.true, from: start, to: scanner.position)
        case UInt8(ascii: "f"):
            try scanner.literal("false")
            append(.false, from: start, to: scanner.position)
        case UInt8(ascii: "n"):
            try scanner.literal("null")
            append(.null, from: start, to: scanner.position)
        default:
            throw JSONTape.invalid(scanner.atEnd ? "it ends where a value was expected" : "expected a value", at: start)
        }
    }

    private mutating func string(_ scanner: inout Scanner) throws {
        let (start, end, escaped, ascii) = try scanner.string()
        append(escaped ? .escapedString : ascii ? .string : .unicodeString, from: start, to: end)
    }

    private mutating func append(_ kind: Kind, from start: Int, to end: Int) {
        values.append(Value(kind: kind, start: UInt32(start), end: UInt32(end), next: UInt32(values.count + 1)))
    }

    static func invalid(_ what: String, at offset: Int) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "The data is not valid JSON: \(what) (byte \(offset + 1))"))
    }
}

/// Reads JSON tokens from bytes.
private struct Scanner {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    /// The byte at the position, or 0 at the end (never valid there).
    func peek() -> UInt8 { position < bytes.count ? bytes[position] : 0 }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func literal(_ text: StaticString) throws {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[position + $0] == text.utf8Start[$0] }) else {
            throw JSONTape.invalid("expected a value", at: position)
        }
        position += count
    }

    /// A string from its opening quote: where its content begins and ends, whether it holds
    /// escapes (each one checked here) and whether it is all ASCII.
    mutating func string() throws -> (start: Int, end: Int, escaped: Bool, ascii: Bool) {
        position += 1
        let start = position
        var escaped = false
        var high: UInt64 = 0
        while position < bytes.count {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while position + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                guard !Scanner.mayEndOrEscape(word) else { break }
                high |= word
                position += 8
            }
            guard position < bytes.count else { break }
            let byte = bytes[position]
            high |= UInt64(byte)
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start, position - 1, escaped, high & 0x8080_8080_8080_8080 == 0)
            }
            if byte < 0x20 { throw JSONTape.invalid("a control character in a string", at: position) }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                switch peek() {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    guard position + 4 < bytes.count,
                          (1...4).allSatisfy({ JSONText.hexValue(bytes[position + $0]) != nil }) else {
                        throw JSONTape.invalid("a \\u escape without four hex digits", at: position)
                    }
                    position += 4
                default:
                    throw JSONTape.invalid("an unknown escape in a string", at: position)
                }
            }
            position += 1
        }
        throw JSONTape.invalid("a string without its closing quote", at: start - 1)
    }

    /// Whether any byte of `word` is `"`, `\\` or below 0x20.
    private static func mayEndOrEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. True when it has
    /// neither fraction nor exponent.
    mutating func number() throws -> Bool {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() > 0 else { throw JSONTape.invalid("a number without digits", at: start) }
        }
        var integer = true
        if peek() == UInt8(ascii: ".") {
            position += 1
            integer = false
            guard digits() > 0 else { throw JSONTape.invalid("a number without digits after its point", at: start) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            integer = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw JSONTape.invalid("a number without digits in its exponent", at: start) }
        }
        return integer
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }
}

/// Turning the bytes of JSON scalars into values.
enum JSONText {
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The UTF-8 of an escaped string's content (escapes checked by the tape); nil for a `\u`
    /// escape of half a surrogate pair.
    static func unescaped(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | hexValue(bytes[at + $1])! }
        }
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = bytes[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                    let low = hex4(i + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    return nil
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default: out.append(escape)  // " \ /
            }
        }
        return out
    }

    /// Whether `a` sorts strictly before `b`, byte by byte (a prefix first).
    static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? order < 0 : a.count < b.count
    }

    /// An integer's value; nil when it does not fit in `Int`.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { i = 1 }
        var value = 0
        while i < bytes.count {
            let digit = Int(bytes[i] - UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            i += 1
        }
        return value
    }

    /// A number's value as the closest `Double` (nil only beyond its range).
    static func double(_ bytes: UnsafeRawBufferPointer, integer: Bool) -> Double? {
        // Up to 15 digits an integer is exact as a Double: the same value parsing would give.
        if integer, bytes.count <= 15, let value = self.integer(bytes) { return Double(value) }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
