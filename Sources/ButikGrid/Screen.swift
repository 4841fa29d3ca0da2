/// A colour role; the terminal maps roles to colours, or to attributes when colour is off.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal, accent, ok, warning, danger, muted, selection, title
}

/// How one cell is drawn.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell. A wide character occupies its cell and the next, which is a `continuation`.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here (may hold combining marks); empty for a continuation cell.
    public var text: String
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// Terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// An in-memory grid of styled cells: what `view` draws and the terminal paints.
public struct Screen: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (nil: hidden).
    public var cursor: (row: Int, column: Int)? {
        get { cursorPosition.map { ($0.row, $0.column) } }
        set { cursorPosition = newValue.map { CursorPosition(row: $0.row, column: $0.column) } }
    }
    private var cursorPosition: CursorPosition?

    private struct CursorPosition: Hashable, Sendable {
        var row: Int
        var column: Int
    }

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: max(0, size.width) * max(0, size.height))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.width + column] }
        set { cells[row * size.width + column] = newValue }
    }
}
