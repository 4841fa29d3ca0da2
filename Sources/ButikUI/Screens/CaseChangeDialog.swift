import ButikDomain
import ButikGrid
import ButikText

/// A change to the case opened from the case list, as `butik customer case update|close|reopen`
/// makes it: `u` asks for a new status (or the one it has), a new follow-up day (Enter keeps
/// the one it has), the owner (the one it has unless changed) and a text (Enter for none);
/// `c` closes it (resolved) and `r` opens a resolved one again, each saying how in a text. The
/// domain decides what is allowed (a waiting status needs a follow-up day, an update changes
/// something), and a refusal opens the dialog again with everything kept.
struct CaseChangeDialog: Equatable, Sendable {
    enum Purpose: Equatable, Sendable {
        case update, close, reopen
    }

    enum Step: Equatable, Sendable {
        case status, followUp, owner, text
    }

    /// The statuses an update offers, after "as it is"; resolving is closing.
    static let statuses: [CaseStatus] = [.open, .waitingForCarrier, .waitingForCustomer]

    let id: CaseID
    let purpose: Purpose
    private(set) var step: Step
    /// The status choice ↑↓ is on: 0 keeps the status.
    private(set) var choice = 0
    private(set) var status: CaseStatus?
    private(set) var followUp = ""
    private(set) var owner: String
    /// The text, kept while the steps before it are changed.
    private(set) var text = ""
    /// The text of the step that asks for one.
    var input: TextPrompt<CustomersScreen.Action>

    /// `purpose` for `shown`: an update from its status, a close or reopen at its text.
    init(_ purpose: Purpose, of shown: Case) {
        id = shown.id
        self.purpose = purpose
        owner = shown.owner.value
        step = purpose == .update ? .status : .text
        input = Self.prompt(step, "", purpose)
    }

