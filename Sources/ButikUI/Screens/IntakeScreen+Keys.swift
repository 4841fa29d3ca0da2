import ButikDomain
import ButikGrid
import ButikText

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
    static func flow(_ words: Words) -> String { words.text("screen.intake.flow") }

    /// The keys of the current step.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        let flow = Self.flow(words)
        if let importField { return importField.keys(words, flow: flow) }
        let importing = KeyBinding(.control("o"), words.text("keys.intake.importManifest"), action: Action.openImport)
        let sizeToggle = KeyBinding(.function(9), size == .small ? words.text("keys.intake.large") : words.text("keys.intake.small"),
                                    action: Action.toggleSize)
        switch currentStep(context) {
        case .setup:
            return KeyMap([KeyBinding(.enter, words.text("keys.intake.startDelivery"), action: .startDelivery),
                           KeyBinding(label: "←→", words.text("keys.intake.carrier"), [(.left, .carrier(-1)), (.right, .carrier(1))]),
                           importing],
                          typing: words.text("keys.intake.declaredCount"), flow: flow)
        case .scanning:
            let typed = !codeField.text.trimmingCharacters(in: .whitespaces).isEmpty
            var bindings = typed ? [KeyBinding(.enter, words.text("keys.intake.take"), action: Action.take)] : []
            bindings += [sizeToggle,
                         KeyBinding(.control("z"), words.text("keys.intake.undoLast"), action: .undoLast),
                         KeyBinding(.function(8), words.text("keys.intake.endDelivery"), action: .endDelivery), importing]
            if !codeField.text.isEmpty { bindings.append(KeyBinding(.escape, words.text("keys.intake.clear"), action: .clearCode)) }
            return KeyMap(bindings, typing: words.text("keys.intake.trackingNumber"), scan: words.text("keys.intake.receive"), flow: flow)
        case .naming:
            return nameField.keys(words, flow: flow, between: [KeyBinding(label: "↑↓", words.text("keys.intake.choose"),
                                                                          [(.up, .suggestion(-1)), (.down, .suggestion(1))]),
                                                               sizeToggle])
        case .confirmingCheckDigit, .confirmingAgain:
            return KeyMap([KeyBinding([.character("y"), .character("Y"), .character("j"), .character("J"), .enter],
                                      label: words.text("keys.intake.yesLabel"), words.text("keys.intake.receiveIt"), action: .yes),
                           KeyBinding([.character("n"), .character("N"), .escape], label: "n/Esc", words.text("keys.intake.notReceived"), action: .no)],
                          flow: flow)
        }
    }

    /// What a burst of fast keys ending in Enter is: typing in the manifest's path, a scan or
    /// the name while naming, a scan otherwise.
    func burst(_ context: AppContext) -> Burst {
        if importField != nil { return .text }
        if case .naming = currentStep(context) { return .scanOrText }
        return .scan
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
            codeField = TextField()
            return accept(code, force: false, context)
        case .clearCode: codeField = TextField()
        case .toggleSize: size = size == .small ? .large : .small
        case .undoLast:
            guard let lastID = receivedHere.last else {
                problem = [Phrase("intake.nothingToUndo")]
                return [.beep]
            }
            return [.perform(.intake(.undoReceipt(lastID)))]
        case .endDelivery: return [.perform(.intake(.endDelivery))]
        case .openImport: return openImport()
        case .suggestion(let by): suggestion = min(max(0, suggestion + by), suggestions(context).count)
        case .receiveNamed: return receiveNamed(context)
        case .dropNamed: dropNamed()
        case .yes: return confirmed(context)
        case .no:
            problem = [Phrase("intake.notReceived")]
            step = .scanning
        case .submitImport: return submitImport()
        case .closeImport: importField = nil
        }
        return []
    }

    /// A key no binding has: typed into the field of the step (the declared count takes digits only).
    mutating func type(_ key: Key, _ context: AppContext) {
        step = currentStep(context)
        if importField != nil {
            _ = importField?.type(key)
            return
        }
        switch step {
        case .setup:
            if case .character(let c) = key, !c.isNumber { return }
            _ = declaredField.handle(key)
        case .scanning: _ = codeField.handle(key)
        case .naming: if nameField.type(key) { suggestion = 0 }
        case .confirmingCheckDigit, .confirmingAgain: break
        }
    }
}
