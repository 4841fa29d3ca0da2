import ButikText

/// The layout of help text.
enum HelpText {
    /// How wide help lines are at most.
    static let width = 96

    /// One option a line (or more): its spelling, then its help from a shared column,
    /// wrapped at ``width``, in `words`.
    static func optionList(_ options: [any OptionDeclaration], in words: Words) -> String {
        let column = 2 + (options.map(\.spelling.count).max() ?? 0) + 2
        return options.map { option in
            let lead = "  " + option.spelling
            let lines = wrap(words.text(option.help), width: width - column)
            return lines.enumerated().map { index, line in
                (index == 0 ? lead + String(repeating: " ", count: column - lead.count) : String(repeating: " ", count: column)) + line
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `text` in lines of at most `width` characters, broken between words (a longer word
    /// stands on its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }
}
