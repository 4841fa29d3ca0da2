import ButikDomain
import ButikText

/// Handing parcels to the person at the counter: how their identity was checked, then each
/// parcel confirmed by a scan. Every waiting parcel is in the hand-out unless left out.
public struct HandOutFlow: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        /// Asking how identity was checked (1-4).
        case verifying
        /// Picking a registered proxy by number, or typing the proxy's name.
        case proxyName
        /// Noting the proxy's own ID.
        case proxyID
        /// Typing the pickup code the customer gives.
        case pickupCode
        /// Waiting for each parcel's scan.
        case scanning
        /// Typing why the hand-out is refused, for the customer's log.
        case refusing
    }

    public var customer: CustomerID
    /// Every parcel waiting for the customer when the hand-out began, in the order listed.
    public var parcels: [ParcelID]
    /// Parcels the clerk took out of the hand-out (Space); the rest are handed out.
    public var leftOut: Set<ParcelID> = []
    /// The row of ``parcels`` that Space toggles.
    public var cursor = 0
    public var step = Step.verifying
    public var verification = Verification.id
    /// The proxy's name; a digit picks a registered proxy, so the name takes none.
    var proxyField = Field(Phrase("keys.counter.proxyName"), placeholder: Phrase("handOut.proxyName.placeholder"), limit: .noDigits,
                           enter: .init(Phrase("keys.counter.next"), .proxyNamed), escape: Self.cancel)
    var proxyIDField = Field(Phrase("keys.counter.proxyID"), placeholder: Phrase("handOut.proxyID.placeholder"),
                             enter: .init(Phrase("keys.counter.next"), .proxyIdentified), escape: Self.cancel)
    var codeField = Field(Phrase("keys.counter.pickupCode"), placeholder: Phrase("handOut.pickupCode.placeholder"),
                          enter: .init(Phrase("keys.counter.giveCode"), .giveCode), escape: Self.back)
    /// What a refusal says, for the customer's log, as typed; empty, it says the usual reason.
    var reasonField = Field(Phrase("keys.counter.reason"), placeholder: Phrase("handOut.refusal.default"),
                            enter: .init(Phrase("keys.counter.noteRefusal"), .noteRefusal), escape: Self.back)
    /// Selected parcels confirmed by a scan.
    public var scanned: Set<ParcelID> = []
    /// Set after Enter with some parcels unscanned: a second Enter hands out only the scanned.
    public var partialAsked = false

    typealias Field = TextPrompt<CounterScreen.Action>
    /// Esc in the proxy's steps: the hand-out is cancelled.
    private static let cancel = Field.Answer(Phrase("keys.counter.cancel"), .cancelHandOut)
    /// Esc in the code's and the refusal's steps: back to how identity was checked.
    private static let back = Field.Answer(Phrase("keys.counter.back"), .backToIdentity)

    /// The field of the step, when it asks for text.
    var field: Field? {
        get {
            switch step {
            case .proxyName: proxyField
            case .proxyID: proxyIDField
            case .pickupCode: codeField
            case .refusing: reasonField
            case .verifying, .scanning: nil
            }
        }
        set {
            guard let newValue else { return }
            switch step {
            case .proxyName: proxyField = newValue
            case .proxyID: proxyIDField = newValue
            case .pickupCode: codeField = newValue
            case .refusing: reasonField = newValue
            case .verifying, .scanning: break
            }
        }
    }

    /// A hand-out of `parcels` for `customer`.
    public init(customer: CustomerID, parcels: [ParcelID]) {
        self.customer = customer
        self.parcels = parcels
    }

    /// What a refusal says unless the clerk types otherwise.
    public static func defaultRefusal(_ words: Words) -> String { words.text("handOut.refusal.default") }

    /// The parcels this hand-out gives: all but those left out.
    public var selected: [ParcelID] { parcels.filter { !leftOut.contains($0) } }

    /// True when every selected parcel is scanned.
    var isComplete: Bool { scanned.count == selected.count }

    /// Whether ↑/↓ and Space work on the parcel list now (not while a text field is open).
    var takesListKeys: Bool { step == .verifying || step == .scanning }

    /// Leaves the parcel under the cursor out (forgetting its scan), or puts it back. False,
    /// changing nothing, when it is the last one selected.
    mutating func toggleAtCursor() -> Bool {
        let id = parcels[cursor]
        if leftOut.remove(id) != nil { return true }
        guard selected.count > 1 else { return false }
        leftOut.insert(id)
        scanned.remove(id)
        return true
    }

    var proxyName: String? {
        verification == .proxy ? proxyField.answer : nil
    }

    var proxyID: String? {
        verification == .proxy ? proxyIDField.answer : nil
    }

    /// Why the hand-out is refused: what was typed, else the usual reason in `words`.
    func refusal(_ words: Words) -> String {
        let typed = reasonField.answer
        return typed.isEmpty ? Self.defaultRefusal(words) : typed
    }

    var pickupCode: String? {
        verification == .code ? codeField.answer : nil
    }

    /// Leaves out the parcels whose pickup code is not `code`; false, changing nothing, when
    /// none has it. The hand-out's decision checks the codes again.
    mutating func keepParcels(withPickupCode code: PickupCode, _ shop: ShopState) -> Bool {
        let others = selected.filter { shop.parcels[$0]?.hasPickupCode(code) != true }
        guard others.count < selected.count else { return false }
        leftOut.formUnion(others)
        scanned.subtract(others)
        cursor = 0
        return true
    }

    /// "ID checked", "proxy Per Hansen, pass …1234".
    var how: Phrase {
        verification == .proxy
            ? Phrase("handOut.how.proxy", ["name": .text(proxyName ?? ""), "id": .text(proxyID ?? "")]) : verification.shortPhrase
    }

    /// Hands out `ids` as verified in this flow.
    func request(_ ids: [ParcelID]) -> AppEffect {
        .perform(.counter(.handOut(HandOutRequest(parcels: ids, verification: verification, proxyName: proxyName, proxyID: proxyID,
                                            pickupCode: pickupCode))))
    }
}
