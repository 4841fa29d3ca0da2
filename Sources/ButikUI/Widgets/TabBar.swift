import ButikGrid

/// A row of screen titles with their keys, e.g. ` F2 Counter  F3 Intake `, the active
/// one highlighted. When narrow it first shortens the inactive titles (with `…`), then
/// shows only their keys, then shortens the active title.
public struct TabBar: Hashable, Sendable {
    public struct Tab: Hashable, Sendable {
        public var title: String
        /// The key that activates the tab; its `label` is shown.
        public var key: Key

        public init(_ title: String, key: Key) {
            self.title = title
            self.key = key
        }
    }

    public var tabs: [Tab]
    /// Index of the active tab.
    public var active: Int

    public init(_ tabs: [Tab], active: Int = 0) {
        self.tabs = tabs
        self.active = active
    }

    /// Activates the tab whose key this is.
    public mutating func handle(_ key: Key) -> Bool {
        guard let index = tabs.firstIndex(where: { $0.key == key }) else { return false }
        active = index
        return true
    }

    /// Draws the tabs on the first row of `rect`.
    public func draw(into screen: inout Screen, at rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: 1)
        var column = rect.column
        for (index, title) in titles(width: rect.width).enumerated() {
            let isActive = index == active
            let labelStyle = isActive ? Style(.selection, bold: true) : Style(.accent, bold: true)
            let titleStyle = isActive ? Style(.selection, bold: true) : Style.plain
            let end = rect.column + rect.width
            column += screen.put(" ", row: rect.row, column: column, style: titleStyle, maxWidth: end - column)
            column += screen.put(tabs[index].key.label, row: rect.row, column: column, style: labelStyle, maxWidth: end - column)
            let text = (title.isEmpty ? "" : " " + title) + " "
            column += screen.put(text, row: rect.row, column: column, style: titleStyle, maxWidth: end - column)
        }
    }

    /// The title shown for each tab in `width` cells ("" for a key-only tab).
    func titles(width: Int) -> [String] {
        let full = tabs.map(\.title)
        if fits(full, width) { return full }
        let longest = tabs.enumerated().filter { $0.offset != active }.map(\.element.title.displayWidth).max() ?? 0
        for limit in stride(from: longest - 1, through: 2, by: -1) {
            let shortened = full.enumerated().map { $0.offset == active ? $0.element : $0.element.truncated(toWidth: limit) }
            if fits(shortened, width) { return shortened }
        }
        var keysOnly = full.enumerated().map { $0.offset == active ? $0.element : "" }
        if tabs.indices.contains(active) {
            let others = widths(keysOnly).enumerated().filter { $0.offset != active }.map(\.element).reduce(0, +)
            let room = width - others - tabs[active].key.label.displayWidth - 3
            keysOnly[active] = room > 0 ? full[active].truncated(toWidth: room) : ""
        }
        return keysOnly
    }

    private func widths(_ titles: [String]) -> [Int] {
        zip(tabs, titles).map { tab, title in
            tab.key.label.displayWidth + 2 + (title.isEmpty ? 0 : title.displayWidth + 1)
        }
    }

    private func fits(_ titles: [String], _ width: Int) -> Bool {
        widths(titles).reduce(0, +) <= width
    }
}
