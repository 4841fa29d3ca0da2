import ButikGrid
import ButikText

/// A screen asking for a line of text, in a dialog or on a row of its own: what to type (for
/// help), the field with its text and cursor, what it takes, and what Enter and Esc do, as
/// actions of the screen that asks. Asking is one line:
///
///     prompt = TextPrompt(Phrase("keys.queue.days"), text: "7", enter: .init(Phrase("keys.queue.extend"), .submit),
///                         escape: .init(Phrase("keys.queue.cancel"), .cancel))
///
/// and the mode's keys are ``keys(_:flow:before:between:)``, its typing ``type(_:)``.
struct TextPrompt<Action: Sendable & Equatable>: Equatable, Sendable {
    /// What the field takes besides its editing keys.
    enum Limit: Equatable, Sendable {
        /// Any character that can be shown.
        case text
        /// No digits: a name, where a digit picks a numbered choice or does nothing.
        case noDigits
    }

    /// A key of the prompt: what it does, for help, and the screen's action.
    struct Answer: Equatable, Sendable {
        var help: Phrase
        var action: Action

        init(_ help: Phrase, _ action: Action) {
            self.help = help
            self.action = action
        }
    }

    /// What to type, for help: `type  the slot`.
    var label: Phrase
    /// Shown, muted, while the field is empty.
    var placeholder: Phrase?
    var limit: Limit
    var enter: Answer
    var escape: Answer
    /// What a scan does while the prompt is open, for help (nil: the mode takes no scans).
    var scan: Phrase?
    /// The answer typed so far.
    private(set) var field: TextField

    init(_ label: Phrase, text: String = "", placeholder: Phrase? = nil, limit: Limit = .text, enter: Answer, escape: Answer,
         scan: Phrase? = nil) {
        self.label = label
        self.placeholder = placeholder
        self.limit = limit
        self.enter = enter
        self.escape = escape
        self.scan = scan
        field = TextField(text)
    }

    /// The text typed; setting it puts the cursor at the end.
    var text: String {
        get { field.text }
        set { field.text = newValue }
    }

    /// The text typed, without the spaces around it.
    var answer: String { field.text.trimmingCharacters(in: .whitespaces) }

    /// The prompt's one table: `before` (a choice among what the text finds), Enter, `between`
    /// (the step's other keys), Esc; typing goes into the field and a scan does ``scan``.
    func keys(_ words: Words, flow: String, before: [KeyBinding<Action>] = [], between: [KeyBinding<Action>] = []) -> KeyMap<Action> {
        KeyMap(before + [KeyBinding(.enter, words.text(enter.help), action: enter.action)] + between
            + [KeyBinding(.escape, words.text(escape.help), action: escape.action)],
               typing: words.text(label), scan: scan.map { words.text($0) }, flow: flow)
    }

    /// Types `key` into the field, as far as the limit lets it; false for a key the field does
    /// not take.
    mutating func type(_ key: Key) -> Bool {
        if limit == .noDigits, case .character(let character) = key, character.isWholeNumber { return false }
        return field.handle(key)
    }

    /// The field as shown, its placeholder in the reader's words.
    func shown(_ words: Words) -> TextField {
        var shown = field
        shown.placeholder = placeholder.map(words.text) ?? ""
        return shown
    }

    /// `label` and the field after it, on the first row of `rect`, in `style`.
    func draw(_ label: String, style: Style, into screen: inout Screen, at rect: Rect, _ words: Words) {
        screen.put(label, row: rect.row, column: rect.column, style: style)
        let offset = label.displayWidth + 1
        shown(words).draw(into: &screen, at: Rect(row: rect.row, column: rect.column + offset, width: rect.width - offset, height: 1))
    }
}
