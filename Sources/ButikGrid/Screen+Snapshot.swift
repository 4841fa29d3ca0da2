/// Plain-text views of a screen, for snapshot tests and logs.
extension Screen {
    /// Each row as a string: continuation cells skipped, trailing spaces trimmed.
    public var textLines: [String] {
        rows { cell in cell.isContinuation ? nil : cell.text }
            .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// ``textLines`` joined by newlines, trailing empty rows dropped: for comparing with a
    /// multi-line string literal.
    public var plainText: String {
        var lines = textLines
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Each row as one character per cell (continuation cells included) naming its style:
    ///
    /// | role      | plain | bold | reverse | bold + reverse |
    /// |-----------|-------|------|---------|----------------|
    /// | normal    | `.`   | `N`  | `0`     | `)`            |
    /// | accent    | `a`   | `A`  | `1`     | `!`            |
    /// | ok        | `o`   | `O`  | `2`     | `@`            |
    /// | warning   | `w`   | `W`  | `3`     | `#`            |
    /// | danger    | `d`   | `D`  | `4`     | `$`            |
    /// | muted     | `m`   | `M`  | `5`     | `%`            |
    /// | selection | `s`   | `S`  | `6`     | `^`            |
    /// | title     | `t`   | `T`  | `7`     | `&`            |
    ///
    /// Bold is upper case; reverse is the role's `rawValue`, shifted (US keyboard) when
    /// also bold. Underline is not shown.
    public var styleMask: [String] {
        rows { cell in String(Self.maskLetter(cell.style)) }
    }

    private static func maskLetter(_ style: Style) -> Character {
        let table = switch (style.bold, style.reverse) {
        case (false, false): ".aowdmst"
        case (true, false): "NAOWDMST"
        case (false, true): "01234567"
        case (true, true): ")!@#$%^&"
        }
        return Array(table)[Int(style.role.rawValue)]
    }

    private func rows(_ text: (Cell) -> String?) -> [String] {
        (0..<size.height).map { row in
            (0..<size.width).compactMap { text(self[row, $0]) }.joined()
        }
    }
}
