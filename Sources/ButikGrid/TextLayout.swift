/// Where text sits in a space wider than itself.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center

    /// The cells before a text `gap` cells narrower than its space.
    public func lead(_ gap: Int) -> Int {
        switch self {
        case .left: 0
        case .right: gap
        case .center: gap / 2
        }
    }
}

/// Truncating, padding and wrapping by display width (see `displayWidth`).
extension StringProtocol {
    /// The text cut to at most `width` cells, ending in `…` when something was cut.
    /// A wide character is never split: the result may be a cell narrower than `width`.
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard displayWidth > width else { return String(self) }
        return prefix(fittingWidth: width - 1) + "…"
    }

    /// The text truncated to `width` cells, then padded with spaces to exactly `width`.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let text = truncated(toWidth: width)
        let gap = Swift.max(0, width - text.displayWidth), lead = alignment.lead(gap)
        return String(repeating: " ", count: lead) + text + String(repeating: " ", count: gap - lead)
    }

    /// The longest prefix that takes at most `width` cells.
    public func prefix(fittingWidth width: Int) -> String {
        if plainLatinWidth != nil {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: unicodeScalars.prefix(Swift.max(0, width)))
            return prefix
        }
        var used = 0
        var end = startIndex
        for index in indices {
            let w = self[index].displayWidth
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return String(self[startIndex..<end])
    }

    /// The text broken into lines of at most `width` cells, at spaces where possible (the
    /// spaces between words on a line and before a paragraph's first word are kept as they
    /// are; those at a break go); a word wider than a line is split. Line breaks in the text
    /// start new lines.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line: String?
            var gap = -1
            for piece in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                gap += 1
                guard !piece.isEmpty else { continue }
                // A paragraph's leading spaces indent its first line (a list's unmarked rows).
                var word = line == nil ? String(repeating: " ", count: gap) + piece : String(piece)
                if let current = line, current.displayWidth + gap + word.displayWidth <= width {
                    line = current + String(repeating: " ", count: gap) + word
                    gap = 0
                    continue
                }
                if let line { lines.append(line) }
                while word.displayWidth > width {
                    var head = word.prefix(fittingWidth: width)
                    if head.isEmpty { head = String(word.prefix(1)) }
                    lines.append(head)
                    word.removeFirst(head.count)
                }
                line = word
                gap = 0
            }
            lines.append(line ?? "")
        }
        return lines
    }

    /// The text wrapped as ``wrapped(toWidth:)`` in at most `rows` lines. When it needs more,
    /// the last line holds the words that fit before ` …`: a word is dropped whole, never cut.
    public func wrapped(toWidth width: Int, rows: Int) -> [String] {
        let lines = wrapped(toWidth: width)
        guard rows > 0 else { return [] }
        guard lines.count > rows else { return lines }
        var words = lines[rows - 1].split(separator: " ")
        while !words.isEmpty, (words.joined(separator: " ") + " …").displayWidth > width { words.removeLast() }
        let last = words.isEmpty ? "…" : words.joined(separator: " ") + " …"
        return Array(lines.prefix(rows - 1)) + [last]
    }
}
