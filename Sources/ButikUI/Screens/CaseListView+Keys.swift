import ButikDomain
import ButikGrid
import ButikText

/// The case list's keys: one table for the list, one for a case opened and one for each step
/// of its dialog. They are tables of the customers screen (``CustomersScreen/Action/cases(_:)``),
/// which holds the list and forwards to it; Tab (back to the customers) and the customer's card
/// are the screen's.
extension CaseListView {
    /// What a key does in the case list.
    enum Action: Equatable, Sendable {
        // The list: the selection, a case opened, a filter cycled or all cleared.
        case select(Key), open, owner, kind, status, dueOnly, clearFilters
        // A case opened: back to the list, its history a line; a change asked for.
        case back, scroll(Int), update, close, reopen
        // Go to the customer's card (done by the screen).
        case customerCard
        // A step in the change dialog.
        case step(CardStep)
    }

    /// How the case list goes, for F1.
    static func flow(_ words: Words) -> String { words.text("screen.cases.flow") }

    /// The keys of the current mode: the dialog's, the case's, or the list's (which ends in
    /// `toCustomers`, the screen's Tab).
    func keys(_ context: AppContext, toCustomers: KeyBinding<CustomersScreen.Action>) -> KeyMap<CustomersScreen.Action> {
        let words = context.words
        let flow = Self.flow(words)
        if let opened {
            if let dialog = opened.dialog { return dialog.keys(context, flow: flow) }
            return caseKeys(opened, context)
        }
        var bindings = KeyBinding<Action>.list(words.text("keys.select"), words, Action.select).map { $0.map(CustomersScreen.Action.cases) }
        if !cases(context).isEmpty { bindings.append(KeyBinding(.enter, words.text("keys.cases.open"), action: .cases(.open))) }
        bindings += [toCustomers,
                     KeyBinding(.character("s"), words.text("keys.cases.status"), action: .cases(.status)),
                     KeyBinding(.character("o"), words.text("keys.cases.owner"), action: .cases(.owner)),
                     KeyBinding(.character("k"), words.text("keys.cases.kind"), action: .cases(.kind)),
                     KeyBinding(.character("d"), words.text(dueOnly ? Phrase("keys.cases.allDays") : Phrase("keys.cases.dueOnly")),
                                action: .cases(.dueOnly))]
        if isFiltered || selection.index != 0 || notice != nil {
            bindings.append(KeyBinding(.escape, words.text("keys.cases.clear"), action: .cases(.clearFilters)))
        }
        return KeyMap(bindings, flow: flow)
    }

    /// A case opened: back, its history's lines where it has somewhere to go, the customer's
    /// card, and update and close, or reopen once resolved.
    private func caseKeys(_ opened: CaseView, _ context: AppContext) -> KeyMap<CustomersScreen.Action> {
        let words = context.words
        var bindings = [KeyBinding(.escape, words.text("keys.cases.back"), action: CustomersScreen.Action.cases(.back))]
        guard let shown = context.shop.cases[opened.id] else { return KeyMap(bindings, flow: Self.flow(words)) }
        if shown.status == .resolved {
            bindings.append(KeyBinding(.character("r"), words.text("keys.cases.reopen"), action: .cases(.reopen)))
        } else {
            bindings += [KeyBinding(.character("u"), words.text("keys.cases.update"), action: .cases(.update)),
                         KeyBinding(.character("c"), words.text("keys.cases.close"), action: .cases(.close))]
        }
        bindings.append(KeyBinding(.enter, words.text("keys.cases.customerCard"), action: .cases(.customerCard)))
        let count = CaseView.history(shown).count
        let lines = [(Key.up, Action.scroll(-1), opened.first > 0), (.down, .scroll(1), opened.first + 1 < count)].filter(\.2)
        if !lines.isEmpty {
            bindings.append(KeyBinding(label: lines.count == 2 ? "↑↓" : lines[0].0.label, words.text("keys.customers.scroll"),
                                       lines.map { ($0.0, CustomersScreen.Action.cases($0.1)) }))
        }
        return KeyMap(bindings, flow: Self.flow(words))
    }

