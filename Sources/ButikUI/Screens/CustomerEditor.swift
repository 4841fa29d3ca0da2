import ButikDomain
import ButikGrid
import ButikText

/// The edit of the record on the card (`e`): the list of its fields, each picked by its number
/// (or ↑↓ and Enter); a field of text is then edited in the prompt, filled with what is there,
/// a channel or language chosen from a list, and a flag turned over at once. Every change is
/// the domain's one edit (``ShopState/editCustomer(_:_:_:)``); a refusal is said in the dialog
/// and the text stays for correction.
public struct CustomerEditor: Equatable, Sendable {
    /// A field of the record, in the order listed.
    public enum Field: Equatable, Sendable, CaseIterable {
        case name, key, phones, email, note, channel, language, regular, personalOnly
    }

    enum Step: Equatable, Sendable {
        /// The list of fields.
        case fields
        /// A field of text, in the one prompt.
        case text(Field, TextPrompt<CustomersScreen.Action>)
        /// The channel or the language, chosen from a list.
        case choice(Field)
    }

    public let customer: CustomerID
    var step = Step.fields
    /// The line of the list (fields or choices) Enter takes.
    public internal(set) var selected = 0
    /// Why the last change was refused, said in the dialog until the next one.
    public internal(set) var refusal: Phrase?

    init(_ customer: CustomerID) {
        self.customer = customer
    }

    /// The keys that pick a field: its number in the list.
    static let fieldKeys: [(key: Key, field: Field)] = Field.allCases.enumerated().map { (.character(Character("\($0.offset + 1)")), $0.element) }

    /// The field being edited, once one is picked.
    public var field: Field? {
        switch step {
        case .fields: nil
        case .text(let field, _), .choice(let field): field
        }
    }

    /// The field's text typed so far, while one is edited in the prompt.
    public var text: String? {
        if case .text(_, let prompt) = step { prompt.text } else { nil }
    }

    /// The choices of a field chosen from a list; nil (none) first.
    static func choices(_ field: Field) -> [Phrase?] {
        switch field {
        case .channel: [nil] + ContactChannel.allCases.map(\.phrase)
        case .language: [nil] + Language.allCases.map(\.phrase)
        default: []
        }
    }

    /// The changes choosing line `index` of a field's choices asks for.
    static func changes(choosing index: Int, of field: Field) -> CustomerChanges? {
        switch field {
        case .channel where index < 1 + ContactChannel.allCases.count:
            CustomerChanges(channel: .some(index == 0 ? nil : ContactChannel.allCases[index - 1]))
        case .language where index < 1 + Language.allCases.count:
            CustomerChanges(language: .some(index == 0 ? nil : Language.allCases[index - 1]))
        default: nil
        }
    }

    /// The field picked: a flag is turned over at once (the changes to ask for); a channel or
    /// language opens its choices; text opens the prompt with the field's value.
    mutating func pick(_ field: Field, of customer: Customer) -> CustomerChanges? {
        refusal = nil
        switch field {
        case .regular: return CustomerChanges(regularByHand: !customer.regularByHand)
        case .personalOnly: return CustomerChanges(personalOnly: !customer.personalOnly)
        case .channel, .language:
            step = .choice(field)
            selected = 0
        default:
            step = .text(field, TextPrompt(Self.label(field), text: Self.value(field, of: customer), enter: .init(Phrase("keys.customers.save"), .submitEdit),
                                           escape: .init(Phrase("keys.customers.backToFields"), .cancelEdit)))
        }
        return nil
    }

