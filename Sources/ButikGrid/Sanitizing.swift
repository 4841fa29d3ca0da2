/// Making text from data (names, notes, imported CSV) safe to place in cells and to print:
/// the UI draws and the command line writes every text through this one rule.
///
/// Rule: tabs and line breaks become one space each; every other control character
/// (C0, DEL, C1 U+0080–U+009F, so ESC too) and every bidi control (U+061C, U+200E/F,
/// U+202A–U+202E, U+2066–U+2069) becomes `�` (U+FFFD). Nothing is dropped, so staff see
/// that a field holds junk, and an escape sequence like `ESC [ 2 J` shows as `�[2J`,
/// inert because its ESC is gone. These are the controls and bidi controls the domain's
/// `TypedText` refuses in typed names (a test holds the two to the same set).
extension Character {
    /// The replacement shown for a control or bidi character.
    public static let replacement: Character = "\u{FFFD}"

    /// This grapheme as it may be placed in a cell (see the rule above).
    public var sanitizedForDisplay: Character {
        if isPlainLatin { return self }
        if isNewline || self == "\t" { return " " }
        for scalar in unicodeScalars where scalar.isControlOrBidiControl {
            return Self.replacement
        }
        return self
    }

    /// Whether every scalar of this grapheme is printable Latin (U+0020–U+007E, U+00A0–U+02FF):
    /// neither a control nor a bidi control, and one cell wide. Most of what a shop's names and
    /// notes hold, so drawing them asks for no Unicode property.
    var isPlainLatin: Bool { plainLatinScalars(utf8) != nil }
}

extension StringProtocol {
    /// The cells the text takes when every grapheme of it is one plain Latin scalar (see
    /// `Character.isPlainLatin`), each shown as it is in a cell of its own; nil when one is not
    /// (then it is drawn grapheme by grapheme). Reads the UTF-8 bytes only: no Unicode property
    /// and no grapheme breaking, for the names and notes that make up most of a screen.
    var plainLatinWidth: Int? { plainLatinScalars(utf8) }

    /// The text with every grapheme sanitised as `Character.sanitizedForDisplay` does.
    public var sanitizedForDisplay: String {
        String(map(\.sanitizedForDisplay))
    }
}

extension Unicode.Scalar {
    /// A control character (C0, DEL, C1) or a bidi control: a character that steers a terminal
    /// (ESC and CSI start escape sequences) or the direction of the text around it instead of
    /// showing.
    var isControlOrBidiControl: Bool {
        properties.generalCategory == .control || properties.isBidiControl
    }
}

/// How many scalars the UTF-8 `bytes` hold when every one is plain Latin (U+0020-U+007E,
/// U+00A0-U+02FF); nil when one is not. The one test of ``Character/isPlainLatin`` and
/// ``StringProtocol/plainLatinWidth``, on bytes alone.
private func plainLatinScalars(_ bytes: some Sequence<UInt8>) -> Int? {
    var count = 0
    var lead: UInt8 = 0  // the first byte of a two-byte scalar, 0 when none is open
    for byte in bytes {
        if lead != 0 {
            // U+00A0...U+02FF: C2 A0...C2 BF, C3 80...CB BF.
            guard byte & 0xC0 == 0x80, lead != 0xC2 || byte >= 0xA0 else { return nil }
            lead = 0
            count += 1
        } else if byte >= 0x20, byte < 0x7F {
            count += 1
        } else if byte >= 0xC2, byte <= 0xCB {
            lead = byte
        } else {
            return nil
        }
    }
    return lead == 0 ? count : nil
}
