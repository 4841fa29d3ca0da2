import Foundation
@testable import ButikStore

/// The ways the fuzzers damage a file. Raw damage (flips, cuts, zeros) is what disks and crashes
/// do; resealed damage changes a value inside a journal line or snapshot and puts a correct
/// checksum back, as a buggy program or a hand edit would, so the decoders themselves are tried.
enum Mutation {
    /// Values put in place of a number: the limits of the types, just past sane ranges, odd forms.
    static let numbers = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999999",
        "-1", "0", "1", "1000000000000", "999999999999999999", "4.5", "1e300", "-1e300", "2147483648",
        "253402300800000", "-62135596800001", "8640000000000000000",
    ]

    /// Values put in place of a string: control and escape sequences, bidi, empty, long, odd.
    static let strings = [
        "", "\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{202E}dlrow", "\u{2066}x\u{2069}", "Ø\u{0}Å",
        String(repeating: "Ø", count: 3000), "2026-13-45", "2026-02-30", "A0", "FLOOR", "OUT", "JEDS",
        "RR123456785SE", "posten", "waiting", "handedOut", "proxy", "👩‍👩‍👧", "\u{200B}", "-", "0000",
    ]

    /// Whole values put in place of any value.
    static var values: [Any] { [NSNull(), true, false, [Any](), [String: Any](), -1, Int.max, "x"] }

    /// One raw change to `bytes`: a flipped byte, a cut, a deleted or inserted byte, a zeroed
    /// range, or a tail of NUL bytes.
    static func raw(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        guard !bytes.isEmpty else { return [0] }
        var copy = bytes
        let offset = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: copy[offset] ^= UInt8.random(in: 1...255, using: &random)
        case 1: copy.removeSubrange(offset...)
        case 2: copy.remove(at: offset)
        case 3: copy.insert(UInt8.random(in: 0...255, using: &random), at: offset)
        case 4:
            let end = min(bytes.count, offset + Int.random(in: 1...64, using: &random))
            for index in offset..<end { copy[index] = 0 }
        default: copy += [UInt8](repeating: 0, count: Int.random(in: 1...4096, using: &random))
        }
        return copy
    }

    /// JSON text with one value changed: a number or string replaced in the text, or, through
    /// JSONSerialization, a value replaced by another kind or a key removed. Nil if it has none.
    static func json(_ text: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return replaceNumber(text, &random) ?? structural(text, &random)
        case 1: return replaceString(text, &random) ?? structural(text, &random)
        default: return structural(text, &random) ?? replaceNumber(text, &random)
        }
    }

    /// Replaces one run of digits (with its sign, fraction and exponent) outside strings.
    private static func replaceNumber(_ text: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
        let runs = numberRuns(text)
        guard let run = runs.randomElement(using: &random) else { return nil }
        let value = numbers.randomElement(using: &random)!
        return Array(text[..<run.lowerBound]) + Array(value.utf8) + Array(text[run.upperBound...])
    }

    /// Replaces the content of one string value (not a key) with a hostile one.
    private static func replaceString(_ text: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
        let runs = stringValueRuns(text)
        guard let run = runs.randomElement(using: &random) else { return nil }
        let value = strings.randomElement(using: &random)!
        guard let encoded = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) else { return nil }
        return Array(text[..<run.lowerBound]) + [UInt8](encoded) + Array(text[run.upperBound...])
    }

    /// Replaces one value anywhere in the document by another kind of value, or removes a key.
    private static func structural(_ text: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed]) else { return nil }
        var counter = 0
        count(object, &counter)
        guard counter > 1 else { return nil }
        var target = Int.random(in: 1..<counter, using: &random)  // never the whole document
        let changed = change(object, &target, &random) ?? NSNull()
        guard let data = try? JSONSerialization.data(withJSONObject: changed, options: [.sortedKeys, .fragmentsAllowed]) else {
            return nil
        }
        return [UInt8](data)
    }

    private static func count(_ value: Any, _ counter: inout Int) {
        counter += 1
        if let dictionary = value as? [String: Any] {
            for key in dictionary.keys.sorted() { count(dictionary[key]!, &counter) }
        } else if let array = value as? [Any] {
            for element in array { count(element, &counter) }
        }
    }

    /// The value with node number `target` (pre-order) changed; nil means "remove me".
    private static func change(_ value: Any, _ target: inout Int, _ random: inout SplitMix) -> Any? {
        if target == 0 {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return nil
            case 1: return values.randomElement(using: &random)!
            case 2: return strings.randomElement(using: &random)!
            default: return Double(numbers.randomElement(using: &random)!) ?? 0
            }
        }
        target -= 1
        if var dictionary = value as? [String: Any] {
            for key in dictionary.keys.sorted() where target >= 0 {
                dictionary[key] = change(dictionary[key]!, &target, &random)
            }
            return dictionary
        }
        if let array = value as? [Any] {
            var result: [Any] = []
            for element in array {
                if target >= 0 {
                    if let kept = change(element, &target, &random) { result.append(kept) }
                } else {
                    result.append(element)
                }
            }
            return result
        }
        return value
    }

    /// Byte ranges of number literals outside strings.
    static func numberRuns(_ text: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        var inString = false
        while index < text.count {
            let byte = text[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                index += 1
            } else if byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let start = index
                while index < text.count, "0123456789+-.eE".utf8.contains(text[index]) { index += 1 }
                runs.append(start..<index)
            } else {
                index += 1
            }
        }
        return runs
    }

    /// Byte ranges of string values (quotes included) that are not object keys.
    static func stringValueRuns(_ text: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < text.count, text[index] != UInt8(ascii: "\"") {
                if text[index] == UInt8(ascii: "\\") { index += 1 }
                index += 1
            }
            index += 1
            var next = index
            while next < text.count, text[next] == UInt8(ascii: " ") { next += 1 }
            if next >= text.count || text[next] != UInt8(ascii: ":") { runs.append(start..<min(index, text.count)) }
        }
        return runs
    }
}
