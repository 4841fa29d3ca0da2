/// Display widths in terminal cells, computed from Unicode scalar ranges and the
/// standard library's Unicode properties (no external width tables).
///
/// Ambiguous-width characters (box drawing, `…`, `█`, `�`) count as 1 cell, as in
/// a terminal with a Western locale.
extension Unicode.Scalar {
    /// Cells this scalar takes on its own: 0 for combining marks, format characters
    /// (zero-width joiner, …), Hangul medial/final jamo and controls; 2 for East Asian
    /// wide/fullwidth characters and emoji shown as pictures; otherwise 1.
    public var displayWidth: Int {
        let v = value
        if v < 0x300 {
            return (v < 0x20 || (0x7F...0x9F).contains(v)) ? 0 : 1
        }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if Self.wideRanges.contains(where: { $0.contains(v) }) || properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (emoji are found by `isEmojiPresentation`).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1B000...0x1B2FF, // Kana supplement and extensions, Nushu
        0x20000...0x2FFFD, // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD, // CJK extensions G–H
    ]
}

extension Character {
    /// Cells this grapheme takes once sanitised (see `sanitizedForDisplay`): the widest of
    /// its scalars, or 2 for an emoji made pictorial by U+FE0F. `"A\u{30A}"` (Å, decomposed)
    /// and `"Å"` are both 1; `"東"` and `"👍"` are 2; a lone combining mark is 0.
    public var displayWidth: Int {
        if let ascii = asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        if isPlainLatin { return 1 }
        let shown = sanitizedForDisplay
        var width = 0
        var pictorial = false
        for scalar in shown.unicodeScalars {
            width = max(width, scalar.displayWidth)
            if scalar.value == 0xFE0F { pictorial = true }
        }
        if pictorial, shown.unicodeScalars.first?.properties.isEmoji == true { return 2 }
        return width
    }
}

extension StringProtocol {
    /// Cells this text takes when drawn with `Screen.put`.
    public var displayWidth: Int {
        plainLatinWidth ?? reduce(0) { $0 + $1.displayWidth }
    }
}
