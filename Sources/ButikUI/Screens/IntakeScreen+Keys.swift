import ButikDomain
import ButikGrid

/// The intake's keys: one table per step (setting up the delivery, scanning, naming the
/// recipient, the two confirmations, the manifest prompt).
extension IntakeScreen {
    /// What a key does on the intake screen.
    enum Action: Sendable, Equatable {
        case carrier(Int), startDelivery
        case take, clearCode, toggleSize, undoLast, endDelivery, openImport
        case suggestion(Int), receiveNamed, dropNamed
        case yes, no
        case submitImport, closeImport
    }

    /// How the intake's work goes, for F1.
    static let flow = "Choose the carrier with ←→ and type the count the driver declared, if any; Enter opens "
        + "the delivery. Scan each parcel (or type its number and Enter): a parcel the carrier's manifest names is "
        + "received at once, else type the recipient's name, key or phone and pick with ↑↓ (a new customer's phone "
        + "may follow their name; a number here before offers whom it went to last time). The key and slot show "
        + "large: write the key on the parcel and put it there. F9 before Enter marks a large parcel; Ctrl-Z "
        + "undoes the last; F8 ends the delivery with the count. Ctrl-O imports a manifest."

    /// The keys of the current step.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        if importField != nil {
            return KeyMap([KeyBinding(.enter, "import", action: .submitImport), KeyBinding(.escape, "cancel", action: .closeImport)],
                          typing: "the manifest's path", flow: Self.flow)
        }
        let importing = KeyBinding(.control("o"), "import manifest", action: Action.openImport)
        switch currentStep(context) {
        case .setup:
            return KeyMap([KeyBinding(.enter, "start delivery", action: .startDelivery),
                           KeyBinding(label: "←→", "carrier", [(.left, .carrier(-1)), (.right, .carrier(1))]),
                           importing],
                          typing: "the declared count", flow: Self.flow)
        case .scanning:
            let typed = !codeField.text.trimmingCharacters(in: .whitespaces).isEmpty
            var bindings = typed ? [KeyBinding(.enter, "take", action: Action.take)] : []
            bindings += [KeyBinding(.function(9), size == .small ? "large" : "small", action: .toggleSize),
                         KeyBinding(.control("z"), "undo last", action: .undoLast),
                         KeyBinding(.function(8), "end delivery", action: .endDelivery), importing]
            if !codeField.text.isEmpty { bindings.append(KeyBinding(.escape, "clear", action: .clearCode)) }
            return KeyMap(bindings, typing: "a tracking number", scan: "receive", flow: Self.flow)
        case .naming:
            return KeyMap([KeyBinding(.enter, "receive", action: .receiveNamed),
                           KeyBinding(label: "↑↓", "choose", [(.up, .suggestion(-1)), (.down, .suggestion(1))]),
                           KeyBinding(.function(9), size == .small ? "large" : "small", action: .toggleSize),
                           KeyBinding(.escape, "not received", action: .dropNamed)],
                          typing: "the recipient's name, key or phone", scan: "next parcel", flow: Self.flow)
        case .confirmingCheckDigit, .confirmingAgain:
            return KeyMap([KeyBinding([.character("y"), .character("Y"), .character("j"), .character("J"), .enter], label: "y/Enter", "receive it",
                                      action: .yes),
                           KeyBinding([.character("n"), .character("N"), .escape], label: "n/Esc", "not received", action: .no)],
                          flow: Self.flow)
        }
    }

    /// The step, with the delivery opened or ended elsewhere taken into account.
    func currentStep(_ context: AppContext) -> Step {
        let open = context.shop.openDelivery(of: context.staff) != nil
        return !open ? .setup : step == .setup ? .scanning : step
    }

    /// Performs a binding of ``keys(_:)``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        step = currentStep(context)
        switch action {
        case .carrier(let by):
            let count = max(1, context.layout.carriers.count)
            carrierIndex = (carrierIndex + by + count) % count
        case .startDelivery: return startDelivery(context)
        case .take:
            let code = codeField.text
            codeField = TextField(placeholder: codeField.placeholder)
            return accept(code, force: false, context)
        case .clearCode: codeField = TextField(placeholder: codeField.placeholder)
        case .toggleSize: size = size == .small ? .large : .small
        case .undoLast:
            guard let lastID = receivedHere.last else {
                problem = "Nothing to undo in this delivery."
                return [.beep]
            }
            return [.perform(.undoReceipt(lastID))]
        case .endDelivery: return [.perform(.endDelivery)]
        case .openImport: return openImport()
        case .suggestion(let by): suggestion = min(max(0, suggestion + by), suggestions(context).count)
        case .receiveNamed: return receiveNamed(context)
        case .dropNamed: dropNamed()
        case .yes: return confirmed(context)
        case .no:
            problem = "Not received."
            step = .scanning
        case .submitImport: return submitImport(pasted: "")
        case .closeImport: importField = nil
        }
        return []
    }

    /// A key no binding has: typed into the field of the step (the declared count takes digits only).
    mutating func type(_ key: Key, _ context: AppContext) {
        step = currentStep(context)
        if importField != nil {
            _ = importField?.handle(key)
            return
        }
        switch step {
        case .setup:
            if case .character(let c) = key, !c.isNumber { return }
            _ = declaredField.handle(key)
        case .scanning: _ = codeField.handle(key)
        case .naming: if nameField.handle(key) { suggestion = 0 }
        case .confirmingCheckDigit, .confirmingAgain: break
        }
    }
}
