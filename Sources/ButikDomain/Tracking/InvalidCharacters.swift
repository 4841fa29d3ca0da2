extension TrackingError {
    /// The `invalidCharacters` payload for `scalars`: the first eight distinct ones, in order,
    /// quoted, or as `U+001B` when it is a control, format or otherwise invisible character, so
    /// that nothing raw reaches the terminal; and how many distinct ones are left.
    static func describe(invalid scalars: [Unicode.Scalar]) -> (names: String, more: Int) {
        let limit = 8
        var seen: [Unicode.Scalar] = []
        for scalar in scalars where !seen.contains(scalar) {
            seen.append(scalar)
        }
        let parts = seen.prefix(limit).map { scalar -> String in
            Self.isPrintable(scalar) ? "\"\(Character(scalar))\"" : Self.codePoint(scalar)
        }
        return (parts.joined(separator: ", "), max(0, seen.count - limit))
    }

    /// `U+001B`.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x21 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return false
        default:
            return true
        }
    }
}
