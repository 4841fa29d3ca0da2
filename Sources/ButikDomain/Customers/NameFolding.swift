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

    /// `fold` by table when every scalar is below U+0100, else nil. Reads the UTF-8 bytes and
    /// writes the folded bytes straight into the new string.
    private static func latin1Fold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var foldable = true
            let folded = String(unsafeUninitializedCapacity: utf8.count * latin1Widest) { out in
                var count = 0
                var lastWasSpace = true
                var index = 0
                while index < utf8.count {
                    var scalar = Int(utf8[index])
                    if scalar >= 0x80 {  // two bytes, C2 or C3 and a continuation, below U+0100
                        guard scalar & 0xFE == 0xC2, index + 1 < utf8.count, utf8[index + 1] & 0xC0 == 0x80 else {
                            foldable = false
                            return 0
                        }
                        scalar = (scalar & 0x1F) << 6 | Int(utf8[index + 1] & 0x3F)
                        index += 1
                    }
                    index += 1
                    let span = latin1Table.spans[scalar]
                    guard span >= 0 else {
                        foldable = false
                        return 0
                    }
                    let (start, length) = (Int(span >> 8), Int(span & 0xFF))
                    if length == 0 {
                        if !lastWasSpace {
                            out[count] = UInt8(ascii: " ")
                            count += 1
                        }
                        lastWasSpace = true
                    } else {
                        for offset in 0..<length { out[count + offset] = latin1Table.bytes[start + offset] }
                        count += length
                        lastWasSpace = false
                    }
                }
                if count > 0, out[count - 1] == UInt8(ascii: " ") { count -= 1 }
                return count
            }
            return foldable ? folded : nil
        }
    }

    /// What the general path makes of each scalar below U+0100 on its own, as spans of one byte
    /// array (start << 8 | length): ASCII bytes, empty for what becomes a space, -1 where it
    /// keeps a letter beyond ASCII (`µ`, `ª`: the table does not fold those). Latin-1 has no
    /// combining marks, so decomposing a name is decomposing each of its letters, and the two
    /// paths agree.
    private static let latin1Table: (bytes: [UInt8], spans: [Int32]) = {
        var bytes: [UInt8] = [], spans: [Int32] = []
        for value in 0..<0x100 {
            let folded = Array(generalFold(String(Character(Unicode.Scalar(UInt8(value))))).utf8)
            guard folded.allSatisfy({ $0 < 0x80 }), folded.count <= latin1Widest else {
                spans.append(-1)
                continue
            }
            spans.append(Int32(bytes.count) << 8 | Int32(folded.count))
            bytes += folded
        }
        return (bytes, spans)
    }()

    /// The most bytes the table folds one byte of a name to (`ß` is two bytes and folds to `ss`).
    private static let latin1Widest = 2

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
