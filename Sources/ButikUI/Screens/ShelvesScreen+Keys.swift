import ButikDomain
import ButikGrid
import ButikText

/// The shelves screen's keys: one table for the map, one for the slot's list, one for the
/// find field and one for the move and capacity prompts.
extension ShelvesScreen {
    /// What a key does on the shelves screen.
    enum Action: Sendable, Equatable {
        case slot(Key), parcel(Key), move, capacity, find, switchFocus, clear
        case keepFound, clearFind
        case submitPrompt, cancelPrompt
    }

    /// How the shelves' work goes, for F1.
    static func flow(_ words: Words) -> String { words.text("screen.shelves.flow") }

    /// The keys of the current mode.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flow = Self.flow(words)
        if let prompt { return prompt.input.keys(words, flow: flow) }
        if finding { return find.keys(words, flow: flow) }
        var bindings: [KeyBinding<Action>] = switch focus {
        case .map: [KeyBinding(label: "←→↑↓", words.text("keys.shelves.slot"), [Key.left, .right, .up, .down].map { ($0, .slot($0)) }),
                    KeyBinding(label: "Home End", words.text("keys.shelves.ends"), [Key.home, .end].map { ($0, .slot($0)) },
                               showsOnHelpLine: false),
                    KeyBinding(.character("m"), words.text("keys.shelves.moveAll"), action: .move)]
        case .list: KeyBinding<Action>.list(words.text("keys.counter.parcel"), words, Action.parcel)
            + [KeyBinding(.character("m"), words.text("keys.shelves.moveIt"), action: .move)]
        }
        bindings += [KeyBinding(.character("c"), words.text("keys.shelves.capacity"), action: .capacity),
                     KeyBinding(.character("/"), words.text("keys.shelves.find"), action: .find),
                     KeyBinding(.tab, focus == .map ? words.text("keys.shelves.list") : words.text("keys.shelves.map"), action: .switchFocus)]
        if notice != nil || !find.text.isEmpty || focus == .list {
            bindings.append(KeyBinding(.escape, words.text("keys.counter.clear"), action: .clear))
        }
        return KeyMap(bindings, scan: words.text("keys.shelves.move"), flow: flow)
    }

    /// Performs a binding of ``keys(_:)``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .slot(let key): moveSelection(key, context)
        case .parcel(let key): _ = list.handle(key, in: table(context))
        case .move: return openMove(context)
        case .capacity: return openCapacity(context)
        case .find:
            finding = true
            focus = .map
        case .switchFocus:
            focus = focus == .map ? .list : .map
            list = ListSelection()
        case .clear:
            clearFind()
            notice = nil
            focus = .map
        case .keepFound: finding = false
        case .clearFind: clearFind()
        case .submitPrompt: return submitPrompt(context)
        case .cancelPrompt:
            prompt = nil
            notice = nil
        }
        return []
    }

    /// What a burst of fast keys ending in Enter is: a scan or the find field's text while
    /// finding, a scan otherwise.
    func burst(_ context: AppContext) -> Burst { finding && prompt == nil ? .scanOrText : .scan }

    /// A key no binding has: typed into the prompt's field or the find field.
    mutating func type(_ key: Key, _ context: AppContext) {
        if prompt != nil {
            _ = prompt?.input.type(key)
        } else if finding, find.type(key) {
            refreshFound(context)
            if let first = found.first { select(first, context) }
        }
    }
}
