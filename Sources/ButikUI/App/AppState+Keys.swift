import ButikGrid
import ButikText

/// What a key does in the app's current mode: one of the app's own actions, the help
/// screen's, or the open screen's.
enum KeyAction: Sendable {
    case app(AppAction)
    case help(HelpAction)
    case counter(CounterScreen.Action)
    case intake(IntakeScreen.Action)
    case shelves(ShelvesScreen.Action)
    case queue(QueueScreen.Action)
    case customers(CustomersScreen.Action)
}

/// The keys of the help screen.
enum HelpAction: Sendable, Equatable {
    case close
    /// Scrolls by this many lines (negative: up).
    case scroll(Int)

    static func keyMap(_ words: Words) -> KeyMap<HelpAction> {
        KeyMap<HelpAction>([
            KeyBinding([.escape, .enter, .function(1), .character("q")], label: "Esc", words.text("keys.help.close"), action: .close),
            KeyBinding(label: "↑↓", words.text("keys.help.scroll"),
                       [(.up, .scroll(-1)), (.down, .scroll(1)), (.pageUp, .scroll(-10)), (.pageDown, .scroll(10))]),
        ])
    }
}

extension AppState {
    /// Every key of the app's current mode, the one table that dispatches them and draws the
    /// help line and the help screen: the help screen's while it is open, else the open
    /// screen's (in its mode) followed by the keys that work on every screen.
    var keys: KeyMap<KeyAction> {
        let words = context.words
        if helpVisible { return HelpAction.keyMap(words).map(KeyAction.help).followed(by: AppAction.quitKeys(words).map(KeyAction.app)) }
        return screenKeys.followed(by: AppAction.keyMap(words).map(KeyAction.app))
    }

    /// What a burst of fast keys ending in Enter is in the current mode: the driver sends no
    /// scans in a prompt for free text, and ``AppMessage/scan(_:)`` types a burst that is no
    /// tracking number into a field of free text that takes scans. Asked at every key, so it
    /// looks at the mode, not at its table.
    public var burst: Burst {
        if helpVisible { return .scan }
        return switch tab {
        case .counter: counter.burst(context)
        case .intake: intake.burst(context)
        case .shelves: shelves.burst(context)
        case .customers: customers.burst(context)
        case .queue: queue.burst(context)
        case .reports: .scan
        }
    }

    /// The open screen's keys in its current mode (under the help screen too).
    var screenKeys: KeyMap<KeyAction> {
        var keys = openScreenKeys
        keys.inputLabels = (context.words.text("keys.type"), context.words.text("keys.scan"))
        return keys
    }

    private var openScreenKeys: KeyMap<KeyAction> {
        switch tab {
        case .counter: counter.keys(context).map(KeyAction.counter)
        case .intake: intake.keys(context).map(KeyAction.intake)
        case .shelves: shelves.keys(context).map(KeyAction.shelves)
        case .queue: queue.keys(context).map(KeyAction.queue)
        case .customers: customers.keys(context).map(KeyAction.customers)
        case .reports: ReportsScreen.keys(context)
        }
    }

    /// A key looked up in ``keys`` and performed; a key no binding has is typed into the
    /// mode's text field if it has one, and otherwise does nothing. A resize only redraws.
    mutating func handleKey(_ key: Key) -> [AppEffect] {
        if key == .resize { return [] }
        let keys = keys
        guard let action = keys.action(for: key) else {
            if keys.typing != nil { type(key) }
            return []
        }
        switch action {
        case .app(.help):
            helpVisible = true
            helpScroll = 0
        case .app(.show(let tab)): open(tab)
        case .app(.quit): return [.quit]
        case .help(.close): helpVisible = false
        case .help(.scroll(let lines)): helpScroll = min(max(0, helpScroll + lines), helpLines(width: AppState.helpWidth(AppState.minimumSize)).count)
        case .counter(let action): return counter.perform(action, context)
        case .intake(let action): return intake.perform(action, context)
        case .shelves(let action): return shelves.perform(action, context)
        case .queue(.handOut): return handOutFromQueue()
        case .queue(let action): return queue.perform(action, context)
        case .customers(let action): return customers.perform(action, context)
        }
        return []
    }

    /// A key no binding has, in a mode with a text field.
    private mutating func type(_ key: Key) {
        switch tab {
        case .counter: counter.type(key, context)
        case .intake: intake.type(key, context)
        case .shelves: shelves.type(key, context)
        case .queue: queue.type(key, context)
        case .customers: customers.type(key, context)
        case .reports: break
        }
    }
}
