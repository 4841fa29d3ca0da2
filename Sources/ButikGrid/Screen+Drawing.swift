import Foundation

extension Screen {
    /// Draws `text` on one row from `column`, sanitised (see `Character.sanitizedForDisplay`)
    /// and stored in NFC. Stops at the right edge of the screen or after `maxWidth` cells;
    /// a wide character that would be cut in half is drawn as a space instead. Graphemes
    /// of width 0 (a lone combining mark or joiner) are dropped. Cells left of column 0
    /// are skipped. Returns the cells advanced, from `column` to past the last cell drawn.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int,
                             style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.height else { return 0 }
        let limit = maxWidth.map { min(size.width, column + max(0, $0)) } ?? size.width
        var col = column
        if text.plainLatinWidth != nil {
            // A cell per scalar, each its own grapheme, one cell wide and shown as it is.
            for scalar in text.unicodeScalars {
                guard col < limit else { return max(0, limit - column) }
                if col >= 0 { setCell(row: row, column: col, Cell(text: String(Character(scalar)), style: style)) }
                col += 1
            }
            return max(0, col - column)
        }
        for character in text {
            let width = character.displayWidth
            if width == 0 { continue }
            if col + width > limit {
                if col < limit { setCell(row: row, column: col, Cell(text: " ", style: style)) }
                col = limit
                break
            }
            if col >= 0 {
                setCell(row: row, column: col, Cell(text: Self.cellText(character.sanitizedForDisplay), style: style))
                if width == 2 {
                    setCell(row: row, column: col + 1, Cell(text: "", style: style, isContinuation: true))
                }
            } else if col + width > 0 {
                setCell(row: row, column: 0, Cell(text: " ", style: style))
            }
            col += width
        }
        return max(0, col - column)
    }

    /// Draws `text` wrapped to the width of `rect` (see ``wrapped(toWidth:rows:)``) on as many of
    /// its rows as it needs, from the top. Returns the rows drawn.
    @discardableResult
    public mutating func putWrapped(_ text: some StringProtocol, in rect: Rect, style: Style = .plain) -> Int {
        guard !rect.isEmpty else { return 0 }
        let lines = text.wrapped(toWidth: rect.width, rows: rect.height)
        for (offset, line) in lines.enumerated() {
            put(line, row: rect.row + offset, column: rect.column, style: style, maxWidth: rect.width)
        }
        return lines.count
    }

    /// Fills a rectangle with spaces in `style`, clipped to the screen.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int, style: Style = .plain) {
        let rows = max(0, row)..<max(0, row, min(size.height, row + height))
        let columns = max(0, column)..<max(0, column, min(size.width, column + width))
        for r in rows {
            for c in columns {
                setCell(row: r, column: c, Cell(text: " ", style: style))
            }
        }
    }

    /// Fills `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height, style: style)
    }

    /// Sets one cell, keeping wide characters whole: overwriting either half of a wide
    /// character turns its other half into a space.
    mutating func setCell(row: Int, column: Int, _ cell: Cell) {
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return }
        let old = self[row, column]
        if old.isContinuation, column > 0, !cell.isContinuation {
            self[row, column - 1] = Cell(text: " ", style: self[row, column - 1].style)
        }
        if !old.isContinuation, column + 1 < size.width, self[row, column + 1].isContinuation {
            self[row, column + 1] = Cell(text: " ", style: self[row, column + 1].style)
        }
        self[row, column] = cell
    }

    /// The grapheme as a cell holds it: precomposed (NFC) where Unicode allows.
    private static func cellText(_ character: Character) -> String {
        let text = String(character)
        return character.unicodeScalars.count == 1 ? text : text.precomposedStringWithCanonicalMapping
    }
}
