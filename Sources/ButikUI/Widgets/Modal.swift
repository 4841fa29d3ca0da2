import ButikGrid

/// A centred dialog box: a yes/no confirmation, or a prompt with a text field. Its keys are
/// in the table of the screen that opens it (Enter and Esc, with the labels shown here); the
/// screen types the rest into the field with ``edit(_:)``.
public struct Modal: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case confirm
        case prompt(TextField)
    }

    public var title: String
    /// Wrapped to the box; line breaks are kept.
    public var message: String
    public private(set) var kind: Kind
    /// Shown next to Enter and Esc, e.g. "Ja" / "Nei".
    public var confirmLabel: String
    public var cancelLabel: String

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

    /// Types `key` into a prompt's field; false for a confirmation and for keys a text field
    /// does not take.
    public mutating func edit(_ key: Key) -> Bool {
        guard case .prompt(var field) = kind, field.handle(key) else { return false }
        kind = .prompt(field)
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
        let fieldRows = field == nil ? 0 : 2
        // In a window too low for all of it the message gives up its last words; the field and
        // the buttons always show.
        let lines = message.wrapped(toWidth: content, rows: max(1, rect.height - fieldRows - 4))
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
