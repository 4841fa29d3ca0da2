/// A rectangle of cells on a `Screen`, where a widget draws.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    /// The whole screen.
    public init(_ size: Size) {
        self.init(row: 0, column: 0, width: size.width, height: size.height)
    }

    /// True when nothing can be drawn in it.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// A rectangle of at most the given size, centred in this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(row: row + (self.height - h) / 2, column: column + (self.width - w) / 2, width: w, height: h)
    }
}
