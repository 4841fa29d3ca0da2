import ButikDomain
import ButikGrid
import ButikText

/// F3: scanning in a delivery. Choose the carrier (remembered) and the count the driver
/// declared; then each scan (or typed code and Enter) is validated, the recipient is named with
/// suggestions from known customers (or taken from a manifest at once), and the key and slot
/// show in large letters. F8 ends the delivery with a summary; Ctrl-Z undoes the last intake;
/// Ctrl-O imports a carrier's manifest (see `IntakeScreen+Import.swift`).
public struct IntakeScreen: WritingScreen {
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
    public var declaredField = TextField()
    public var codeField = TextField()
    /// The recipient's name: Enter receives the parcel for it, Esc does not receive it.
    var nameField = TextPrompt<Action>(Phrase("keys.intake.recipient"), placeholder: Phrase("intake.name.placeholder"),
                                       enter: .init(Phrase("keys.intake.receive"), .receiveNamed),
                                       escape: .init(Phrase("keys.intake.notReceived"), .dropNamed), scan: Phrase("keys.intake.nextParcel"))
    /// The highlighted suggestion (the last row is "new customer").
    public var suggestion = 0
    public var size = SizeClass.small
    /// The last parcel received here, shown large.
    public private(set) var last: Received?
    /// Parcels received in this delivery, newest last, for undo.
    public private(set) var receivedHere: [ParcelID] = []
    /// The summary of the delivery just ended.
    public private(set) var summary: DeliverySummary?
    /// What the last thing that happened came to, a sentence or two (empty: nothing to say).
    public internal(set) var problem: [Phrase] = []
    /// Whether the parcel being named was confirmed as received again.
    private var pendingAgain = false
    /// The number whose past was asked of the driver (``AppEffect/lookUpStories(_:)``) and
    /// not answered yet: the live state forgets parcels closed days ago, the history does not.
    public private(set) var lookingUp: TrackingNumber?
    /// The stories of the number being named, as the driver read them.
    private var earlier: [ParcelStory] = []
    /// The manifest file path being typed; nil while the import prompt is closed.
    var importField: TextPrompt<Action>?
    /// What the last manifest import did, shown until the next intake.
    public internal(set) var importReport: [Phrase] = []

    public init() {}

    /// Whether this screen takes scans itself (it does while a delivery is open; the import
    /// prompt takes a burst as typing).
    func takesScans(_ context: AppContext) -> Bool { context.shop.openDelivery(of: context.staff) != nil }

    // MARK: Input

    /// A complete scan: validated strictly (a scanner misread beeps and is refused).
    mutating func scan(_ code: String, _ context: AppContext) -> [AppEffect] {
        step = currentStep(context)
        importReport = []
        var abandoned: Phrase?
        if case .naming(let pending) = step {
            abandoned = Phrase("intake.abandoned", ["tracking": .text(pending.number.value)])
        }
        step = .scanning
        let effects: [AppEffect]
        switch Tracking.parse(code) {
        case .success(let tracking):
            effects = proceed(tracking, again: false, context)
        case .failure(let error):
            problem = [Phrase("intake.notReceived"), error.misreadPhrase]
            effects = [.beep]
        }
        // Said after handling the new scan, which clears earlier messages.
        if let abandoned { problem.insert(abandoned, at: 0) }
        return effects
    }

    /// Enter in the setup step: opens the delivery with the carrier and the declared count.
    mutating func startDelivery(_ context: AppContext) -> [AppEffect] {
        let carriers = context.layout.carriers
        guard carriers.indices.contains(carrierIndex) else { return [] }
        let text = declaredField.text.trimmingCharacters(in: .whitespaces)
        guard text.isEmpty || Int(text) != nil else {
            problem = [Phrase("intake.declaredNotANumber")]
            return [.beep]
        }
        summary = nil
        return [.perform(.intake(.startDelivery(carrier: carriers[carrierIndex].id, declared: Int(text))))]
    }

    /// Enter while naming: the highlighted suggestion, or a new customer of the typed name.
    mutating func receiveNamed(_ context: AppContext) -> [AppEffect] {
        guard case .naming(let tracking) = step else { return [] }
        let name = nameField.answer
        let choices = suggestions(context)
        let recipient: Recipient
        if suggestion < choices.count {
            recipient = .customer(choices[suggestion].id)
        } else if !name.isEmpty {
            recipient = .person(NewCustomer(typed: name))
        } else {
            problem = [Phrase("intake.typeName")]
            return [.beep]
        }
        return receive(tracking, recipient, again: false, context)
    }

