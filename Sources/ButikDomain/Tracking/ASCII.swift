/// Small ASCII tests on scalars and bytes, so that the hot path needs no Foundation or regex.
enum ASCII {
    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    static func isLetter(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) || ("a"..."z").contains(s) }
    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool { isDigit(s) || isLetter(s) }
    /// A character a normalised tracking number may hold: `A`-`Z` or `0`-`9`.
    static func isTrackingSymbol(_ s: Unicode.Scalar) -> Bool { isDigit(s) || ("A"..."Z").contains(s) }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func digitValue(_ b: UInt8) -> Int { Int(b) - 0x30 }
    static func digit(_ value: Int) -> UInt8 { UInt8(0x30 + value) }
    static func allDigits(_ bytes: some Collection<UInt8>) -> Bool { bytes.allSatisfy(isDigit) }
}
