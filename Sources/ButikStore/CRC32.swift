/// CRC-32 as in zip, PNG and Ethernet (IEEE 802.3, reflected polynomial 0xEDB88320), eight
/// bytes a step ("slicing-by-8"): every journal line is checked with it, and a snapshot first
/// verifies the whole journal, so it runs over a year's journal regularly.
enum CRC32 {
    /// `table[k * 256 + b]`: the CRC of byte `b` followed by `k` zero bytes (k in 0..<8);
    /// the first 256 entries are the classic one-byte table.
    static let table: [UInt32] = {
        var table = (0..<256).map { index -> UInt32 in
            var crc = UInt32(index)
            for _ in 0..<8 {
                crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1
            }
            return crc
        }
        for k in 1..<8 {
            for index in 0..<256 {
                let previous = table[(k - 1) * 256 + index]
                table.append((previous >> 8) ^ table[Int(previous & 0xFF)])
            }
        }
        return table
    }()

    /// The checksum of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            var index = 0
            let count = bytes.count
            while index + 8 <= count {
                let low = crc ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                    | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
                let high = UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8
                    | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}

/// A JSON object whose last member is `"sum":"xxxxxxxx"`: the lowercase hex CRC-32 of every
/// byte before `,"sum"`. Used for journal lines and the snapshot, so a record is verified
/// without re-encoding it and stays valid JSON.
enum Sealed {
    /// `,"sum":"` + 8 hex digits + `"}`.
    static let suffixLength = 18
    private static let opening = Array(#","sum":""#.utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Closes the object begun in `prefix` (which must not end with `}`) with its checksum.
    static func seal(_ prefix: inout [UInt8]) {
        let sum = CRC32.checksum(prefix)
        prefix.append(contentsOf: opening)
        for shift in stride(from: 28, through: 0, by: -4) {
            prefix.append(hexDigits[Int((sum >> UInt32(shift)) & 0xF)])
        }
        prefix.append(UInt8(ascii: "\""))
        prefix.append(UInt8(ascii: "}"))
    }

    enum Verdict: Equatable {
        /// The checksum matches; the record's content is `record[0..<prefixLength]`.
        case valid(prefixLength: Int)
        case noChecksum
        case mismatch
    }

    /// Checks the checksum of one record (without a line break).
    static func verify(_ record: UnsafeRawBufferPointer) -> Verdict {
        let count = record.count
        guard count > suffixLength else { return .noChecksum }
        let start = count - suffixLength
        for (index, byte) in opening.enumerated() where record[start + index] != byte {
            return .noChecksum
        }
        guard record[count - 2] == UInt8(ascii: "\""), record[count - 1] == UInt8(ascii: "}") else {
            return .noChecksum
        }
        var stated: UInt32 = 0
        for index in (start + opening.count)..<(count - 2) {
            let byte = record[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return .noChecksum
            }
            stated = stated << 4 | UInt32(digit)
        }
        let actual = CRC32.checksum(UnsafeRawBufferPointer(rebasing: record[0..<start]))
        return actual == stated ? .valid(prefixLength: start) : .mismatch
    }
}
