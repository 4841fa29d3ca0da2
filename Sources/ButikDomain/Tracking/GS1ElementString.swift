/// Finds an SSCC (AI 00) or GSIN (AI 402), and an AI 421 ship-to postal code, in a GS1 scan.
enum GS1ElementString {
    struct Found: Equatable {
        var format: TrackingFormat
        /// The 18 or 17 digits, check digit included, without the AI.
        var number: [UInt8]
        /// AI 421, e.g. `NO 0150`.
        var shipTo: String?
    }

    /// The SSCC or GSIN in `input`, or nil when it holds none and should be read as a plain code.
    ///
    /// Known GS1 input (AIM prefix, GS, parentheses) is walked field by field. Bare input is only
    /// read as GS1 when it is exactly `00` + 18 digits or `402` + 17 digits, optionally followed by
    /// one AI 421 field: other long digit strings (InPost has 24) must stay plain codes.
    static func find(in input: ScannedInput) -> Found? {
        input.isGS1 ? walk(input.symbols) : bare(input.symbols)
    }

    private static let separator = ScannedInput.separator

    private static func bare(_ s: [Unicode.Scalar]) -> Found? {
        guard var found = numberField(s, at: 0) else { return nil }
        let rest = s[20...]
        if rest.isEmpty { return found }
        guard has(s, "421", at: 20), let shipTo = Self.shipTo(rest.dropFirst(3)) else { return nil }
        found.shipTo = shipTo
        return found
    }

    private static func walk(_ s: [Unicode.Scalar]) -> Found? {
        var found: Found?
        var shipTo: String?
        var i = 0
        while i < s.count {
            if s[i] == separator {
                i += 1
            } else if has(s, "00", at: i) || has(s, "402", at: i) {
                // A malformed number field means this is no SSCC/GSIN scan after all.
                guard let field = numberField(s, at: i) else { return nil }
                if found == nil { found = field }
                i += 20
            } else if has(s, "421", at: i) {
                let end = nextSeparator(s, from: i)
                if shipTo == nil { shipTo = Self.shipTo(s[(i + 3)..<end]) }
                i = end
            } else if let length = predefinedLength(s, at: i) {
                i += length
            } else {
                // Unknown AI of variable length: it runs to the next separator.
                i = nextSeparator(s, from: i)
            }
        }
        found?.shipTo = shipTo
        return found
    }

    /// `00` + 18 digits or `402` + 17 digits at `i`.
    private static func numberField(_ s: [Unicode.Scalar], at i: Int) -> Found? {
        let (format, start): (TrackingFormat, Int)
        if has(s, "00", at: i) {
            (format, start) = (.sscc, i + 2)
        } else if has(s, "402", at: i) {
            (format, start) = (.gsin, i + 3)
        } else {
            return nil
        }
        guard i + 20 <= s.count else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(18)
        for scalar in s[start..<(i + 20)] {
            guard ASCII.isDigit(scalar) else { return nil }
            digits.append(UInt8(scalar.value))
        }
        return Found(format: format, number: digits)
    }

    /// AI 421 data: ISO 3166 numeric country (3 digits) and a postal code of 1-9 letters or digits.
    static func shipTo(_ data: ArraySlice<Unicode.Scalar>) -> String? {
        guard (4...12).contains(data.count),
              data.prefix(3).allSatisfy(ASCII.isDigit),
              data.dropFirst(3).allSatisfy(ASCII.isTrackingSymbol)
        else { return nil }
        var numeric = String.UnicodeScalarView(data.prefix(3))
        if let alpha = countries[String(numeric)] { numeric = alpha.unicodeScalars }
        return String(numeric) + " " + String(String.UnicodeScalarView(data.dropFirst(3)))
    }

    /// ISO 3166 numeric to alpha-2 for the countries whose parcels this shop sees most.
    static let countries: [String: String] = [
        "578": "NO", "752": "SE", "208": "DK", "246": "FI", "352": "IS", "276": "DE",
        "234": "FO", "304": "GL", "233": "EE", "428": "LV", "440": "LT", "616": "PL",
        "528": "NL", "056": "BE", "040": "AT", "756": "CH", "250": "FR", "826": "GB",
        "380": "IT", "724": "ES", "840": "US",
    ]

    /// Total length (AI included) of the GS1 AIs whose length is predefined by their first two
    /// digits, so that no separator follows them (GS1 General Specifications 7.8.5).
    private static func predefinedLength(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 2 <= s.count, ASCII.isDigit(s[i]), ASCII.isDigit(s[i + 1]) else { return nil }
        let prefix = (s[i].value - 0x30) * 10 + (s[i + 1].value - 0x30)
        switch prefix {
        case 0: return 20
        case 1, 2, 3: return 16
        case 4: return 18
        case 11...19: return 8
        case 20: return 4
        case 31...36: return 10
        case 41: return 16
        default: return nil
        }
    }

    private static func has(_ s: [Unicode.Scalar], _ ai: String, at i: Int) -> Bool {
        var j = i
        for scalar in ai.unicodeScalars {
            guard j < s.count, s[j] == scalar else { return false }
            j += 1
        }
        return true
    }

    private static func nextSeparator(_ s: [Unicode.Scalar], from i: Int) -> Int {
        s[i...].firstIndex(of: separator) ?? s.count
    }
}
