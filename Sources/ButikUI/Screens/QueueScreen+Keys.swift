import ButikDomain
import ButikGrid
import ButikText

/// The queue screen's keys: one table for the lists, one for each prompt, one for the
/// driver's handover.
extension QueueScreen {
    /// What a key does on the queue screen.
    enum Action: Sendable, Equatable {
        case switchList, select(Key), handOut, clearNotice
        case add, fetch, ready, remove, choose(Int)
        case carrierFilter, stateFilter, extend, returnOverdue, backToShelf, dropOff, handover
        case submitPrompt, cancelPrompt
        case checkHandover, cancelHandover
    }

    /// How the queue's work goes, for F1.
    static func flow(_ words: Words) -> String { words.text("screen.queue.flow") }

    /// What a burst of fast keys ending in Enter is: typing in the prompts for text (the search
    /// for a customer, a time and note, days, a slot), a scan elsewhere (a handover, a
    /// drop-off's number, a yes or no).
    func burst(_ context: AppContext) -> Burst {
        switch prompt?.purpose {
        case .add, .announce, .extend, .backToShelf: .text
        case .remove, .returnOverdue, .dropOff, nil: .scan
        }
    }

    /// The keys of the current mode.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        if let prompt { return promptKeys(prompt, context) }
        if let handover {
            let enter = handover.missingShown ? words.text("keys.queue.recordAnyway") : words.text("keys.queue.checkCount")
            return KeyMap([KeyBinding(.enter, enter, action: .checkHandover),
                           KeyBinding(.escape, words.text("keys.queue.cancel"), action: .cancelHandover)],
                          scan: words.text("keys.queue.countParcel"), flow: Self.flow(words))
        }
        var bindings = KeyBinding<Action>.list(words.text("keys.select"), words, Action.select) + [
            KeyBinding(.tab, words.text("keys.queue.list"), action: .switchList),
            KeyBinding(.enter, words.text("keys.queue.handOut"), action: .handOut),
            KeyBinding(.character("a"), words.text("keys.queue.add"), action: .add),
            KeyBinding(.character("f"), words.text("keys.queue.fetch"), action: .fetch),
            KeyBinding(.character("r"), words.text("keys.queue.ready"), action: .ready),
            KeyBinding(.character("x"), words.text("keys.queue.remove"), action: .remove),
            KeyBinding(.character("c"), words.text("keys.queue.carrier"), action: .carrierFilter),
            KeyBinding(.character("s"), words.text("keys.queue.state"), action: .stateFilter),
            KeyBinding(.character("e"), words.text("keys.queue.extend"), action: .extend),
            KeyBinding(.character("o"), words.text("keys.queue.returnOverdue"), action: .returnOverdue),
        ]
        // A returning parcel selected in the list below (the returns view) can go back to a shelf.
        if focus == .parcels, case .returning = selectedParcel(context)?.status {
            bindings.append(KeyBinding(.character("b"), words.text("keys.queue.backToShelf"), action: .backToShelf))
        }
        bindings += [
            KeyBinding(.character("d"), words.text("keys.queue.dropOff"), action: .dropOff),
            KeyBinding(.character("h"), words.text("keys.queue.handover"), action: .handover),
        ]
        if notice != nil { bindings.append(KeyBinding(.escape, words.text("keys.queue.clearMessage"), action: .clearNotice)) }
        return KeyMap(bindings, flow: Self.flow(words))
    }

    /// The keys of the open prompt: a question answered with text has the prompt's table (↑↓
    /// too once finding a customer gives a choice), a yes/no question its own.
    private func promptKeys(_ prompt: QueuePrompt, _ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flow = Self.flow(words)
        if let input = prompt.input {
            let choosing = prompt.purpose == .add && prompt.matches(context).count > 1
                ? [KeyBinding(label: "↑↓", words.text("keys.queue.choose"), [(.up, Action.choose(-1)), (.down, .choose(1))])] : []
            return input.keys(words, flow: flow, before: choosing)
        }
        let returning = prompt.purpose == .returnOverdue
        let yes = returning ? words.text("keys.queue.returnThem") : words.text("keys.queue.takeOut")
        let no = returning ? words.text("keys.queue.keepThem") : words.text("keys.queue.keepInQueue")
        return KeyMap([KeyBinding([.character("y"), .character("j"), .enter], label: words.text("keys.intake.yesLabel"), yes, action: .submitPrompt),
                       KeyBinding([.character("n"), .escape], label: "n/Esc", no, action: .cancelPrompt)],
                      flow: flow)
    }

    /// Performs a binding of ``keys(_:)`` (Enter's hand-out is the app's: it opens the counter).
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .switchList: focus = focus == .pickup ? .parcels : .pickup
        case .select(let key):
            switch focus {
            case .pickup: _ = pickup.handle(key, in: pickupTable(context))
            case .parcels: _ = selection.handle(key, in: table(context))
            }
        case .handOut: break
        case .clearNotice: notice = nil
        case .add:
            notice = nil
            prompt = .add()
        case .fetch: return changeSelectedEntry(context) { .startFetching($0) }
        case .ready: return changeSelectedEntry(context) { .markReady($0) }
        case .remove:
            guard let entry = selectedEntry(context) else { return nobodySelected() }
            notice = nil
            prompt = .remove(entry.customer)
        case .choose(let by): moveChoice(by, context)
        case .carrierFilter: cycleCarrier(context)
        case .stateFilter: cycleState()
        case .extend: return openExtend(context)
        case .returnOverdue: return openReturnOverdue(context)
        case .backToShelf:
            guard let parcel = selectedParcel(context) else { return [] }
            notice = nil
            prompt = .backToShelf(parcel.id)
        case .dropOff:
            notice = nil
            prompt = .dropOff()
        case .handover:
            notice = nil
            handover = HandoverCount(carrier: carrierFilter)
        case .submitPrompt: return submitPrompt(context)
        case .cancelPrompt: prompt = nil
        case .checkHandover: return checkHandover(context)
        case .cancelHandover:
            handover = nil
            notice = Notice(Phrase("queue.handover.cancelled"))
        }
        return []
    }

    /// A key no binding has: typed into the open prompt's field.
    mutating func type(_ key: Key, _ context: AppContext) {
        guard var open = prompt, open.input?.type(key) == true else { return }
        open.choice = 0
        prompt = open
    }
}
