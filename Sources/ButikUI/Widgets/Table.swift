import ButikGrid

/// Rows of text under column titles, with a selected row that scrolling keeps visible.
///
/// Keys: ↑/↓, PgUp/PgDn (by `pageSize`), Home/End. Columns are separated by one space.
public struct Table: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many cells.
        case fixed(Int)
        /// An equal share of the cells the fixed columns leave, at least `minimum`.
        case flexible(minimum: Int)
    }

    public struct Column: Hashable, Sendable {
        public var title: String
        public var width: Width
        public var alignment: TextAlignment
        /// The column shows only when the table is drawn at least this many cells wide: a wide
        /// window shows more of each row.
        public var shownFrom: Int

        public init(_ title: String, width: Width = .flexible(minimum: 1), alignment: TextAlignment = .left, shownFrom: Int = 0) {
            self.title = title
            self.width = width
            self.alignment = alignment
            self.shownFrom = shownFrom
        }
    }

    public struct Row: Hashable, Sendable {
        /// One string per column; missing cells are blank.
        public var cells: [String]
        /// Style of the row when not selected.
        public var style: Style

        public init(_ cells: [String], style: Style = .plain) {
            self.cells = cells
            self.style = style
        }
    }

    public var columns: [Column]
    /// Setting the rows keeps the selection on a valid row (or nil when there are none).
    public var rows: [Row] { didSet { select(selection ?? 0) } }
    /// Shown, muted, in place of rows when there are none.
    public var emptyMessage: String
    /// Body rows on screen; set it from the layout (the drawn rect's height less the title
    /// row) so PgUp/PgDn move by a screenful. Drawing keeps the selection visible regardless.
    public var pageSize: Int
    /// The selected row, nil only when there are no rows.
    public private(set) var selection: Int?
    /// False draws the selected row like the others (a list without the focus).
    public var showsSelection = true
    /// The first body row shown.
    private var top = 0

    public init(columns: [Column], rows: [Row] = [], emptyMessage: String = "", pageSize: Int = 10) {
        self.columns = columns
        self.rows = rows
        self.emptyMessage = emptyMessage
        self.pageSize = pageSize
        select(0)
    }

    /// Selects row `index` (clamped to the rows) and scrolls it into view.
    public mutating func select(_ index: Int) {
        guard !rows.isEmpty else {
            selection = nil
            top = 0
            return
        }
        let row = min(max(0, index), rows.count - 1)
        selection = row
        top = Self.top(keeping: row, visible: max(1, pageSize), from: top, count: rows.count)
    }

    /// Moves the selection; returns false for other keys and when there are no rows.
    public mutating func handle(_ key: Key) -> Bool {
        guard let selection else { return false }
        let page = max(1, pageSize)
        switch key {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .pageUp: select(selection - page)
        case .pageDown: select(selection + page)
        case .home: select(0)
        case .end: select(rows.count - 1)
        default: return false
        }
        return true
    }

    /// Draws the titles on the first row of `rect` and as many rows as fit below.
    public func draw(into screen: inout Screen, at rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(rect)
        let shown = columns.indices.filter { columns[$0].shownFrom <= rect.width }
        let widths = Self.widths(of: shown.map { columns[$0] }, total: rect.width)
        let line = { (texts: [String]) in shown.map { $0 < texts.count ? texts[$0] : "" } }
        drawLine(line(columns.map(\.title)), shown, widths: widths, into: &screen, row: rect.row, rect: rect, style: Style(.title, bold: true))
        let visible = rect.height - 1
        guard visible > 0 else { return }
        guard let selection else {
            screen.put(emptyMessage.padded(toWidth: rect.width, alignment: .center), row: rect.row + 1,
                       column: rect.column, style: Style(.muted))
            return
        }
        for (offset, index) in shownRows(height: rect.height).enumerated() {
            let style = index == selection && showsSelection ? Style(.selection, bold: rows[index].style.bold) : rows[index].style
            drawLine(line(rows[index].cells), shown, widths: widths, into: &screen, row: rect.row + 1 + offset, rect: rect, style: style)
        }
    }

    /// The rows ``draw(into:at:)`` shows in a rect `height` rows high (titles included): a
    /// long list fills in only these and leaves the others blank.
    public func shownRows(height: Int) -> Range<Int> {
        let visible = height - 1
        guard visible > 0, let selection else { return 0..<0 }
        let first = Self.top(keeping: selection, visible: visible, from: top, count: rows.count)
        return first..<min(rows.count, first + visible)
    }

    /// One row: `texts` in the columns `shown`, `widths` cells each.
    private func drawLine(_ texts: [String], _ shown: [Int], widths: [Int], into screen: inout Screen, row: Int, rect: Rect, style: Style) {
        screen.fill(row: row, column: rect.column, width: rect.width, height: 1, style: style)
        var column = rect.column
        for (index, width) in widths.enumerated() {
            let text = texts[index]
            let room = rect.column + rect.width - column
            guard room > 0 else { return }
            // The row is filled: the text needs no padding, only its place in the column.
            let fitted = text.truncated(toWidth: width), alignment = columns[shown[index]].alignment
            let lead = alignment == .left ? 0 : alignment.lead(max(0, width - fitted.displayWidth))  // left: no width needed
            screen.put(fitted, row: row, column: column + lead, style: style, maxWidth: room - lead)
            column += width + 1
        }
    }

    /// Column widths for `total` cells: fixed ones as given, flexible ones sharing the rest
    /// (the first ones get the odd cells), never below their minimum.
    static func widths(of columns: [Column], total: Int) -> [Int] {
        let fixed = columns.reduce(0) { sum, column in
            if case .fixed(let width) = column.width { sum + width } else { sum }
        }
        let flexibleCount = columns.count { if case .flexible = $0.width { true } else { false } }
        let spare = max(0, total - fixed - max(0, columns.count - 1))
        var flexibleIndex = 0
        return columns.map { column in
            switch column.width {
            case .fixed(let width):
                return width
            case .flexible(let minimum):
                let share = spare / flexibleCount + (flexibleIndex < spare % flexibleCount ? 1 : 0)
                flexibleIndex += 1
                return max(minimum, share)
            }
        }
    }

    /// The first row to show so that `row` is visible, moving as little as possible from
    /// `previous` and not leaving blank rows at the bottom.
    private static func top(keeping row: Int, visible: Int, from previous: Int, count: Int) -> Int {
        var top = min(previous, max(0, count - visible))
        if row < top { top = row }
        if row >= top + visible { top = row - visible + 1 }
        return top
    }
}
