/// UPU S10: 2 letters, 8 serial digits, a check digit, a 2-letter country (`RR123456785SE`).
enum S10 {
    static let weights = [8, 6, 4, 2, 3, 5, 9, 7]

    /// Letters, 9 digits, letters: 13 characters in all.
    static func hasShape(_ code: [UInt8]) -> Bool {
        code.count == 13
            && ASCII.isUpper(code[0]) && ASCII.isUpper(code[1])
            && ASCII.allDigits(code[2..<11])
            && ASCII.isUpper(code[11]) && ASCII.isUpper(code[12])
    }

    /// The check digit (ASCII) for 8 serial digits: C = 11 - (S mod 11), with 10 -> 0 and 11 -> 5.
    static func checkDigit(serial: ArraySlice<UInt8>) -> UInt8 {
        precondition(serial.count == 8)
        var sum = 0
        for (weight, digit) in zip(weights, serial) {
            sum += weight * ASCII.digitValue(digit)
        }
        switch 11 - sum % 11 {
        case 10: return ASCII.digit(0)
        case 11: return ASCII.digit(5)
        case let check: return ASCII.digit(check)
        }
    }
}
