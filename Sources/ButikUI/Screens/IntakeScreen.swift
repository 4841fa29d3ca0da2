import ButikDomain
import ButikGrid
import ButikText

/// F3: scanning in a delivery. Choose the carrier (remembered) and the count the driver
/// declared; then each scan (or typed code and Enter) is validated, the recipient is named with
/// suggestions from known customers (or taken from a manifest at once), and the key and slot
/// show in large letters. F8 ends the delivery with a summary; Ctrl-Z undoes the last intake;
/// Ctrl-O imports a carrier's manifest (see `IntakeScreen+Import.swift`).
public struct IntakeScreen: Sendable {
    /// What the screen is waiting for.
    public enum Step: Equatable, Sendable {
        /// No delivery open: choosing the carrier and declared count.
        case setup
        /// Waiting for the next scan or typed code.
        case scanning
        /// A valid number waits for its recipient's name.
        case naming(ParsedTracking)
        /// A typed code with a wrong check digit: accept it on purpose (y) or not.
        case confirmingCheckDigit(String)
        /// A number that was here before and left: receive it again (y) or not.
        case confirmingAgain(ParsedTracking)
    }

    public internal(set) var step = Step.setup
    /// Index into the layout's carriers; kept between deliveries.
    public var carrierIndex = 0
    public var declaredField = TextField(placeholder: "optional")
    public var codeField = TextField(placeholder: "scan, or type a tracking number and Enter")
    public var nameField = TextField(placeholder: "name, key or phone")
    /// The highlighted suggestion (the last row is "new customer").
    public var suggestion = 0
    public var size = SizeClass.small
    /// The last parcel received here, shown large.
    public private(set) var last: Received?
    /// Parcels received in this delivery, newest last, for undo.
    public private(set) var receivedHere: [ParcelID] = []
    /// The summary of the delivery just ended.
    public private(set) var summary: DeliverySummary?
    /// A line about the last thing that happened (warnings in `problem`).
    public internal(set) var problem: String?
    /// Whether the parcel being named was confirmed as received again.
    private var pendingAgain = false
    /// The manifest file path being typed; nil while the import prompt is closed.
    public internal(set) var importField: TextField?
    /// What the last manifest import did, shown until the next intake.
    public internal(set) var importReport: [String] = []

    public init() {}

    /// Whether this screen takes scans itself (it does while a delivery or the import prompt is
    /// open).
    func takesScans(_ context: AppContext) -> Bool { importField != nil || context.shop.openDelivery(of: context.staff) != nil }

    // MARK: Input

    /// A complete scan: validated strictly (a scanner misread beeps and is refused).
    mutating func scan(_ code: String, _ context: AppContext) -> [AppEffect] {
        if importField != nil { return submitImport(pasted: code) }
        step = currentStep(context)
        importReport = []
        var abandoned: String?
        if case .naming(let pending) = step {
            abandoned = "\(pending.number) was not received: no name was given before the next scan."
        }
        step = .scanning
        let effects: [AppEffect]
        switch Tracking.parse(code) {
        case .success(let tracking):
            effects = proceed(tracking, again: false, context)
        case .failure(let error):
            problem = "Not received. \(Words.english.text(error.misreadPhrase))"
            effects = [.beep]
        }
        // Said after handling the new scan, which clears earlier messages.
        if let abandoned { problem = [abandoned, problem].compactMap { $0 }.joined(separator: " ") }
        return effects
    }

    /// Enter in the setup step: opens the delivery with the carrier and the declared count.
    mutating func startDelivery(_ context: AppContext) -> [AppEffect] {
        let carriers = context.layout.carriers
        guard carriers.indices.contains(carrierIndex) else { return [] }
        let text = declaredField.text.trimmingCharacters(in: .whitespaces)
        guard text.isEmpty || Int(text) != nil else {
            problem = "The declared count is a number, or empty."
            return [.beep]
        }
        summary = nil
        return [.perform(.startDelivery(carrier: carriers[carrierIndex].id, declared: Int(text)))]
    }

    /// Enter while naming: the highlighted suggestion, or a new customer of the typed name.
    mutating func receiveNamed(_ context: AppContext) -> [AppEffect] {
        guard case .naming(let tracking) = step else { return [] }
        let name = nameField.text.trimmingCharacters(in: .whitespaces)
        let choices = suggestions(context)
        let recipient: Recipient
        if suggestion < choices.count {
            recipient = .customer(choices[suggestion].id)
        } else if !name.isEmpty {
            recipient = .person(NewCustomer(typed: name))
        } else {
            problem = "Type the name on the parcel."
            return [.beep]
        }
        return receive(tracking, recipient, again: false, context)
    }

