/// The GS1 mod 10 check digit, used by SSCC-18 (AI 00) and GSIN-17 (AI 402).
enum GS1 {
    /// The check digit (ASCII) for `digits` without it: weights 3, 1, 3, ... from the right,
    /// check = (10 - S mod 10) mod 10.
    static func checkDigit(_ digits: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        var weight = 3
        for digit in digits.reversed() {
            sum += weight * ASCII.digitValue(digit)
            weight = 4 - weight
        }
        return ASCII.digit((10 - sum % 10) % 10)
    }
}
