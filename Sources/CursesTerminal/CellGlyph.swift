import ButikGrid

/// What one Screen cell becomes on the terminal: the code points handed to `setcchar` and the
/// columns ncurses will give them. Pure; the column width function (wcwidth) is passed in.
///
/// Defence in depth (the UI layer sanitises too): nothing that could act as a terminal
/// control (C0, DEL, C1) is ever painted, and a glyph may not be wider than the cells the
/// Screen gave it, or everything after it on the row would shift.
struct CellGlyph: Equatable, Sendable {
    static let replacement: UInt32 = 0x3F  // "?"
    static let space: UInt32 = 0x20
    /// setcchar's limit: one spacing character plus combining marks.
    static let maximumCodePoints = 5

    var codePoints: [UInt32]
    /// 1, or 2 for a wide character.
    var columns: Int

    static let blank = CellGlyph(codePoints: [space], columns: 1)
    static let unpaintable = CellGlyph(codePoints: [replacement], columns: 1)

    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// - Parameters:
    ///   - text: the cell's grapheme.
    ///   - wide: the Screen made the next cell this one's continuation (two columns available).
    ///   - width: column width of a code point: -1 unprintable, 0 combining, 1 or 2.
    static func make(text: String, wide: Bool, width: (UInt32) -> Int) -> CellGlyph {
        let scalars = text.unicodeScalars.map(\.value)
        guard let first = scalars.first else { return .blank }
        if scalars.contains(where: isControl) { return .unpaintable }

        var codePoints: [UInt32]
        var columns = width(first)
        switch columns {
        case 1, 2: codePoints = [first]
        case 0: codePoints = [space, first]; columns = 1  // a lone combining mark: give it a base
        default: return .unpaintable
        }
        // Combining marks ride along; a further spacing character would not fit in this cell.
        for scalar in scalars.dropFirst() where codePoints.count < maximumCodePoints {
            guard width(scalar) == 0 else { break }
            codePoints.append(scalar)
        }
        if columns == 2 && !wide { return .unpaintable }
        return CellGlyph(codePoints: codePoints, columns: columns)
    }
}
