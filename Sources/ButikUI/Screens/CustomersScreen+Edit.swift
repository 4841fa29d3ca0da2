import ButikDomain
import ButikGrid
import ButikText

/// The card's record edited (`e`, ``CustomerEditor``) and another record merged into it (`m`,
/// ``CustomerMergeDialog``): their key tables, actions and answers.
extension CustomersScreen {
    /// The editor's keys: the list's numbers, ↑↓ and Enter; a choice's numbers; the prompt's Enter and Esc.
    func editorKeys(_ editor: CustomerEditor, _ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flow = Self.flow(words)
        switch editor.step {
        case .text(_, let prompt):
            return prompt.keys(words, flow: flow)
        case .fields:
            let count = CustomerEditor.Field.allCases.count
            return KeyMap([KeyBinding(label: "1-\(count)", words.text("keys.customers.pickField"), CustomerEditor.fieldKeys.map { ($0.key, Action.editField($0.field)) })]
                          + Self.lineKeys(editor.selected, of: count, Action.selectLine, words)
                          + [KeyBinding(.enter, words.text("keys.customers.change"), action: .submitEdit),
                           KeyBinding(.escape, words.text("keys.customers.doneEditing"), action: .cancelEdit)], flow: flow)
        case .choice(let field):
            let count = CustomerEditor.choices(field).count
            let picks = (0..<count).map { (Key.character(Character("\($0)")), Action.choose($0)) }
            return KeyMap([KeyBinding(label: "0-\(count - 1)", words.text("keys.customers.pickChoice"), picks)]
                          + Self.lineKeys(editor.selected, of: count, Action.selectLine, words)
                          + [KeyBinding(.enter, words.text("keys.customers.save"), action: .submitEdit),
                           KeyBinding(.escape, words.text("keys.customers.backToFields"), action: .cancelEdit)], flow: flow)
        }
    }

    /// The merge's keys: searching, ↑↓ among the matches, Enter and Esc; confirming, y or j (and Enter), Esc.
    func mergeKeys(_ merging: CustomerMergeDialog, _ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flow = Self.flow(words)
        guard merging.preview == nil else {
            return KeyMap([KeyBinding([.character("y"), .character("j"), .enter], label: "y/j", words.text("keys.customers.confirmMerge"), action: .confirmMerge),
                           KeyBinding(.escape, words.text("keys.counter.cancel"), action: .cancelMerge)], flow: flow)
        }
        let moving = Self.lineKeys(merging.selected, of: merging.matches(context.shop).count, Action.moveMatch, words)
        return merging.search.keys(words, flow: flow, before: moving)
    }

    /// ↑ and ↓ through a list of `count` lines with `selected` on, each only where it has a line to go to.
    private static func lineKeys(_ selected: Int, of count: Int, _ move: (Int) -> Action, _ words: Words) -> [KeyBinding<Action>] {
        let lines = [(Key.up, move(-1), selected > 0), (.down, move(1), selected + 1 < count)].filter(\.2)
        guard !lines.isEmpty else { return [] }
        return [KeyBinding(label: lines.count == 2 ? "↑↓" : lines[0].0.label, words.text("keys.select"), lines.map { ($0.0, $0.1) })]
    }

    /// Performs an action of the editor.
    mutating func performEdit(_ action: Action, _ context: AppContext) -> [AppEffect] {
        guard let id = card?.customer, let customer = context.shop.customers[id] else { return [] }
        switch action {
        case .edit:
            editor = CustomerEditor(id)
            notice = nil
        case .editField(let field):
            if let changes = editor?.pick(field, of: customer) { return [.perform(.customers(.editCustomer(id, changes)))] }
        case .selectLine(let lines):
            editor?.move(lines)
        case .choose(let index):
            guard let field = editor?.field, let changes = CustomerEditor.changes(choosing: index, of: field) else { return [] }
            return [.perform(.customers(.editCustomer(id, changes)))]
        case .submitEdit:
            guard let editor else { return [] }
            switch editor.step {
            case .fields: return performEdit(.editField(CustomerEditor.Field.allCases[editor.selected]), context)
            case .choice: return performEdit(.choose(editor.selected), context)
            case .text(let field, let prompt): return [.perform(.customers(.editCustomer(id, CustomerEditor.changes(field, text: prompt.answer))))]
            }
        case .cancelEdit:
            if editor?.step == .fields {
                editor = nil
            } else {
                editor?.backToFields()
                editor?.refusal = nil
            }
        default: break
        }
        return []
    }

    /// Performs an action of the merge.
    mutating func performMerge(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .merge:
            guard let id = card?.customer else { return [] }
            merging = CustomerMergeDialog(id)
            notice = nil
        case .moveMatch(let lines): merging?.move(lines, context.shop)
        case .submitMerge:
            guard merging?.choose(context) == true else { return [.beep] }
        case .confirmMerge:
            guard let preview = merging?.preview else { return [] }
            return [.perform(.customers(.mergeCustomers(keep: preview.kept.id, other: preview.merged.id)))]
        case .cancelMerge: merging = nil
        default: break
        }
        return []
    }

    /// A key typed while the editor's prompt or the merge's search is open.
    mutating func typeInEditOrMerge(_ key: Key) {
        if case .text(let field, var prompt)? = editor?.step, prompt.type(key) {
            editor?.step = .text(field, prompt)
        } else if merging?.preview == nil, merging?.search.type(key) == true {
            merging?.selected = 0
            merging?.refusal = nil
        }
    }

    /// An edit or a merge is on disk: the edit is said and the list of fields shows again; a
    /// merge shows the kept record on the card, its timeline read anew.
    mutating func performedEdit(_ outcome: Outcome) {
        switch outcome {
        case .customerEdited(let customer):
            let field = editor?.field.map(CustomerEditor.label) ?? Phrase("customers.edit.field.regular")
            notice = Notice(Phrase("customers.edited", ["field": .phrase(field), "key": .text(customer.key.value)]))
            editor?.backToFields()
            editor?.refusal = nil
            if card?.customer == customer.id { card?.want(1) }
        case .customersMerged(let merge):
            merging = nil
            card = CustomerCard(merge.kept.id)
            notice = Notice(Phrase("customers.merged", ["other": .text(merge.merged.key.value), "name": .text(merge.merged.name),
                                                        "kept": .text(merge.kept.key.value)]))
        default: break
        }
    }

    /// An edit or a merge was refused: the dialog says why, with what was typed kept.
    mutating func refusedEdit(_ reason: Phrase) {
        notice = nil
        if editor != nil {
            editor?.refusal = reason
        } else {
            merging?.preview = nil
            merging?.refusal = reason
        }
    }
}