    /// The changes the text typed asks for.
    static func changes(_ field: Field, text: String) -> CustomerChanges {
        switch field {
        case .name: CustomerChanges(name: text)
        case .key: CustomerChanges(key: text)
        case .phones: CustomerChanges(phones: text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        case .email: CustomerChanges(email: text)
        default: CustomerChanges(note: text)
        }
    }

    /// Moves the selection within the list of fields or choices.
    mutating func move(_ lines: Int) {
        let count = if case .choice(let field) = step { Self.choices(field).count } else { Field.allCases.count }
        selected = min(max(0, selected + lines), count - 1)
    }

    /// Back to the list of fields, on the one just edited.
    mutating func backToFields() {
        if let field { selected = Field.allCases.firstIndex(of: field) ?? 0 }
        step = .fields
    }

    // MARK: Words

    /// What the field is called, for the list and for help.
    static func label(_ field: Field) -> Phrase {
        switch field {
        case .name: Phrase("customers.edit.field.name")
        case .key: Phrase("customers.edit.field.key")
        case .phones: Phrase("customers.edit.field.phones")
        case .email: Phrase("customers.edit.field.email")
        case .note: Phrase("customers.edit.field.note")
        case .channel: Phrase("customers.edit.field.channel")
        case .language: Phrase("customers.edit.field.language")
        case .regular: Phrase("customers.edit.field.regular")
        case .personalOnly: Phrase("customers.edit.field.personalOnly")
        }
    }

    /// The field's value as it is typed (phones separated by commas).
    static func value(_ field: Field, of customer: Customer) -> String {
        switch field {
        case .name: customer.name
        case .key: customer.key.value
        case .phones: customer.phones.joined(separator: ", ")
        case .email: customer.email ?? ""
        case .note: customer.note ?? ""
        default: ""
        }
    }

    /// The field's value as the list shows it.
    private static func shown(_ field: Field, of customer: Customer, _ words: Words) -> String {
        switch field {
        case .channel: customer.channel.map { words.text($0.phrase) } ?? words.text("customers.edit.none")
        case .language: customer.language.map { words.text($0.phrase) } ?? words.text("customers.edit.none")
        case .regular: words.text(customer.regularByHand ? Phrase("customers.edit.on") : Phrase("customers.edit.off"))
        case .personalOnly: words.text(customer.personalOnly ? Phrase("customers.edit.on") : Phrase("customers.edit.off"))
        default: value(field, of: customer)
        }
    }

    /// The dialog as it reads in the context's words, its list of fields or choices a window
    /// around the selection where `room` (the dialog's and the box's rows) does not hold it all,
    /// each field on one line.
    func modal(_ context: AppContext, room: Rect) -> Modal {
        let words = context.words
        guard let customer = context.shop.customers[customer] else { return Modal.confirm(title: "", message: "") }
        let title = " \(words.text("customers.edit.title", ["key": .text(customer.key.value)])) "
        let refused = refusal.map { "\n" + words.text($0) } ?? ""
        let content = min(Self.contentWidth, room.width - 4)
        let rows = max(1, room.height - 4 - (refusal.map { words.text($0).wrapped(toWidth: content).count } ?? 0))
        func window(_ lines: [String], rows: Int) -> [String] {
            guard lines.count > rows else { return lines }
            let first = min(max(0, selected - rows / 2), lines.count - rows)
            return Array(lines[first..<first + rows])
        }
        switch step {
        case .fields:
            let labels = Field.allCases.map { words.text(Self.label($0)) }
            let width = labels.map(\.displayWidth).max() ?? 0
            let lines = Field.allCases.enumerated().map { offset, field in
                let label = labels[offset].padded(toWidth: width)
                return "\(offset + 1) \(offset == selected ? "›" : " ") \(label)  \(Self.shown(field, of: customer, words).truncated(toWidth: content - width - 6))"
            }
            return Modal(.confirm, title: title, message: window(lines, rows: rows).joined(separator: "\n") + refused,
                         confirmLabel: words.text("customers.edit.change"), cancelLabel: words.text("customers.edit.done"))
        case .text(let field, let prompt):
            return Modal(.prompt(prompt.shown(words)), title: title,
                         message: words.text(Self.hint(field, ["field": .phrase(Self.label(field))])) + refused,
                         confirmLabel: words.text("customers.edit.save"), cancelLabel: words.text("customers.edit.back"))
        case .choice(let field):
            let lines = Self.choices(field).enumerated().map { offset, choice in
                "\(offset) \(offset == selected ? "›" : " ") \(choice.map(words.text) ?? words.text("customers.edit.none"))"
            }
            return Modal(.confirm, title: title, message: ([words.text("customers.edit.choose", ["field": .phrase(Self.label(field))])]
                                                           + window(lines, rows: rows - 1)).joined(separator: "\n") + refused,
                         confirmLabel: words.text("customers.edit.save"), cancelLabel: words.text("customers.edit.back"))
        }
    }

    /// The widest a dialog's line is (``Modal``'s).
    private static let contentWidth = 56

    /// What to type in a field of text.
    private static func hint(_ field: Field, _ arguments: [String: Phrase.Argument]) -> Phrase {
        switch field {
        case .phones: Phrase("customers.edit.hint.phones", arguments)
        case .key: Phrase("customers.edit.hint.key", arguments)
        case .note: Phrase("customers.edit.hint.note", arguments)
        default: Phrase("customers.edit.hint", arguments)
        }
    }
}
