import ButikDomain
import ButikGrid
import ButikText

/// The queue screen's keys: one table for the lists, one for each prompt, one for the
/// driver's handover.
extension QueueScreen {
    /// What a key does on the queue screen.
    enum Action: Sendable, Equatable {
        case switchList, select(Key), handOut, clearNotice
        case add, fetch, ready, remove
        case carrierFilter, stateFilter, extend, returnOverdue, dropOff, handover
        case submitPrompt, cancelPrompt
        case checkHandover, cancelHandover
    }

    /// How the queue's work goes, for F1.
    static let flow = "The pickup queue on top: a puts a customer at the counter (or announced for a time) in it; "
        + "whoever fetches their parcels presses f, then r when they are at the counter, and Enter hands them out "
        + "on the Counter. Below, every parcel waiting, the earliest deadline first (Tab moves there): c and s "
        + "filter it, e keeps the selected parcel longer, o sends every overdue parcel back, listing where to fetch each. d takes "
        + "in a customer's return parcel; h counts what the driver takes from OUT (the carrier filtered with c, if "
        + "any), one scan each: a parcel that waits for a customer is a STOP, put it back."

    /// The keys of the current mode.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        if let prompt { return promptKeys(prompt.purpose) }
        if let handover {
            return KeyMap([KeyBinding(.enter, handover.missingShown ? "record anyway" : "check the count", action: .checkHandover),
                           KeyBinding(.escape, "cancel", action: .cancelHandover)],
                          scan: "count a parcel", flow: Self.flow)
        }
        var bindings = KeyBinding<Action>.list("select", Words.english, Action.select) + [
            KeyBinding(.tab, "list", action: .switchList),
            KeyBinding(.enter, "hand out", action: .handOut),
            KeyBinding(.character("a"), "add", action: .add),
            KeyBinding(.character("f"), "fetch", action: .fetch),
            KeyBinding(.character("r"), "ready", action: .ready),
            KeyBinding(.character("x"), "remove", action: .remove),
            KeyBinding(.character("c"), "carrier", action: .carrierFilter),
            KeyBinding(.character("s"), "state", action: .stateFilter),
            KeyBinding(.character("e"), "extend", action: .extend),
            KeyBinding(.character("o"), "return overdue", action: .returnOverdue),
            KeyBinding(.character("d"), "drop-off", action: .dropOff),
            KeyBinding(.character("h"), "driver handover", action: .handover),
        ]
        if notice != nil { bindings.append(KeyBinding(.escape, "clear message", action: .clearNotice)) }
        return KeyMap(bindings, flow: Self.flow)
    }

    /// The keys of the prompt for `purpose`.
    private func promptKeys(_ purpose: QueuePrompt.Purpose) -> KeyMap<Action> {
        let cancel = KeyBinding(.escape, "cancel", action: Action.cancelPrompt)
        switch purpose {
        case .add:
            return KeyMap([KeyBinding(.enter, "add", action: .submitPrompt), cancel], typing: "the customer's key, and HH:MM", flow: Self.flow)
        case .extend:
            return KeyMap([KeyBinding(.enter, "extend", action: .submitPrompt), cancel], typing: "the days more", flow: Self.flow)
        case .dropOff:
            return KeyMap([KeyBinding(.enter, "take in", action: .submitPrompt), cancel],
                          typing: "the tracking number, then the carrier", scan: "its number", flow: Self.flow)
        case .returnOverdue:
            return KeyMap([KeyBinding([.character("y"), .enter], label: "y/Enter", "return them", action: .submitPrompt),
                           KeyBinding([.character("n"), .escape], label: "n/Esc", "keep them", action: .cancelPrompt)],
                          flow: Self.flow)
        }
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
            prompt = .add(context)
        case .fetch: return changeSelectedEntry(context) { .startFetching($0) }
        case .ready: return changeSelectedEntry(context) { .markReady($0) }
        case .remove: return changeSelectedEntry(context) { .closeQueueEntry($0, .cancelled) }
        case .carrierFilter: cycleCarrier(context)
        case .stateFilter: cycleState()
        case .extend: return openExtend(context)
        case .returnOverdue: return openReturnOverdue(context)
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
            notice = QueueNotice(text: "Handover cancelled; nothing was recorded.", isProblem: false)
        }
        return []
    }

    /// A key no binding has: typed into the open prompt's field.
    mutating func type(_ key: Key, _ context: AppContext) {
        guard var open = prompt, open.modal.edit(key) else { return }
        prompt = open
    }
}