    /// Esc while naming: the parcel is not received.
    mutating func dropNamed() {
        guard case .naming(let tracking) = step else { return }
        problem = [Phrase("intake.dropped", ["tracking": .text(tracking.number.value)])]
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
                problem = [error.phrase]
                step = .confirmingCheckDigit(code)
                return [.beep]
            }
            problem = [error.phrase]
            return [.beep]
        }
    }

    /// A valid number: says where it is if it is here; asks before receiving one that left;
    /// receives a manifest's parcel at once; otherwise asks for the name.
    mutating func proceed(_ tracking: ParsedTracking, again: Bool, _ context: AppContext) -> [AppEffect] {
        let shop = context.shop
        if let present = shop.parcelInShop(tracking.number) {
            problem = [Phrase("intake.alreadyHere", ["tracking": .text(tracking.number.value), "slot": .text(present.slot.value),
                                                     "key": .text(present.key.value)])]
            return [.beep]
        }
        if !again, let earlier = shop.latestParcel(tracking.number) {
            problem = [Phrase("intake.hereBefore", ["tracking": .text(tracking.number.value), "status": .phrase(earlier.status.kind.phrase)])]
            step = .confirmingAgain(tracking)
            return [.beep]
        }
        if let announced = shop.announcedRecipient(tracking.number) {
            return receive(tracking, .person(announced), again: again, context)
        }
        problem = []
        resetNaming()
        step = .naming(tracking)
        pendingAgain = again
        // Not in the live state: the history may know whom it went to last time. The naming
        // goes on while the driver reads it.
        guard !again else { return [] }
        lookingUp = tracking.number
        return [.lookUpStories(tracking.number)]
    }

    /// The driver read the past of the number asked about: while it is still being named,
    /// whom it was handed out to last time is suggested.
    mutating func storiesRead(_ stories: [ParcelStory], of tracking: TrackingNumber) {
        lookingUp = nil
        guard case .naming(let naming) = step, naming.number == tracking else { return }
        earlier = stories
    }

    /// The past of the number asked about could not be read: said, and the naming goes on.
    mutating func storiesUnread(_ tracking: TrackingNumber, _ reason: Phrase) {
        lookingUp = nil
        guard case .naming(let naming) = step, naming.number == tracking else { return }
        problem.append(Phrase("intake.previousUnread", ["tracking": .text(tracking.value), "reason": .phrase(reason)]))
    }

    mutating func receive(_ tracking: ParsedTracking, _ recipient: Recipient, again: Bool, _ context: AppContext) -> [AppEffect] {
        let delivery = context.shop.openDelivery(of: context.staff)
        let request = ReceiveRequest(tracking: tracking, recipient: recipient, size: size, delivery: delivery?.id,
                                     again: again || pendingAgain)
        resetNaming()
        step = .scanning
        size = .small
        problem = []
        return [.perform(.intake(.receive(request)))]
    }

    mutating func resetNaming() {
        nameField.text = ""
        suggestion = 0
        pendingAgain = false
        earlier = []
    }

    /// Known customers matching the typed name, key or phone (at most 6); before anything is
    /// typed for a number that was here before, whom it was handed out to last time (known to
    /// the live state, or read from the history).
    func suggestions(_ context: AppContext) -> [Customer] {
        let text = nameField.answer
        guard text.isEmpty else { return context.shop.search(text, limit: 6).customers.compactMap { context.shop.customers[$0] } }
        guard case .naming(let tracking) = step, let previous = context.shop.previousRecipient(of: tracking.number, stories: earlier) else {
            return []
        }
        return [previous]
    }

    // MARK: Outcomes

    /// A command of this screen is on disk (or was refused).
    mutating func performed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .deliveryStarted:
            importReport = []
            receivedHere = []
            last = nil
            problem = []
            step = .scanning
        case .deliveryEnded(let ended):
            summary = ended
            step = .setup
            declaredField = TextField()
        case .received(let received):
            importReport = []
            last = received
            receivedHere.append(received.parcel.id)
            if let overflow = received.overflow {
                let slot: [String: Phrase.Argument] = ["slot": .text(received.parcel.slot.value)]
                problem.append(overflow == .large ? Phrase("intake.floor.large", slot) : Phrase("intake.floor.full", slot))
            }
        case .receiptUndone(let parcel):
            receivedHere.removeAll { $0 == parcel.id }
            if last?.parcel.id == parcel.id { last = nil }
            problem = [Phrase("intake.undone", ["tracking": .text(parcel.tracking.value), "slot": .text(parcel.slot.value)])]
        case .expected(let result, let problems):
            importReport = IntakeScreen.report(result, problems)
            problem = []
        }
    }

    /// The store refused a command of this screen: the reason shows, and the scanning goes on.
    mutating func refused(_ command: Command, _ reason: Phrase, _ context: AppContext) {
        show(reason)
    }

    /// The manifest at `path` could not be read at all: the reason (which names the file)
    /// shows, as for a refusal.
    mutating func importFailed(_ path: String, _ reason: Phrase, _ context: AppContext) {
        show(reason)
    }

    private mutating func show(_ reason: Phrase) {
        problem = [reason]
        step = .scanning
    }
}
