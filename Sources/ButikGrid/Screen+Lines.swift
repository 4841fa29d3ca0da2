/// The set of Unicode box drawing characters a line or box is drawn with.
public struct BoxStyle: Hashable, Sendable {
    public let horizontal: Character
    public let vertical: Character
    public let topLeft: Character
    public let topRight: Character
    public let bottomLeft: Character
    public let bottomRight: Character

    /// `┌─┐│└┘`
    public static let light = BoxStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    /// `┏━┓┃┗┛`
    public static let heavy = BoxStyle(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    /// `╔═╗║╚╝`
    public static let double = BoxStyle(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝")
}

extension Screen {
    /// Draws a horizontal line of `width` cells, clipped to the screen.
    public mutating func horizontalLine(row: Int, column: Int, width: Int, style: Style = .plain, lines: BoxStyle = .light) {
        guard width > 0 else { return }
        put(String(repeating: lines.horizontal, count: width), row: row, column: column, style: style)
    }

    /// Draws a vertical line of `height` cells, clipped to the screen.
    public mutating func verticalLine(row: Int, column: Int, height: Int, style: Style = .plain, lines: BoxStyle = .light) {
        for r in row..<(row + max(0, height)) {
            put(String(lines.vertical), row: r, column: column, style: style)
        }
    }

    /// Draws the border of `rect` (the inside is left alone), with an optional title in
    /// bold on the top edge, truncated to fit. Needs at least 2×2 cells.
    public mutating func box(_ rect: Rect, style: Style = .plain, lines: BoxStyle = .light, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.column + rect.width - 1
        let bottom = rect.row + rect.height - 1
        horizontalLine(row: rect.row, column: rect.column + 1, width: rect.width - 2, style: style, lines: lines)
        horizontalLine(row: bottom, column: rect.column + 1, width: rect.width - 2, style: style, lines: lines)
        verticalLine(row: rect.row + 1, column: rect.column, height: rect.height - 2, style: style, lines: lines)
        verticalLine(row: rect.row + 1, column: right, height: rect.height - 2, style: style, lines: lines)
        put(String(lines.topLeft), row: rect.row, column: rect.column, style: style)
        put(String(lines.topRight), row: rect.row, column: right, style: style)
        put(String(lines.bottomLeft), row: bottom, column: rect.column, style: style)
        put(String(lines.bottomRight), row: bottom, column: right, style: style)
        if let title, rect.width >= 7 {
            var titleStyle = style
            titleStyle.bold = true
            put(" " + title.truncated(toWidth: rect.width - 6) + " ", row: rect.row, column: rect.column + 2, style: titleStyle)
        }
    }
}