    /// Performs a binding of ``keys(_:toCustomers:)`` (but for the screen's own).
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .select(let key): _ = selection.handle(key, in: table(cases(context), context))
        case .open:
            guard let id = selectedCase(context) else { return [] }
            opened = CaseView(id)
            notice = nil
        case .owner:
            cycleOwner(context)
            selection = ListSelection()
        case .kind:
            kind = Self.next(after: kind, in: CaseKind.allCases)
            selection = ListSelection()
        case .status:
            status = Self.next(after: status, in: CaseStatus.allCases)
            selection = ListSelection()
        case .dueOnly:
            dueOnly.toggle()
            selection = ListSelection()
        case .clearFilters:
            self = CaseListView()
        case .back:
            opened = nil
            notice = nil
        case .scroll(let lines):
            guard let shown = opened.flatMap({ context.shop.cases[$0.id] }) else { return [] }
            opened?.scroll(lines, in: shown)
        case .update, .close, .reopen:
            guard let shown = opened.flatMap({ context.shop.cases[$0.id] }) else { return [] }
            let purpose: CaseChangeDialog.Purpose = action == .update ? .update : action == .close ? .close : .reopen
            opened?.dialog = CaseChangeDialog(purpose, of: shown)
            notice = nil
        case .step(let move): return step(move, context)
        case .customerCard: break
        }
        return []
    }

    /// The value after `current` in `all`, nil (any) after the last and before the first.
    private static func next<Value: Equatable>(after current: Value?, in all: [Value]) -> Value? {
        guard let current, let index = all.firstIndex(of: current) else { return all.first }
        return index + 1 < all.count ? all[index + 1] : nil
    }

    /// The owner filter: anyone, then the one signed in, then every other owner of a case.
    private mutating func cycleOwner(_ context: AppContext) {
        let others = Set(context.shop.cases.values.map { $0.owner.value.lowercased() }).subtracting([context.staff.value.lowercased()]).sorted()
        let owners = [context.staff] + others.map { StaffID(stored: $0) }
        let index = owner.flatMap { current in owners.firstIndex { $0.value.lowercased() == current.value.lowercased() } }
        owner = index.map { $0 + 1 < owners.count ? owners[$0 + 1] : nil } ?? owners.first
    }

    /// A step in the open case's dialog; the command it ends in is asked of the store.
    private mutating func step(_ move: CardStep, _ context: AppContext) -> [AppEffect] {
        guard var dialog = opened?.dialog else { return [] }
        let (close, command, problem) = dialog.take(move, context)
        opened?.dialog = close ? nil : dialog
        if let problem {
            notice = Notice(problem, tone: .error)
            return [.beep]
        }
        notice = nil
        return command.map { [.perform(.customers($0))] } ?? []
    }

    /// A key no binding has: typed into the dialog's prompt, if one is open.
    mutating func type(_ key: Key) {
        guard var dialog = opened?.dialog, dialog.step != .status, dialog.input.type(key) else { return }
        opened?.dialog = dialog
    }

    /// A change of a case is on disk: said, over the case.
    mutating func performed(_ outcome: CustomersScreen.Outcome) {
        let changed: Case
        let phrase: Phrase
        switch outcome {
        case .caseUpdated(let shown):
            changed = shown
            phrase = Phrase("cases.updated", ["case": .text(shown.id.description)])
        case .caseClosed(let shown):
            changed = shown
            phrase = Phrase("cases.closed", ["case": .text(shown.id.description)])
        case .caseReopened(let shown):
            changed = shown
            phrase = Phrase("cases.reopened", ["case": .text(shown.id.description)])
        default: return
        }
        notice = Notice(phrase)
        if opened?.id == changed.id { opened?.first = 0 }
    }

    /// A change was refused: nothing was written; the dialog opens again with what was given,
    /// and says why.
    mutating func refused(_ command: CustomersScreen.Command, _ reason: Phrase, _ context: AppContext) {
        notice = Notice(reason, tone: .error)
        guard let shown = opened.flatMap({ context.shop.cases[$0.id] }) else { return }
        opened?.dialog = CaseChangeDialog(refused: command, of: shown, context.words)
    }
}
