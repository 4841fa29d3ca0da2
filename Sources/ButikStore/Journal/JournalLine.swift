import Foundation

/// One line of `journal.jsonl`:
///
///     {"seq":7,"v":1,"entry":{...},"sum":"1a2b3c4d"}
///
/// `sum` is the CRC-32 of every byte before `,"sum"`. A transaction of several entries is
/// written as consecutive lines in one write; every line but its last carries `"more":true`
/// (`{"seq":7,"v":1,"more":true,"entry":...`), so a reader can tell a transaction that was
/// cut short from a finished one and never applies half of it.
enum JournalLine {
    /// The bytes of a line, including its final newline.
    static func encode(seq: Int, version: Int, more: Bool, entryJSON: Data) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(entryJSON.count + 64)
        line.append(contentsOf: #"{"seq":"#.utf8)
        line.append(contentsOf: String(seq).utf8)
        line.append(contentsOf: #","v":"#.utf8)
        line.append(contentsOf: String(version).utf8)
        if more { line.append(contentsOf: #","more":true"#.utf8) }
        line.append(contentsOf: #","entry":"#.utf8)
        line.append(contentsOf: entryJSON)
        Sealed.seal(&line)
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// What a line (without its newline) holds.
    enum Parsed<Entry> {
        /// A sound line.
        case entry(seq: Int, more: Bool, entry: Entry)
        /// A sound line written with a newer schema version than this program knows.
        case newer(seq: Int, version: Int)
        /// Checksum missing or wrong, or not a journal line: damaged, or torn by a crash.
        case damaged(reason: Damage)
        /// The checksum is right but the entry cannot be decoded.
        case undecodable(seq: Int, reason: Damage)
    }

    /// The fields before the entry, read straight from the bytes.
    struct Header {
        var seq: Int
        var version: Int
        var more: Bool
        /// Where the entry's JSON begins; it ends where the checksummed prefix ends.
        var entryStart: Int
    }

    /// Parses and verifies one line (without its newline).
    static func parse<Entry: Decodable>(
        _ line: UnsafeRawBufferPointer, as type: Entry.Type, schemaVersion: Int, decoder: StoreDecoder
    ) -> Parsed<Entry> {
        guard case .valid(let prefixLength) = Sealed.verify(line) else {
            return .damaged(reason: describeDamage(line))
        }
        guard let header = header(line, prefixLength: prefixLength) else {
            return parseSlowly(line, as: type, schemaVersion: schemaVersion, decoder: decoder)
        }
        if header.version > schemaVersion { return .newer(seq: header.seq, version: header.version) }
        let json = UnsafeRawBufferPointer(rebasing: line[header.entryStart..<prefixLength])
        do {
            let entry = try decoder.decode(Entry.self, from: json)
            return .entry(seq: header.seq, more: header.more, entry: entry)
        } catch {
            return .undecodable(seq: header.seq, reason: .undecodable(DecodingProblem(error)))
        }
    }

    /// Just the sequence number of a sound line; nil if the line is not sound.
    static func verifiedSequence(_ line: UnsafeRawBufferPointer) -> Int? {
        guard case .valid(let prefixLength) = Sealed.verify(line) else { return nil }
        if let header = header(line, prefixLength: prefixLength) { return header.seq }
        return slowHeader(line, decoder: StoreDecoder())?.seq
    }

    /// Why a line that does not verify is damaged.
    static func describeDamage(_ line: UnsafeRawBufferPointer) -> Damage {
        switch Sealed.verify(line) {
        case .mismatch: .checksumMismatch
        case .noChecksum: line.isEmpty ? .empty : .noChecksum
        case .valid: .notAJournalLine
        }
    }

    /// Reads `{"seq":N,"v":V,` (+ `"more":true,`) `"entry":` from the start of the line.
    static func header(_ line: UnsafeRawBufferPointer, prefixLength: Int) -> Header? {
        var cursor = ByteCursor(bytes: line, end: prefixLength)
        guard cursor.skip(#"{"seq":"#), let seq = cursor.number(),
              cursor.skip(#","v":"#), let version = cursor.number() else { return nil }
        let more = cursor.skip(#","more":true"#)
        guard cursor.skip(#","entry":"#), cursor.position < prefixLength else { return nil }
        return Header(seq: seq, version: version, more: more, entryStart: cursor.position)
    }

    /// The header in any layout; a sequence number outside 1...10^18-1 (what the fast reader
    /// takes) makes it no journal line, so no arithmetic on it can overflow.
    private struct SlowHeader: Decodable {
        var seq: Int
        var v: Int
        var more: Bool?

        init(from decoder: any Decoder) throws {
            enum Keys: String, CodingKey { case seq, v, more }
            let c = try decoder.container(keyedBy: Keys.self)
            seq = try c.decode(Int.self, forKey: .seq)
            v = try c.decode(Int.self, forKey: .v)
            more = try c.decodeIfPresent(Bool.self, forKey: .more)
            guard (1...999_999_999_999_999_999).contains(seq) else {
                throw DecodingError.dataCorruptedError(forKey: .seq, in: c, debugDescription: "sequence number out of range")
            }
        }
    }

    /// The header of a line in an unexpected layout; nil unless its sequence number is one the
    /// quick reader could read too (up to 18 digits), so no sum on it can overflow.
    private static func slowHeader(_ line: UnsafeRawBufferPointer, decoder: StoreDecoder) -> SlowHeader? {
        guard let header = try? decoder.decode(SlowHeader.self, from: line),
              (0...ByteCursor.largestNumber).contains(header.seq) else { return nil }
        return header
    }

    private struct SlowLine<Entry: Decodable>: Decodable {
        var entry: Entry
    }

    /// A sound line in an unexpected layout (e.g. written by a later version): decode it as JSON.
    private static func parseSlowly<Entry: Decodable>(
        _ line: UnsafeRawBufferPointer, as type: Entry.Type, schemaVersion: Int, decoder: StoreDecoder
    ) -> Parsed<Entry> {
        guard let header = slowHeader(line, decoder: decoder) else { return .damaged(reason: .notAJournalLine) }
        if header.v > schemaVersion { return .newer(seq: header.seq, version: header.v) }
        do {
            let entry = try decoder.decode(SlowLine<Entry>.self, from: line).entry
            return .entry(seq: header.seq, more: header.more ?? false, entry: entry)
        } catch {
            return .undecodable(seq: header.seq, reason: .undecodable(DecodingProblem(error)))
        }
    }
}

/// Reads ASCII literals and non-negative decimal numbers from raw bytes.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    let end: Int
    var position = 0

    init(bytes: UnsafeRawBufferPointer, end: Int) {
        self.bytes = bytes
        self.end = end
    }

    /// Skips `literal` if the bytes continue with it.
    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let start = literal.utf8Start
        for index in 0..<count where bytes[position + index] != start[index] {
            return false
        }
        position += count
        return true
    }

    /// The largest number ``number()`` reads.
    static let largestNumber = 999_999_999_999_999_999

    /// Reads up to 18 digits (no sign, no leading zeros beyond a lone 0).
    mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while position < end, digits < 19 {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        guard digits > 0, digits <= 18 else { return nil }
        return value
    }
}
