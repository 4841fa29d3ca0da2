/// Where text sits in a space wider than itself.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center
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
        let gap = Swift.max(0, width - text.displayWidth)
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// The longest prefix that takes at most `width` cells.
    public func prefix(fittingWidth width: Int) -> String {
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

    /// The text broken into lines of at most `width` cells, at spaces where possible;
    /// a word wider than a line is split. Line breaks in the text start new lines.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                if !line.isEmpty, line.displayWidth + 1 + word.displayWidth <= width {
                    line += " " + word
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                while word.displayWidth > width {
                    var head = word.prefix(fittingWidth: width)
                    if head.isEmpty { head = String(word.prefix(1)) }
                    lines.append(head)
                    word.removeFirst(head.count)
                }
                line = word
            }
            lines.append(line)
        }
        return lines
    }
}
