import ButikDomain
import ButikGrid
import ButikText

/// `c` on the card: a contact logged in a few keys: the channel, what it was about (a
/// question, one of the customer's parcels in the shop, one of their open cases), then the
/// text in the one prompt.
struct ContactDialog: Equatable, Sendable {
    enum Step: Equatable, Sendable {
        case channel
        case about(ContactChannel)
        case text(ContactChannel, Contact.About)
    }

    let customer: CustomerID
    private(set) var step = Step.channel
    /// The choice ↑↓ is on in a step that picks.
    private(set) var choice = 0
    /// The text typed (the last step).
    var input: TextPrompt<CustomersScreen.Action>

    init(_ customer: CustomerID) {
        self.customer = customer
        input = Self.prompt("")
    }

    /// The dialog at its text, as a refused contact left it: the text kept for correction.
    init(_ customer: CustomerID, channel: ContactChannel, about: Contact.About, text: String) {
        self.init(customer)
        step = .text(channel, about)
        input = Self.prompt(text)
    }

    private static func prompt(_ text: String) -> TextPrompt<CustomersScreen.Action> {
        TextPrompt(Phrase("keys.customers.contactText"), text: text, placeholder: Phrase("customers.contact.placeholder"),
                   enter: .init(Phrase("keys.customers.logContact"), .dialog(.next)), escape: .init(Phrase("keys.customers.stepBack"), .dialog(.back)))
    }

    /// What the about step offers: a question, then the parcels in the shop, then the open cases.
    func abouts(_ context: AppContext) -> [Contact.About] {
        Array(([Contact.About.question] + context.shop.parcelsInShop(for: customer).map { .parcel($0.tracking) }
            + context.shop.openCustomerCases(customer).map { .case($0.id) }).prefix(CardChoices.most))
    }

    /// The choices of the step, as lines.
    private func choices(_ context: AppContext) -> [String] {
        let words = context.words
        switch step {
        case .channel: return ContactChannel.allCases.map { words.text($0.phrase) }
        case .about: return abouts(context).map { about in
            switch about {
            case .question: words.text("customers.contact.question")
            case .parcel(let tracking): tracking.value
            case .case(let id): context.shop.cases[id].map { "\(id) \(words.text($0.kind.phrase))" } ?? id.description
            }
        }
        case .text: return []
        }
    }

    /// The step's keys: a choice picked by its digit or ↑↓ and Enter; the text's prompt.
    func keys(_ context: AppContext, flow: String) -> KeyMap<CustomersScreen.Action> {
        if case .text = step { return input.keys(context.words, flow: flow) }
        return CardChoices.keys(count: choices(context).count, context.words, flow: flow)
    }

    /// Takes a step: `pick` the numbered choice, `next` the one ↑↓ is on (or the text),
    /// `back` the step before (nil: the dialog closes). Returns the command once the text is given.
    mutating func take(_ move: CardStep, _ context: AppContext) -> (close: Bool, command: CustomersScreen.Command?) {
        let count = choices(context).count
        switch (move, step) {
        case (.move(let by), _): choice = min(max(0, choice + by), max(0, count - 1))
        case (.back, .channel): return (true, nil)
        case (.back, .about): step = .channel
        case (.back, .text(let channel, _)): step = .about(channel)
        case (.pick(let number), _) where number >= 1 && number <= count: choice = number - 1
            return take(.next, context)
        case (.pick, _): break
        case (.next, .channel):
            step = .about(ContactChannel.allCases[choice])
        case (.next, .about(let channel)):
            step = .text(channel, abouts(context)[choice])
        case (.next, .text(let channel, let about)):
            return (true, .logContact(customer, channel: channel, about: about, text: input.answer))
        }
        if case .move = move {} else { choice = 0 }
        return (false, nil)
    }

    /// The dialog as it reads in the context's words.
    func modal(_ context: AppContext) -> Modal {
        let words = context.words
        let key = context.shop.customers[customer]?.key.value ?? "?"
        let title = " \(words.text("customers.contact.title", ["key": .text(key)])) "
        switch step {
        case .channel:
            return CardChoices.modal(title: title, message: words.text("customers.contact.channel"), choices(context), choice, words)
        case .about(let channel):
            return CardChoices.modal(title: title, message: words.text("customers.contact.about", ["channel": .phrase(channel.phrase)]),
                                     choices(context), choice, words)
        case .text(let channel, let about):
            return Modal(.prompt(input.shown(words)), title: title, message: words.text(about.phrased(channel: channel, text: "…")),
                         confirmLabel: words.text("customers.contact.confirm"), cancelLabel: words.text("customers.add.back"))
        }
    }
}

/// A step of a card's dialog.
enum CardStep: Equatable, Sendable {
    case pick(Int), move(Int), next, back
}

/// The numbered choices of a card's dialog step: their keys and how they are drawn.
enum CardChoices {
    /// At most this many choices, one digit each.
    static let most = 9

    /// The step's keys, each a `step` of the dialog (the card's, unless another).
    static func keys(count: Int, _ words: Words, flow: String, next: Phrase = Phrase("keys.customers.pick"),
                     _ step: (CardStep) -> CustomersScreen.Action = CustomersScreen.Action.dialog) -> KeyMap<CustomersScreen.Action> {
        let picks = (0..<min(count, most)).map { (Key.character(Character("\($0 + 1)")), step(.pick($0 + 1))) }
        var bindings: [KeyBinding<CustomersScreen.Action>] = []
        if !picks.isEmpty { bindings.append(KeyBinding(label: picks.count == 1 ? "1" : "1-\(picks.count)", words.text("keys.customers.pick"), picks)) }
        bindings += [KeyBinding(label: "↑↓", words.text("keys.select"), [(.up, step(.move(-1))), (.down, step(.move(1)))]),
                     KeyBinding(.enter, words.text(next), action: step(.next)),
                     KeyBinding(.escape, words.text("keys.customers.stepBack"), action: step(.back))]
        return KeyMap(bindings, flow: flow)
    }

    /// `choices` numbered under `message`, the one ↑↓ is on marked.
    static func modal(title: String, message: String, _ choices: [String], _ choice: Int, _ words: Words,
                      confirm: String? = nil) -> Modal {
        let lines = choices.enumerated().map { "\($0.offset == choice ? "▸" : " ") \($0.offset + 1) \($0.element)" }
        return Modal(.confirm, title: title, message: ([message] + lines).joined(separator: "\n"),
                     confirmLabel: confirm ?? words.text("customers.contact.pick"), cancelLabel: words.text("customers.add.back"))
    }
}
