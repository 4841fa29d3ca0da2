import ButikDomain
import ButikGrid
import ButikText

/// The customers screen's keys: one table for the list, one while the filter has the focus,
/// one for the card and one for each dialog; the case list's (``CaseListView``) while it shows.
extension CustomersScreen {
    /// What a key does on the customers screen.
    enum Action: Sendable, Equatable {
        // The list.
        case select(Key), filter, doneFiltering, clear, open
        // The card: back to the list, its timeline a line, a page, the newest or oldest page, read again.
        case back, scroll(Int), page(Int), newest, oldest, readAgain
        // A new customer (list and card); a proxy registered or withdrawn (card).
        case add, addProxy, withdrawProxy
        // A dialog.
        case submitPrompt, cancelPrompt, pickProxy(Int)
        // The record edited (card): a field picked, a choice, Enter and Esc in it; see CustomersScreen+Edit.
        case edit, editField(CustomerEditor.Field), selectLine(Int), choose(Int), submitEdit, cancelEdit
        // Another record merged into the card's: see CustomersScreen+Edit.
        case merge, moveMatch(Int), submitMerge, cancelMerge, confirmMerge
        // The card's contact and case dialogs: opened, and a step in them.
        case logContact, openCase, dialog(CardStep)
        // The list shows the cases instead of the customers, or the customers again (Tab).
        case switchView
        // A key of the case list, which the screen holds.
        case cases(CaseListView.Action)
    }

