import ButikGrid

/// A row of key hints (`F1 Help  F2 Intake  Esc Back`), the most important that fit.
public struct HelpLine: Hashable, Sendable {
    /// Candidates, most important first.
    public var entries: [HelpEntry]
    /// Put last when not all entries fit, to say where the rest is (e.g. `F1 more`).
    public var more: HelpEntry?

    public init(entries: [HelpEntry], more: HelpEntry? = nil) {
        self.entries = entries
        self.more = more
    }

    /// The help-line entries of a key map.
    public init<Action>(_ keyMap: KeyMap<Action>, more: HelpEntry? = nil) {
        self.init(entries: keyMap.helpLineEntries, more: more)
    }

    /// Draws on the first row of `rect`: labels bold in the accent role, descriptions plain.
    public func draw(into screen: inout Screen, at rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: 1)
        var column = rect.column
        for entry in HelpEntry.fitting(entries, width: rect.width, more: more) {
            column += screen.put(entry.label, row: rect.row, column: column, style: Style(.accent, bold: true))
            column += screen.put(" " + entry.description, row: rect.row, column: column)
            column += HelpEntry.gap
        }
    }
}
