extension Tracking {
    /// Parses raw input (scan or typing). With `force`, a wrong check digit is accepted and the
    /// result says `.overridden`; other errors are never forced.
    public static func parse(_ raw: String, force: Bool = false) -> Result<ParsedTracking, TrackingError> {
        let input = ScannedInput(raw)
        if let gs1 = GS1ElementString.find(in: input) {
            let body = gs1.number.dropLast()
            return Classification(format: gs1.format, number: gs1.number, expected: GS1.checkDigit(body))
                .result(force: force, shipTo: gs1.shipTo)
        }

        var code: [UInt8] = []
        code.reserveCapacity(input.symbols.count)
        var invalid: [Unicode.Scalar] = []
        for symbol in input.symbols where symbol != ScannedInput.separator {
            if ASCII.isTrackingSymbol(symbol) {
                code.append(UInt8(symbol.value))
            } else {
                invalid.append(symbol)
            }
        }
        if !invalid.isEmpty {
            let named = TrackingError.describe(invalid: invalid)
            return .failure(.invalidCharacters(named.names, more: named.more))
        }
        if code.isEmpty { return .failure(.empty) }
        if !(6...35).contains(code.count) { return .failure(.badLength(code.count)) }
        return classify(code).result(force: force, shipTo: nil)
    }

    /// The format of a normalised code of 6-35 letters and digits, with its check digit worked out.
    ///
    /// GS1 `00` + 18 and `402` + 17 digits are found before this, by ``GS1ElementString``.
    static func classify(_ code: [UInt8]) -> Classification {
        if S10.hasShape(code) {
            return Classification(format: .s10, number: code, expected: S10.checkDigit(serial: code[2..<10]), at: 10)
        }
        if UPS.hasShape(code) {
            return Classification(format: .ups, number: code, expected: UPS.checkDigit(code[2..<17]))
        }
        if code.count == 15, code.starts(with: "TBA".utf8), ASCII.allDigits(code[3...]) {
            return Classification(format: .amazon, number: code)
        }
        guard ASCII.allDigits(code) else { return Classification(format: .unvalidated, number: code) }
        switch code.count {
        case 18:
            return Classification(format: .sscc, number: code, expected: GS1.checkDigit(code.dropLast()))
        case 17:
            return Classification(format: .gsin, number: code, expected: GS1.checkDigit(code.dropLast()))
        case 10:
            // Ten digits come from many carriers, and only one in seven passes DHL's mod 7 check
            // by chance. So a failing check means "not DHL Express", not "misread": the code is
            // accepted as unvalidated rather than refused.
            let expected = DHLExpress.checkDigit(code.prefix(9))
            return expected == code[9]
                ? Classification(format: .dhlExpress, number: code, expected: expected)
                : Classification(format: .unvalidated, number: code)
        case 24:
            return Classification(format: .inpost, number: code)
        case 14:
            return Classification(format: .hermes, number: code)
        default:
            return Classification(format: .unvalidated, number: code)
        }
    }
}

/// A code's format and what its check digit says.
struct Classification: Equatable {
    var format: TrackingFormat
    var number: [UInt8]
    /// The right check digit (ASCII), or nil when the format has none.
    var expected: UInt8?
    /// Where the check digit is in `number`.
    var checkIndex: Int

    /// A format with no check digit.
    init(format: TrackingFormat, number: [UInt8]) {
        self.init(format: format, number: number, expected: nil, at: number.count - 1)
    }

    /// A format whose check digit at `index` (default: last) should be `expected`.
    init(format: TrackingFormat, number: [UInt8], expected: UInt8?, at index: Int? = nil) {
        self.format = format
        self.number = number
        self.expected = expected
        self.checkIndex = index ?? number.count - 1
    }

    func result(force: Bool, shipTo: String?) -> Result<ParsedTracking, TrackingError> {
        let value = String(decoding: number, as: UTF8.self)
        let status: CheckDigitStatus
        if let expected {
            let found = number[checkIndex]
            if found == expected {
                status = .verified
            } else if force {
                status = .overridden
            } else {
                return .failure(.wrongCheckDigit(
                    format: format, number: value,
                    expected: Character(Unicode.Scalar(expected)), found: Character(Unicode.Scalar(found))))
            }
        } else {
            status = .none
        }
        return .success(ParsedTracking(
            number: TrackingNumber(value), format: format, checkDigit: status, shipToPostalCode: shipTo))
    }
}

extension Tracking {
    /// The number to look a parcel up by: the parsed number when the input parses (even with a
    /// wrong check digit), else the normalised characters.
    public static func lookupKey(_ raw: String) -> TrackingNumber {
        (try? parse(raw, force: true).get())?.number ?? TrackingNumber(normalize(raw))
    }
}
