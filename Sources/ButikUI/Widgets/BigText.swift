import ButikGrid

/// Text in letters 5 rows tall, for a shelf slot or customer key (`B4`, `JFJ`) to be read
/// at arm's length. Knows A–Z, 0–9, Æ Ø Å Ä Ö Ü, `-` and space (lower case is raised);
/// other text, or text too big for the space, is drawn as ordinary text instead.
public struct BigText: Hashable, Sendable {
    public var text: String
    public var style: Style

    /// Rows the large letters take.
    public static let height = 5

    public init(_ text: String, style: Style = Style(.title, bold: true)) {
        self.text = text
        self.style = style
    }

    /// The text in large letters, `height` rows of equal width with one blank column
    /// between letters; nil if a character has no large form.
    public var lines: [String]? {
        var lines = Array(repeating: "", count: Self.height)
        for (index, character) in text.uppercased().enumerated() {
            guard let glyph = BigTextFont.rows(for: character) else { return nil }
            for row in lines.indices {
                lines[row] += (index == 0 ? "" : " ") + glyph[row]
            }
        }
        return lines
    }

    /// Draws the text centred in `rect`: large when it fits, otherwise on one row.
    public func draw(into screen: inout Screen, at rect: Rect) {
        guard !rect.isEmpty else { return }
        if let lines, let width = lines.first?.displayWidth, width <= rect.width, Self.height <= rect.height {
            let area = rect.centered(width: width, height: Self.height)
            for (offset, line) in lines.enumerated() {
                screen.put(line, row: area.row + offset, column: area.column, style: style)
            }
        } else {
            let line = text.truncated(toWidth: rect.width)
            let area = rect.centered(width: line.displayWidth, height: 1)
            screen.put(line, row: area.row, column: area.column, style: style)
        }
    }
}
