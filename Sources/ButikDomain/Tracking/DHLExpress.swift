/// DHL Express 10-digit waybill: the last digit is the first nine, read as a number, mod 7.
enum DHLExpress {
    /// The check digit (ASCII) for the first nine digits.
    static func checkDigit(_ nine: ArraySlice<UInt8>) -> UInt8 {
        precondition(nine.count == 9)
        var remainder = 0
        for digit in nine {
            remainder = (remainder * 10 + ASCII.digitValue(digit)) % 7
        }
        return ASCII.digit(remainder)
    }
}
