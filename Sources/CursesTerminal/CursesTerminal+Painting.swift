import ButikGrid
import CNCursesW

extension CursesTerminal {
    /// Draws a frame. Every cell is written into curses' window and the update goes out with
    /// wnoutrefresh + doupdate, which send only what differs from the physical screen (no
    /// clear, no flicker). Continuation cells are left to the wide character before them.
    /// Does nothing after `restore()`.
    public func paint(_ frame: Screen) {
        guard isActive else { return }
        let current = size
        guard current.width > 0, current.height > 0 else { return }
        let rows = min(frame.size.height, current.height)
        let columns = min(frame.size.width, current.width)
        if rows < current.height || columns < current.width {
            werase(window)  // the frame does not cover the window (a resize is on its way)
        }
        for row in 0..<rows {
            var coveredUntil = 0  // first column not already covered by a painted wide character
            for column in 0..<columns {
                let cell = frame[row, column]
                if cell.isContinuation && column < coveredUntil { continue }
                let wide = column + 1 < columns && frame[row, column + 1].isContinuation
                let glyph = cell.isContinuation
                    ? CellGlyph.blank  // a continuation without its wide character
                    : CellGlyph.make(text: cell.text, wide: wide, width: { Int(butik_wcwidth($0)) })
                put(glyph, style: cell.style, row: row, column: column)
                coveredUntil = column + glyph.columns
            }
        }
        if let cursor = frame.cursor, (0..<rows).contains(cursor.row), (0..<columns).contains(cursor.column) {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            setCursor(visible: true)
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ glyph: CellGlyph, style: Style, row: Int, column: Int) {
        let rendition = palette.rendition(of: style)
        let attributes = Self.cursesAttributes(rendition.attributes)
        // The bottom-right cell reports ERR (the cursor cannot advance past it) but is drawn.
        _ = glyph.codePoints.withUnsafeBufferPointer { codePoints in
            butik_put_cell(window, Int32(row), Int32(column), codePoints.baseAddress,
                           Int32(codePoints.count), attributes, rendition.pair)
        }
    }

    static func cursesAttributes(_ attributes: CellAttributes) -> attr_t {
        var result = butik_attr_normal()
        if attributes.contains(.bold) { result |= butik_attr_bold() }
        if attributes.contains(.reverse) { result |= butik_attr_reverse() }
        if attributes.contains(.underline) { result |= butik_attr_underline() }
        if attributes.contains(.dim) { result |= butik_attr_dim() }
        return result
    }
}