    /// The dialog at its text, as a refused command left it: everything given kept for correction.
    init?(refused command: CustomersScreen.Command, of shown: Case, _ words: Words) {
        switch command {
        case .updateCase(_, let change):
            self.init(.update, of: shown)
            status = change.status
            choice = change.status.flatMap { Self.statuses.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            followUp = change.followUp.map(words.date) ?? ""
            owner = change.owner ?? shown.owner.value
            text = change.text ?? ""
            step = .text
            input = Self.prompt(.text, text, .update)
        case .closeCase(_, let text):
            self.init(.close, of: shown)
            input = Self.prompt(.text, text, .close)
        case .reopenCase(_, let text):
            self.init(.reopen, of: shown)
            input = Self.prompt(.text, text, .reopen)
        default: return nil
        }
    }

    private static func prompt(_ step: Step, _ text: String, _ purpose: Purpose) -> TextPrompt<CustomersScreen.Action> {
        let escape = TextPrompt<CustomersScreen.Action>.Answer(Phrase("keys.customers.stepBack"), .cases(.step(.back)))
        let (label, placeholder, enter): (Phrase, Phrase, Phrase) = switch (step, purpose) {
        case (.followUp, _): (Phrase("keys.customers.followUp"), Phrase("cases.change.followUp.placeholder"), Phrase("keys.customers.next"))
        case (.owner, _): (Phrase("keys.customers.caseOwner"), Phrase("customers.case.owner.placeholder"), Phrase("keys.customers.next"))
        case (_, .update): (Phrase("keys.cases.updateText"), Phrase("cases.change.text.placeholder"), Phrase("keys.cases.saveUpdate"))
        case (_, .close): (Phrase("keys.cases.closeText"), Phrase("cases.close.placeholder"), Phrase("keys.cases.closeCase"))
        case (_, .reopen): (Phrase("keys.cases.reopenText"), Phrase("cases.reopen.placeholder"), Phrase("keys.cases.reopenCase"))
        }
        return TextPrompt(label, text: text, placeholder: placeholder, enter: .init(enter, .cases(.step(.next))), escape: escape)
    }

    /// The step's keys: a status picked by its digit or ↑↓ and Enter; a prompt.
    func keys(_ context: AppContext, flow: String) -> KeyMap<CustomersScreen.Action> {
        guard step == .status else { return input.keys(context.words, flow: flow) }
        return CardChoices.keys(count: Self.statuses.count + 1, context.words, flow: flow, next: Phrase("keys.customers.next")) { .cases(.step($0)) }
    }

    /// Takes a step; returns whether the dialog closes, the command once the text is given, and
    /// what was wrong with a follow-up day typed.
    mutating func take(_ move: CardStep, _ context: AppContext) -> (close: Bool, command: CustomersScreen.Command?, problem: Phrase?) {
        switch (move, step) {
        case (.move(let by), .status): choice = min(max(0, choice + by), Self.statuses.count)
        case (.move, _): break
        case (.pick(let number), .status) where (1...Self.statuses.count + 1).contains(number):
            choice = number - 1
            return take(.next, context)
        case (.pick, _): break
        case (.back, .status): return (true, nil, nil)
        case (.back, .followUp): go(.status)
        case (.back, .owner): go(.followUp)
        case (.back, .text): if purpose == .update { go(.owner) } else { return (true, nil, nil) }
        case (.next, .status):
            status = choice == 0 ? nil : Self.statuses[choice - 1]
            go(.followUp)
        case (.next, .followUp):
            guard input.answer.isEmpty || Day(typed: input.answer, from: context.today) != nil else {
                return (false, nil, Phrase("customers.case.badDay", ["text": .text(input.answer)]))
            }
            go(.owner)
        case (.next, .owner): go(.text)
        case (.next, .text): return (true, command(context), nil)
        }
        return (false, nil, nil)
    }

    /// What was given, as the command to ask the store for: for an update only what changes.
    private func command(_ context: AppContext) -> CustomersScreen.Command {
        let text = input.answer
        switch purpose {
        case .close: return .closeCase(id, text: text)
        case .reopen: return .reopenCase(id, text: text)
        case .update:
            let current = context.shop.cases[id]?.owner.value
            let newOwner = owner.isEmpty || owner.lowercased() == current?.lowercased() ? nil : owner
            return .updateCase(id, CaseChange(status: status, owner: newOwner, followUp: followUp.isEmpty ? nil : Day(typed: followUp, from: context.today),
                                              text: text.isEmpty ? nil : text))
        }
    }

    /// Goes to `next`, its prompt holding what was given there before.
    private mutating func go(_ next: Step) {
        switch step {
        case .followUp: followUp = input.answer
        case .owner: owner = input.answer
        case .text: text = input.text
        case .status: break
        }
        step = next
        switch next {
        case .followUp: input = Self.prompt(.followUp, followUp, purpose)
        case .owner: input = Self.prompt(.owner, owner, purpose)
        case .text: input = Self.prompt(.text, text, purpose)
        case .status: break
        }
    }

    /// The dialog as it reads in the context's words.
    func modal(_ shown: Case, _ context: AppContext) -> Modal {
        let words = context.words
        let key = context.shop.customers[shown.customer]?.key.value ?? "?"
        let heading = switch purpose {
        case .update: Phrase("cases.change.title", ["case": .text(shown.id.description), "key": .text(key)])
        case .close: Phrase("cases.close.title", ["case": .text(shown.id.description), "key": .text(key)])
        case .reopen: Phrase("cases.reopen.title", ["case": .text(shown.id.description), "key": .text(key)])
        }
        let title = " \(words.text(heading)) "
        let now = words.text("cases.change.now", ["kind": .phrase(shown.kind.phrase), "status": .phrase(shown.status.phrase)])
        if step == .status {
            let choices = [words.text("cases.change.keepStatus", ["status": .phrase(shown.status.phrase)])] + Self.statuses.map { words.text($0.phrase) }
            return CardChoices.modal(title: title, message: [now, words.text("cases.change.whichStatus")].joined(separator: "\n"), choices, choice, words,
                                     confirm: words.text("customers.add.next"))
        }
        var lines = [now]
        if purpose == .update, let status { lines.append(words.text("cases.change.newStatus", ["status": .phrase(status.phrase)])) }
        let ask: Phrase = switch (step, purpose) {
        case (.followUp, _): shown.followUp.map { Phrase("cases.change.askFollowUpKeep", ["day": .date($0)]) } ?? Phrase("cases.change.askFollowUp")
        case (.owner, _): Phrase("customers.case.askOwner")
        case (_, .update): Phrase("cases.change.askText")
        case (_, .close): Phrase("cases.close.askText")
        case (_, .reopen): Phrase("cases.reopen.askText")
        }
        lines.append(words.text(ask))
        let confirm: Phrase = switch (step, purpose) {
        case (.text, .update): Phrase("cases.change.confirm")
        case (.text, .close): Phrase("cases.close.confirm")
        case (.text, .reopen): Phrase("cases.reopen.confirm")
        default: Phrase("customers.add.next")
        }
        return Modal(.prompt(input.shown(words)), title: title, message: lines.joined(separator: "\n"), confirmLabel: words.text(confirm),
                     cancelLabel: words.text("customers.add.back"))
    }
}
