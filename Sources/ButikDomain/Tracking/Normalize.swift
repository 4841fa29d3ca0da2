extension Tracking {
    /// Normalises raw input: drops an AIM symbology prefix, white space, parentheses and GS
    /// separators, and upper-cases ASCII letters. Other characters are kept for `parse` to reject.
    ///
    /// This is character clean-up only: a GS1 `00` or `402` prefix stays; use `parse` for the number.
    public static func normalize(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for symbol in ScannedInput(raw).symbols where symbol != ScannedInput.separator {
            out.append(symbol)
        }
        return String(out)
    }
}

/// Raw input cut into normalised symbols, remembering where GS1 fields were separated.
///
/// Scanners send an optional AIM symbology prefix (`]C1` = GS1-128), then the data, in which a
/// GS (0x1D) ends a variable-length GS1 field; the GS is often lost on the way. People type the
/// human-readable form with the AIs in parentheses: `(00) 3707 2538 0000 0865 08`.
struct ScannedInput {
    /// Marks a GS1 field boundary in `symbols`: a GS, or an opening parenthesis.
    static let separator: Unicode.Scalar = "\u{1D}"

    /// The input without AIM prefix, white space and `)`, ASCII letters upper-cased,
    /// `(` and GS turned into ``separator``. Any other character is kept as it was.
    let symbols: [Unicode.Scalar]
    /// The input is known to be a GS1 element string: a GS1 AIM prefix, a GS, or parentheses.
    let isGS1: Bool

    init(_ raw: String) {
        let scalars = raw.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex, Self.isWhitespace(scalars[index]) {
            index = scalars.index(after: index)
        }
        var isGS1 = false
        // AIM symbology identifier: `]`, a letter, a modifier character.
        if index != scalars.endIndex, scalars[index] == "]" {
            let code = scalars.index(after: index)
            if code != scalars.endIndex {
                let modifier = scalars.index(after: code)
                if modifier != scalars.endIndex,
                   ASCII.isLetter(scalars[code]), ASCII.isLetterOrDigit(scalars[modifier]) {
                    isGS1 = Self.isGS1Symbology(scalars[code], scalars[modifier])
                    index = scalars.index(after: modifier)
                }
            }
        }
        var symbols: [Unicode.Scalar] = []
        symbols.reserveCapacity(raw.utf8.count)
        for scalar in scalars[index...] {
            switch scalar {
            case "\u{1D}", "(":
                symbols.append(Self.separator)
                isGS1 = true
            case ")":
                isGS1 = true
            case "a"..."z":
                symbols.append(Unicode.Scalar(UInt8(scalar.value) - 0x20))
            default:
                if !Self.isWhitespace(scalar) { symbols.append(scalar) }
            }
        }
        self.symbols = symbols
        self.isGS1 = isGS1
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// AIM identifiers of symbologies that carry GS1 element strings: GS1-128 (`]C1`),
    /// GS1 DataBar (`]e0`), GS1 DataMatrix (`]d2`), GS1 QR (`]Q3`), GS1 DotCode (`]J1`).
    private static func isGS1Symbology(_ code: Unicode.Scalar, _ modifier: Unicode.Scalar) -> Bool {
        switch (code, modifier) {
        case ("C", "1"), ("e", "0"), ("d", "2"), ("Q", "3"), ("J", "1"): return true
        default: return false
        }
    }
}
