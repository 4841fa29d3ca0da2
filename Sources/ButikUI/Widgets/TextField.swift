import ButikGrid

/// A one-line text input, edited grapheme by grapheme.
///
/// Keys: ←/→, Home/End (also Ctrl-A/Ctrl-E), Backspace, Del, Ctrl-U (delete to start),
/// Ctrl-W (delete the word before the cursor) and printable characters. Text wider than
/// the field scrolls horizontally to keep the cursor visible.
public struct TextField: Hashable, Sendable {
    private var characters: [Character]
    /// Graphemes before the cursor, `0...text.count`.
    public private(set) var cursor: Int
    /// Shown, muted, while the field is empty.
    public var placeholder: String

    public init(_ text: String = "", placeholder: String = "") {
        characters = Array(text)
        cursor = characters.count
        self.placeholder = placeholder
    }

    /// The text; setting it puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// Applies an editing key. Returns false for keys a text field does not use (Enter,
    /// Tab, ↑/↓, Esc, F-keys, …) and for characters that cannot be shown (controls).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard character.sanitizedForDisplay == character else { return false }
            insert(character)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace:
            if cursor > 0 { delete(cursor - 1..<cursor) }
        case .delete:
            if cursor < characters.count { delete(cursor..<cursor + 1) }
        case .control("u"): delete(0..<cursor)
        case .control("w"): delete(previousWordStart..<cursor)
        default: return false
        }
        return true
    }

    /// Draws the visible part of the text on the first row of `rect`; when `focused`, puts
    /// the screen cursor at the cursor's display column.
    public func draw(into screen: inout Screen, at rect: Rect, focused: Bool = true, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        screen.fill(row: rect.row, column: rect.column, width: rect.width, height: 1, style: style)
        let start = firstVisible(width: rect.width)
        if characters.isEmpty {
            screen.put(placeholder, row: rect.row, column: rect.column, style: Style(.muted), maxWidth: rect.width)
        } else {
            screen.put(String(characters[start...]), row: rect.row, column: rect.column, style: style, maxWidth: rect.width)
        }
        if focused {
            let column = String(characters[start..<cursor]).displayWidth
            screen.cursor = (rect.row, rect.column + min(column, rect.width - 1))
        }
    }

    /// The first grapheme shown in a field `width` cells wide. The view scrolls in jumps of
    /// half the width, just far enough for the cursor's cell, so it depends only on the text
    /// and cursor (no layout state) and stays put while the cursor moves inside it.
    func firstVisible(width: Int) -> Int {
        var starts = [0]
        for character in characters { starts.append(starts[starts.count - 1] + character.displayWidth) }
        let cursorColumn = starts[cursor]
        let cursorCells = cursor < characters.count ? max(1, characters[cursor].displayWidth) : 1
        let step = max(1, width / 2)
        var offset = 0
        while offset < cursorColumn, cursorColumn - offset + cursorCells > width { offset += step }
        offset = min(offset, cursorColumn)
        return starts.firstIndex { $0 >= offset } ?? cursor
    }

    /// Inserts at the cursor; a combining mark joins the grapheme before it.
    private mutating func insert(_ character: Character) {
        let before = String(characters[..<cursor]) + String(character)
        characters = Array(before + String(characters[cursor...]))
        cursor = min(before.count, characters.count)
    }

    private mutating func delete(_ range: Range<Int>) {
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    /// Where the word before the cursor starts: skip spaces back, then non-spaces.
    private var previousWordStart: Int {
        var index = cursor
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }
}
