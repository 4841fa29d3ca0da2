/// CRC-32 as in zip, PNG and Ethernet (IEEE 802.3, reflected polynomial 0xEDB88320).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1
        }
        return crc
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
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
