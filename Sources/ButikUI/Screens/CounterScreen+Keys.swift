import ButikDomain
import ButikGrid
import ButikText

/// The counter's keys: one table per mode (the search, the past of a number, each step of a
/// hand-out), which the update dispatches through and the help is drawn from.
extension CounterScreen {
    /// What a key does on the counter.
    enum Action: Sendable, Equatable {
        // The search.
        case select(Key), startHandOut, lookUp, undoHandOut, clear
        // The past of a number.
        case closePast, newer, older
        // A hand-out.
        case verify(Verification), moveCursor(Int), toggleParcel, pickProxy(Int), proxyNamed, proxyIdentified, giveCode,
             handOut, refuse, noteRefusal, backToIdentity, cancelHandOut
    }

    /// How the counter's work goes, for F1.
    static func flow(_ words: Words) -> String { words.text("screen.counter.flow") }

    /// The keys of the counter's current mode.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        if let handOut { return handOutKeys(handOut, context) }
        if let past { return pastKeys(past, context.words) }
        return searchKeys(context)
    }

    /// The search: Enter hands out, or looks up the past of a number no parcel here has.
    private func searchKeys(_ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let enter = numberToLookUp(context) == nil
            ? KeyBinding(.enter, words.text("keys.counter.handOut"), action: Action.startHandOut)
            : KeyBinding(.enter, words.text("keys.counter.history"), action: Action.lookUp)
        // ↑↓ once there is a choice; Home and End edit the search.
        let choice = !field.text.isEmpty && hits(context).count > 1
        var bindings = choice ? KeyBinding<Action>.list(words.text("keys.select"), homeAndEnd: false, words, Action.select) : []
        bindings += [enter, KeyBinding(.control("z"), words.text("keys.counter.undoHandOut"), action: .undoHandOut)]
        if !field.text.isEmpty || notice != nil || selection.index != 0 {
            bindings.append(KeyBinding(.escape, words.text("keys.counter.clear"), action: .clear))
        }
        return KeyMap(bindings, typing: words.text("keys.counter.search"), flow: Self.flow(words))
    }

    /// The past of a number: ↑ while a newer parcel is above, ↓ while an older one follows;
    /// typing starts a new search.
    private func pastKeys(_ past: PastParcels, _ words: Words) -> KeyMap<Action> {
        let newer = past.first > 0, older = past.first + 1 < past.stories.count
        let arrows: [KeyBinding<Action>] = switch (newer, older) {
        case (true, true): [KeyBinding(label: "↑↓", words.text("keys.counter.newerOlder"), [(.up, .newer), (.down, .older)])]
        case (true, false): [KeyBinding(.up, words.text("keys.counter.newer"), action: .newer)]
        case (false, true): [KeyBinding(.down, words.text("keys.counter.older"), action: .older)]
        case (false, false): []
        }
        return KeyMap([KeyBinding(.escape, words.text("keys.counter.close"), action: .closePast)] + arrows,
                      typing: words.text("keys.counter.newSearch"), flow: Self.flow(words))
    }

    /// Each step of a hand-out.
    private func handOutKeys(_ flow: HandOutFlow, _ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flowText = Self.flow(words)
        let list = [KeyBinding(label: "↑↓", words.text("keys.counter.parcel"), [(.up, Action.moveCursor(-1)), (.down, .moveCursor(1))]),
                    KeyBinding(.character(" "), label: words.text("key.space"), words.text("keys.counter.leaveOut"), action: .toggleParcel)]
        let refuse = KeyBinding(.control("r"), words.text("keys.counter.refuse"), action: Action.refuse)
        let cancel = KeyBinding(.escape, words.text("keys.counter.cancel"), action: Action.cancelHandOut)
        switch flow.step {
        case .verifying:
            let ways: [(Character, Verification)] = [("1", .id), ("2", .code), ("3", .known), ("4", .proxy)]
            let choices = ways.map { (key: Key.character($0.0), action: Action.verify($0.1)) }
            return KeyMap([KeyBinding(label: "1-4", words.text("keys.counter.identity"), choices)] + list + [refuse, cancel], flow: flowText)
        case .proxyName:
            let proxies = context.shop.customers[flow.customer]?.proxies.prefix(9).count ?? 0
            let pick = (1...max(1, proxies)).map { (Key.character(Character("\($0)")), Action.pickProxy($0)) }
            let picking = proxies == 0 ? [] : [KeyBinding(label: proxies == 1 ? "1" : "1-\(proxies)", words.text("keys.counter.registeredProxy"), pick)]
            return flow.proxyField.keys(words, flow: flowText, before: picking, between: [refuse])
        case .proxyID: return flow.proxyIDField.keys(words, flow: flowText, between: [refuse])
        case .pickupCode: return flow.codeField.keys(words, flow: flowText, between: [refuse])
        case .scanning:
            return KeyMap([KeyBinding(.enter, words.text("keys.counter.handOut"), action: .handOut)] + list + [refuse, cancel],
                          scan: words.text("keys.counter.confirm"), flow: flowText)
        case .refusing: return flow.reasonField.keys(words, flow: flowText)
        }
    }

    /// What a burst of fast keys ending in Enter is: typing in a hand-out's fields (a proxy's
    /// name and ID, the pickup code, the reason), a scan or a search in the search, a scan
    /// in the other steps of a hand-out.
    func burst(_ context: AppContext) -> Burst {
        switch handOut?.step {
        case nil: .scanOrText
        case .proxyName, .proxyID, .pickupCode, .refusing: .text
        case .verifying, .scanning: .scan
        }
    }

    /// Performs a binding of ``keys(_:)``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .select(let key):
            notice = nil
            replaceOnType = false
            _ = selection.handle(key, in: table(hits(context), context))
        case .startHandOut: return startHandOut(context)
        case .lookUp: return numberToLookUp(context).map { [.lookUpStories($0)] } ?? []
        case .undoHandOut: return undoLastHandOut()
        case .clear: clear()
        case .closePast:
            past = nil
            clear()
        case .newer, .older:
            guard var shown = past else { return [] }
            shown.first = action == .newer ? max(0, shown.first - 1) : min(shown.stories.count - 1, shown.first + 1)
            past = shown
        default:
            return performHandOut(action, context)
        }
        return []
    }

    /// A key no binding has: typed into the field of the mode, if it has one. Typing after a
    /// scan replaces the scanned number; typing closes the past of a number.
    mutating func type(_ key: Key, _ context: AppContext) {
        if handOut != nil {
            _ = handOut?.field?.type(key)
            return
        }
        var edited = field
        if case .character = key, replaceOnType { edited = TextField(placeholder: field.placeholder) }
        guard edited.handle(key) else { return }
        field = edited
        replaceOnType = false
        selection = ListSelection()
        notice = nil
        past = nil
    }
}
