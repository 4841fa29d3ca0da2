/// Folding of names and queries for search: lower case, accents dropped, Nordic letters spelled
/// in plain Latin (`Schjønningsen` -> `schjonningsen`, `Ærø` -> `aero`, `Åse` -> `ase`).
public enum NameFolding {
    /// The folded form of `text`. Anything that is not a letter or digit becomes a single space.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue } // combining accents
            if let replacement = special[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
                lastWasSpace = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// The folded words of `text`.
    public static func words(_ text: String) -> [Substring] {
        fold(text).split(separator: " ")
    }

    private static let special: [Unicode.Scalar: String] = [
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "œ": "oe", "Œ": "oe",
    ]
}
