/// UPS `1Z` + 6-character shipper, 2-digit service, 7-digit package, check digit.
enum UPS {
    /// `1Z` and 16 letters or digits (the caller has already refused anything else).
    static func hasShape(_ code: [UInt8]) -> Bool {
        code.count == 18 && code[0] == UInt8(ascii: "1") && code[1] == UInt8(ascii: "Z")
    }

    /// The check digit (ASCII) for the 15 characters between `1Z` and the check digit.
    /// Letters count as (ASCII code - 63) mod 10 (A = 2, H = 9, I = 0); characters in even
    /// positions (1-based) count twice; check = (10 - S mod 10) mod 10.
    static func checkDigit(_ body: ArraySlice<UInt8>) -> UInt8 {
        precondition(body.count == 15)
        var sum = 0
        for (offset, char) in body.enumerated() {
            let value = ASCII.isDigit(char) ? ASCII.digitValue(char) : (Int(char) - 63) % 10
            sum += offset % 2 == 0 ? value : 2 * value
        }
        return ASCII.digit((10 - sum % 10) % 10)
    }
}
