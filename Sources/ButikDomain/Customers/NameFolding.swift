/// Folding of names and queries for search: lower case, accents dropped, Nordic letters spelled
/// in plain Latin (`Schjønningsen` -> `schjonningsen`, `Ærø` -> `aero`, `Åse` -> `ase`).
public enum NameFolding {
    /// The folded form of `text`. Anything that is not a letter or digit becomes a single space.
    ///
    /// Names made of ASCII and Latin-1 letters (nearly every name in a Nordic shop) are folded
    /// from a table, a scalar at a time; others take the general path through Unicode
    /// decomposition, which costs several times more (opening a store folds every name).
    public static func fold(_ text: String) -> String {
        latin1Fold(text) ?? generalFold(text)
    }

    /// `fold` by table when every scalar is below U+0100, else nil.
    private static func latin1Fold(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x100, let folded = latin1Table[Int(scalar.value)] else { return nil }
            if folded.isEmpty {
                if !lastWasSpace { out.append(UInt8(ascii: " ")) }
                lastWasSpace = true
            } else {
                out.append(contentsOf: folded)
                lastWasSpace = false
            }
        }
        if out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// What the general path makes of each scalar below U+0100 on its own: ASCII bytes, empty
    /// for what becomes a space, nil where it keeps a letter beyond ASCII (`µ`, `ª`: the table
    /// does not fold those). Latin-1 has no combining marks, so decomposing a name is
    /// decomposing each of its letters, and the two paths agree.
    private static let latin1Table: [[UInt8]?] = (0..<0x100).map { value in
        let folded = generalFold(String(Character(Unicode.Scalar(UInt8(value)))))
        return folded.utf8.allSatisfy { $0 < 0x80 } ? Array(folded.utf8) : nil
    }

    /// The general fold, through canonical decomposition.
    static func generalFold(_ text: String) -> String {
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
