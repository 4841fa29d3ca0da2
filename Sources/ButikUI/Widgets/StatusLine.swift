import ButikGrid

/// A one-row bar: left segments from the left edge, right segments against the right
/// edge, separated by ` │ `. Right segments are dropped when they leave no room; left
/// ones are cut with `…`.
public struct StatusLine: Hashable, Sendable {
    public struct Segment: Hashable, Sendable {
        public var text: String
        /// Nil: the line's own style.
        public var style: Style?

        public init(_ text: String, style: Style? = nil) {
            self.text = text
            self.style = style
        }
    }

    public var left: [Segment]
    public var right: [Segment]
    /// Style of the whole row and of segments without one.
    public var style: Style

    public init(left: [Segment] = [], right: [Segment] = [], style: Style = Style(.title)) {
        self.left = left
        self.right = right
        self.style = style
    }

    private static let separator = " │ "

    /// Draws on the first row of `rect`, with one cell of padding at each end.
    public func draw(into screen: inout Screen, at rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: 1, style: style)
        let inner = rect.width - 2
        var rightWidth = Self.width(of: right)
        if rightWidth > 0, rightWidth + 1 > inner { rightWidth = 0 }
        if rightWidth > 0 {
            draw(right, into: &screen, row: rect.row, column: rect.column + 1 + inner - rightWidth, width: rightWidth)
        }
        let leftRoom = inner - (rightWidth > 0 ? rightWidth + 1 : 0)
        draw(left, into: &screen, row: rect.row, column: rect.column + 1, width: leftRoom)
    }

    private func draw(_ segments: [Segment], into screen: inout Screen, row: Int, column: Int, width: Int) {
        var column = column
        var room = width
        for (index, segment) in segments.enumerated() {
            let pieces = (index == 0 ? [] : [(Self.separator, style)]) + [(segment.text, segment.style ?? style)]
            for (text, pieceStyle) in pieces {
                guard room > 0 else { return }
                let used = screen.put(text.truncated(toWidth: room), row: row, column: column, style: pieceStyle)
                column += used
                room -= used
            }
        }
    }

    private static func width(of segments: [Segment]) -> Int {
        segments.map(\.text.displayWidth).reduce(0, +) + separator.displayWidth * max(0, segments.count - 1)
    }
}
