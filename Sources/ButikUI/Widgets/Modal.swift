import ButikGrid

/// A centred dialog box: a yes/no confirmation, or a prompt with a text field.
/// Enter confirms, Esc cancels; the result is in `outcome`.
public struct Modal: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case confirm
        case prompt(TextField)
    }

    public enum Outcome: Hashable, Sendable {
        /// Enter in a confirmation.
        case confirmed
        /// Enter in a prompt, with the text typed.
        case submitted(String)
        /// Esc.
        case cancelled
    }

    public var title: String
    /// Wrapped to the box; line breaks are kept.
    public var message: String
    public private(set) var kind: Kind
    /// Shown next to Enter and Esc, e.g. "Ja" / "Nei".
    public var confirmLabel: String
    public var cancelLabel: String
    /// Set once Enter or Esc is pressed.
    public private(set) var outcome: Outcome?

    public init(_ kind: Kind, title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No") {
        self.kind = kind
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
    }

    /// A yes/no question.
    public static func confirm(title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No") -> Modal {
        Modal(.confirm, title: title, message: message, confirmLabel: confirmLabel, cancelLabel: cancelLabel)
    }

    /// A question answered with text, `text` given as the starting answer.
    public static func prompt(title: String, message: String, text: String = "", placeholder: String = "",
                              confirmLabel: String = "OK", cancelLabel: String = "Cancel") -> Modal {
        Modal(.prompt(TextField(text, placeholder: placeholder)), title: title, message: message,
              confirmLabel: confirmLabel, cancelLabel: cancelLabel)
    }

    /// The prompt's field (nil for a confirmation).
    public var field: TextField? {
        if case .prompt(let field) = kind { field } else { nil }
    }

    /// Handles every key while open (text keys go to a prompt's field), except Ctrl-C and
    /// resize, which stay the app's. Returns false once there is an outcome.
    public mutating func handle(_ key: Key) -> Bool {
        guard outcome == nil, key != .interrupt, key != .resize else { return false }
        switch (key, kind) {
        case (.escape, _): outcome = .cancelled
        case (.enter, .confirm): outcome = .confirmed
        case (.enter, .prompt(let field)): outcome = .submitted(field.text)
        case (_, .prompt(var field)):
            _ = field.handle(key)
            kind = .prompt(field)
        case (_, .confirm): break
        }
        return true
    }

    /// Cells of text per line inside the box, at most.
    private static let maxContentWidth = 56

    /// Draws the box centred in `rect` (usually the whole screen), over what is there.
    /// Shows the cursor in a prompt's field and hides it for a confirmation.
    public func draw(into screen: inout Screen, at rect: Rect) {
        let buttons = [HelpEntry(label: "Enter", description: confirmLabel), HelpEntry(label: "Esc", description: cancelLabel)]
        let buttonsWidth = buttons.map(\.displayWidth).reduce(0, +) + 3
        let natural = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(\.displayWidth).max() ?? 0
        let content = min(max(natural, buttonsWidth, title.displayWidth + 2, field == nil ? 0 : 30),
                          Self.maxContentWidth, rect.width - 4)
        guard content > 0 else { return }
        let lines = message.wrapped(toWidth: content)
        let fieldRows = field == nil ? 0 : 2
        let box = rect.centered(width: content + 4, height: lines.count + fieldRows + 4)
        screen.fill(box)
        screen.box(box, title: title)
        for (index, line) in lines.enumerated() {
            screen.put(line, row: box.row + 1 + index, column: box.column + 2)
        }
        screen.cursor = nil
        field?.draw(into: &screen, at: Rect(row: box.row + 2 + lines.count, column: box.column + 2, width: content, height: 1),
                     style: Style(underline: true))
        let end = box.column + 2 + content
        var column = box.column + 2 + max(0, content - buttonsWidth) / 2
        for (index, button) in buttons.enumerated() {
            column += screen.put(button.label, row: box.row + box.height - 2, column: column,
                                 style: Style(.accent, bold: true), maxWidth: end - column)
            column += screen.put(" " + button.description, row: box.row + box.height - 2, column: column,
                                 maxWidth: end - column) + (index == 0 ? 3 : 0)
        }
    }
}