    /// Esc while naming: the parcel is not received.
    mutating func dropNamed() {
        guard case .naming(let tracking) = step else { return }
        problem = "\(tracking.number) was not received."
        resetNaming()
        size = .small
        step = .scanning
    }

    /// y or Enter in a confirmation: a wrong check digit accepted, or a parcel received again.
    mutating func confirmed(_ context: AppContext) -> [AppEffect] {
        let asked = step
        step = .scanning
        switch asked {
        case .confirmingCheckDigit(let code): return accept(code, force: true, context)
        case .confirmingAgain(let tracking): return proceed(tracking, again: true, context)
        default: return []
        }
    }

    /// A typed code: a wrong check digit asks first; other errors are refused.
    mutating func accept(_ code: String, force: Bool, _ context: AppContext) -> [AppEffect] {
        switch Tracking.parse(code, force: force) {
        case .success(let tracking):
            return proceed(tracking, again: false, context)
        case .failure(let error):
            if case .wrongCheckDigit = error {
                problem = Words.english.text(error.phrase)
                step = .confirmingCheckDigit(code)
                return [.beep]
            }
            problem = Words.english.text(error.phrase)
            return [.beep]
        }
    }

    /// A valid number: says where it is if it is here; asks before receiving one that left;
    /// receives a manifest's parcel at once; otherwise asks for the name.
    mutating func proceed(_ tracking: ParsedTracking, again: Bool, _ context: AppContext) -> [AppEffect] {
        let shop = context.shop
        if let present = shop.parcelInShop(tracking.number) {
            problem = "\(tracking.number) is already here: slot \(present.slot), key \(present.key)."
            return [.beep]
        }
        if !again, let earlier = shop.latestParcel(tracking.number) {
            problem = "\(tracking.number) was here before and is \(earlier.status.phrase). Receive it again? y/n"
            step = .confirmingAgain(tracking)
            return [.beep]
        }
        if let announced = shop.announcedRecipient(tracking.number) {
            return receive(tracking, .person(announced), again: again, context)
        }
        problem = nil
        resetNaming()
        step = .naming(tracking)
        pendingAgain = again
        return []
    }

    mutating func receive(_ tracking: ParsedTracking, _ recipient: Recipient, again: Bool, _ context: AppContext) -> [AppEffect] {
        let delivery = context.shop.openDelivery(of: context.staff)
        let request = ReceiveRequest(tracking: tracking, recipient: recipient, size: size, delivery: delivery?.id,
                                     again: again || pendingAgain)
        resetNaming()
        step = .scanning
        size = .small
        problem = nil
        return [.perform(.receive(request))]
    }

    mutating func resetNaming() {
        nameField = TextField(placeholder: nameField.placeholder)
        suggestion = 0
        pendingAgain = false
    }

    /// Known customers matching the typed name, key or phone (at most 6); before anything is
    /// typed for a number received again, whom it was handed out to last time.
    func suggestions(_ context: AppContext) -> [Customer] {
        let text = nameField.text.trimmingCharacters(in: .whitespaces)
        guard text.isEmpty else { return context.shop.search(text, limit: 6).customers.compactMap { context.shop.customers[$0] } }
        guard pendingAgain, case .naming(let tracking) = step, let previous = context.shop.previousRecipient(of: tracking.number) else {
            return []
        }
        return [previous]
    }

    // MARK: Outcomes

    /// A command of this screen is on disk (or was refused).
    mutating func performed(_ outcome: AppOutcome, _ context: AppContext) {
        switch outcome {
        case .deliveryStarted:
            importReport = []
            receivedHere = []
            last = nil
            problem = nil
            step = .scanning
        case .deliveryEnded(let ended):
            summary = ended
            step = .setup
            declaredField = TextField(placeholder: declaredField.placeholder)
        case .received(let received):
            importReport = []
            last = received
            receivedHere.append(received.parcel.id)
            if let overflow = received.overflow {
                let floor = overflow == .large ? "Large parcel: put it on the floor (\(received.parcel.slot))."
                    : "Shelves are full: put it on the floor (\(received.parcel.slot))."
                problem = [problem, floor].compactMap { $0 }.joined(separator: " ")
            }
        case .receiptUndone(let parcel):
            receivedHere.removeAll { $0 == parcel.id }
            if last?.parcel.id == parcel.id { last = nil }
            problem = "Undone: \(parcel.tracking) is no longer received. Take it off \(parcel.slot)."
        case .expected(let result, let problems):
            importReport = IntakeScreen.report(result, problems)
            problem = nil
        default:
            break
        }
    }

    mutating func refused(_ message: String) {
        problem = message
        step = .scanning
    }
}