    /// The keys of the current mode.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flow = Self.flow(words)
        if let prompt { return promptKeys(prompt, context) }
        if let editor { return editorKeys(editor, context) }
        if let merging { return mergeKeys(merging, context) }
        if let dialog { return dialogKeys(dialog, context) }
        if let card { return cardKeys(card, context) }
        if showsCases { return cases.keys(context, toCustomers: KeyBinding(.tab, words.text("keys.customers.toCustomers"), action: .switchView)) }
        // Home and End edit the filter while it has the focus.
        var bindings = KeyBinding<Action>.list(words.text("keys.select"), homeAndEnd: !filtering, words, Action.select)
        if !customers(context).isEmpty { bindings.append(KeyBinding(.enter, words.text("keys.customers.open"), action: .open)) }
        if filtering {
            bindings.append(KeyBinding(.tab, words.text("keys.customers.done"), action: .doneFiltering))
        } else {
            bindings += [KeyBinding(.tab, words.text("keys.customers.toCases"), action: .switchView),
                         KeyBinding(.character("a"), words.text("keys.customers.newCustomer"), action: .add),
                         KeyBinding(.character("/"), words.text("keys.customers.filter"), action: .filter)]
        }
        if filtering || !filter.text.isEmpty || selection.index != 0 || notice != nil {
            bindings.append(KeyBinding(.escape, words.text("keys.counter.clear"), action: .clear))
        }
        return KeyMap(bindings, typing: words.text("keys.customers.filter"), flow: flow)
    }

    /// The card: back, the timeline's lines and pages where it has somewhere to go, reading a
    /// failed page again, the proxies and a new customer.
    private func cardKeys(_ card: CustomerCard, _ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        var bindings = [KeyBinding(.escape, words.text("keys.customers.back"), action: Action.back)]
        if case .unread = card.timeline { bindings.append(KeyBinding(.character("r"), words.text("keys.customers.readAgain"), action: .readAgain)) }
        if let page = card.page {
            let lines = [(Key.up, Action.scroll(-1), card.first > 0), (.down, .scroll(1), card.first + 1 < page.entries.count)].filter(\.2)
            if !lines.isEmpty {
                bindings.append(KeyBinding(label: lines.count == 2 ? "↑↓" : lines[0].0.label, words.text("keys.customers.scroll"),
                                           lines.map { ($0.0, $0.1) }))
            }
            if page.page < page.pageCount {
                bindings += [KeyBinding(.pageDown, words.text("keys.customers.olderPage"), action: .page(1)),
                             KeyBinding(.end, words.text("keys.customers.oldest"), action: .oldest, showsOnHelpLine: false)]
            }
            if page.page > 1 { bindings.append(KeyBinding(.pageUp, words.text("keys.customers.newerPage"), action: .page(-1))) }
            if page.page > 1 || card.first > 0 {
                bindings.append(KeyBinding(.home, words.text("keys.customers.newest"), action: .newest, showsOnHelpLine: false))
            }
        }
        bindings.append(KeyBinding(.character("p"), words.text("keys.customers.addProxy"), action: .addProxy))
        if context.shop.customers[card.customer]?.proxies.isEmpty == false {
            bindings.append(KeyBinding(.character("P"), words.text("keys.customers.withdrawProxy"), action: .withdrawProxy))
        }
        bindings.append(KeyBinding(.character("a"), words.text("keys.customers.newCustomer"), action: .add))
        bindings += [KeyBinding(.character("e"), words.text("keys.customers.edit"), action: .edit),
                     KeyBinding(.character("m"), words.text("keys.customers.merge"), action: .merge)]
        bindings += [KeyBinding(.character("c"), words.text("keys.customers.contact"), action: .logContact),
                     KeyBinding(.character("o"), words.text("keys.customers.case"), action: .openCase)]
        return KeyMap(bindings, flow: Self.flow(words))
    }

    /// A dialog's keys: Enter and Esc; withdrawing, a digit picks a registered proxy.
    private func promptKeys(_ prompt: CustomersPrompt, _ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        guard case .withdraw(let id) = prompt.purpose else { return prompt.input.keys(words, flow: Self.flow(words)) }
        let count = min(CustomersPrompt.picked, context.shop.customers[id]?.proxies.count ?? 0)
        let picks = (0..<count).map { (Key.character(Character("\($0 + 1)")), Action.pickProxy($0 + 1)) }
        let picking = picks.isEmpty ? [] : [KeyBinding(label: count == 1 ? "1" : "1-\(count)", words.text("keys.counter.registeredProxy"), picks)]
        return prompt.input.keys(words, flow: Self.flow(words), before: picking)
    }

    /// Performs a binding of ``keys(_:)``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .select(let key): _ = selection.handle(key, in: table(customers(context), context))
        case .filter: filtering = true
        case .doneFiltering: filtering = false
        case .clear:
            filter = TextField()
            filtering = false
            selection = ListSelection()
            notice = nil
        case .open:
            guard let id = selectedCustomer(context) else { return [] }
            card = CustomerCard(id)
            filtering = false
            notice = nil
        case .back:
            card = nil
            notice = nil
        case .scroll(let lines): card?.scroll(lines)
        case .page(let pages): card?.turn(pages)
        case .newest: card?.want(1)
        case .oldest: card?.oldest()
        case .readAgain: card?.readAgain()
        case .add:
            prompt = .name()
            notice = nil
        case .addProxy:
            guard let id = card?.customer else { return [] }
            prompt = .proxy(id)
            notice = nil
        case .withdrawProxy:
            guard let id = card?.customer else { return [] }
            prompt = .withdraw(id)
            notice = nil
        case .edit, .editField, .selectLine, .choose, .submitEdit, .cancelEdit: return performEdit(action, context)
        case .merge, .moveMatch, .submitMerge, .cancelMerge, .confirmMerge: return performMerge(action, context)
        case .submitPrompt: return submitPrompt(context)
        case .logContact, .openCase: openDialog(action, context)
        case .dialog(let move): return step(move, context)
        case .switchView:
            showsCases.toggle()
            notice = nil
        case .cases(.customerCard):
            guard let id = cases.opened?.id, let customer = context.shop.cases[id]?.customer else { return [] }
            card = CustomerCard(customer)
            notice = nil
        case .cases(let action): return cases.perform(action, context)
        case .cancelPrompt:
            if case .phone(let name)? = prompt?.purpose {
                prompt = .name(text: name)
            } else if case .relation(let id, let name)? = prompt?.purpose {
                prompt = .proxy(id, text: name)
            } else if case .validUntil(let id, let name, let relation)? = prompt?.purpose {
                prompt = .relation(id, name: name, text: relation)
            } else {
                prompt = nil
            }
            notice = nil
        case .pickProxy(let number):
            guard case .withdraw(let id)? = prompt?.purpose, let proxies = context.shop.customers[id]?.proxies,
                  proxies.indices.contains(number - 1) else { return [.beep] }
            prompt = nil
            return [.perform(.customers(.revokeProxy(id, name: proxies[number - 1].name)))]
        }
        return []
    }

    /// Enter in a dialog: the name (checked as the domain will, so a bad one is said at once)
    /// leads to the phone, a proxy's name (checked so too) to their relation and last day; the
    /// phone, the proxy with their last day (a day that is none said at once) or the one to
    /// withdraw is asked of the store.
    private mutating func submitPrompt(_ context: AppContext) -> [AppEffect] {
        guard let open = prompt else { return [] }
        let answer = open.input.answer
        switch open.purpose {
        case .name:
            do throws(DomainError) {
                prompt = .phone(name: try TypedText.customerName(answer))
                notice = nil
            } catch {
                notice = Notice(error.phrase, tone: .error)
                return [.beep]
            }
            return []
        case .phone(let name):
            prompt = nil
            return [.perform(.customers(.addCustomer(NewCustomer(name: name, phones: answer.isEmpty ? [] : [answer]))))]
        case .proxy(let id):
            do throws(DomainError) {
                prompt = .relation(id, name: try ShopState.proxyName(answer))
                notice = nil
            } catch {
                notice = Notice(error.phrase, tone: .error)
                return [.beep]
            }
            return []
        case .relation(let id, let name):
            prompt = .validUntil(id, name: name, relation: answer)
            notice = nil
            return []
        case .validUntil(let id, let name, let relation):
            var until: Day?
            if !answer.isEmpty {
                guard let day = Day(typed: answer, from: context.today) else {
                    notice = Notice(Phrase("customers.proxy.badDay", ["text": .text(answer)]), tone: .error)
                    return [.beep]
                }
                until = day
            }
            prompt = nil
            return [.perform(.customers(.authoriseProxy(id, name: name, relation: relation.isEmpty ? nil : relation, validUntil: until)))]
        case .withdraw(let id):
            prompt = nil
            return [.perform(.customers(.revokeProxy(id, name: answer)))]
        }
    }

    /// A key no binding has: typed into the dialog's field, or into the filter, which then has
    /// the focus (the card has no field), or into the case list's dialog.
    mutating func type(_ key: Key, _ context: AppContext) {
        if prompt != nil {
            _ = prompt?.input.type(key)
            return
        }
        if editor != nil || merging != nil {
            typeInEditOrMerge(key)
            return
        }
        if dialog != nil { return typeInDialog(key) }
        guard card == nil else { return }
        if showsCases { return cases.type(key) }
        guard filter.handle(key) else { return }
        filtering = true
        selection = ListSelection()
    }
}
