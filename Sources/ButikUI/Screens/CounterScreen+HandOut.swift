import ButikDomain
import ButikGrid
import ButikText

/// Handing parcels out at the counter: the keys and scans of a ``HandOutFlow``. A parcel that
/// belongs to somebody else is refused loudly.
extension CounterScreen {
    /// Whether scans belong to a hand-out (rather than start a search): confirmations while
    /// scanning, refused before the identity check is done.
    var takesScans: Bool { handOut != nil }

    /// Enter on a result: hand out everything waiting for that customer.
    mutating func startHandOut(_ context: AppContext) -> [AppEffect] {
        guard let customer = selectedCustomer(context) else {
            notice = ("Find the customer first: type their key, name, phone or a tracking number.", false)
            return [.beep]
        }
        // Everything the customer can collect, in the order it is fetched (a parcel in the
        // outbound area too: a late customer still gets it).
        let waiting = context.shop.fetchList(for: customer, context.layout).stops.flatMap(\.parcels).map(\.id)
        guard !waiting.isEmpty else {
            notice = ("\(context.shop.customers[customer]?.name ?? "This customer") has no parcels waiting.", false)
            return [.beep]
        }
        handOut = HandOutFlow(customer: customer, parcels: waiting)
        notice = nil
        return []
    }

    /// Performs a hand-out binding of ``keys(_:)``.
    mutating func performHandOut(_ action: Action, _ context: AppContext) -> [AppEffect] {
        guard var flow = handOut else { return [] }
        defer { if handOut != nil { handOut = flow } }
        switch action {
        case .backToIdentity:
            flow.step = .verifying
        case .cancelHandOut:
            handOut = nil
            notice = ("Hand-out cancelled; nothing was handed out.", false)
        case .noteRefusal:
            let reason = flow.reasonField.text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return [.beep] }
            return [.perform(.refuseHandOut(flow.customer, parcels: flow.selected, reason: reason))]
        case .refuse:
            // Two keys: Ctrl-R, then Enter takes the usual reason (or type another).
            flow.step = .refusing
        case .moveCursor(let rows):
            flow.cursor = min(max(0, flow.cursor + rows), flow.parcels.count - 1)
        case .toggleParcel:
            guard flow.toggleAtCursor() else {
                notice = ("At least one parcel stays in the hand-out; Esc cancels it.", false)
                return [.beep]
            }
            flow.partialAsked = false
            notice = nil
        case .verify(let verification):
            flow.verification = verification
            flow.step = switch verification {
            case .proxy: .proxyName
            case .code: .pickupCode
            case .id, .known: .scanning
            }
        case .pickProxy(let number):
            let registered = context.shop.customers[flow.customer]?.proxies ?? []
            guard registered.indices.contains(number - 1) else { return [.beep] }
            flow.proxyField.text = registered[number - 1].name
            flow.step = .proxyID
        case .proxyNamed:
            guard flow.proxyName?.isEmpty == false else { return [.beep] }
            flow.step = .proxyID
        case .proxyIdentified:
            guard flow.proxyID?.isEmpty == false else { return [.beep] }
            flow.step = .scanning
        case .giveCode:
            // The customer says the code; only the parcels with that code stay in the hand-out.
            guard let code = PickupCode.normalized(flow.codeField.text) else {
                notice = (Words.english.text(DomainError.invalidPickupCode(flow.codeField.text).phrase), true)
                return [.beep]
            }
            let before = flow.selected
            guard flow.keepParcels(withPickupCode: code, context.shop) else {
                let tracking = before.compactMap { context.shop.parcels[$0]?.tracking }
                notice = (Words.english.text(DomainError.pickupCodeMismatch(code: code, tracking: tracking).phrase), true)
                return [.beep]
            }
            let others = before.filter { !flow.selected.contains($0) }.compactMap { context.shop.parcels[$0]?.tracking }
            notice = others.isEmpty ? nil : (Words.english.text(DomainError.pickupCodeMismatch(code: code, tracking: others).phrase), true)
            flow.step = .scanning
        case .handOut:
            if flow.isComplete || (flow.partialAsked && !flow.scanned.isEmpty) {
                return [flow.request(flow.selected.filter { flow.scanned.contains($0) })]
            }
            if flow.scanned.isEmpty, context.layout.handOutWithoutScan { return [flow.request(flow.selected)] }
            if flow.scanned.isEmpty {
                notice = ("Scan each parcel to confirm it is the right one.", false)
                return [.beep]
            }
            flow.partialAsked = true
            notice = ("Only \(flow.scanned.count) of \(flow.selected.count) scanned. Enter again hands out just those; Esc cancels.", false)
        default:
            break
        }
        return []
    }

    /// A scan during a hand-out: the parcel must be one of this customer's. A parcel left out
    /// is put back in.
    mutating func confirm(_ number: TrackingNumber, _ context: AppContext) -> [AppEffect] {
        guard var flow = handOut else { return [] }
        guard flow.step == .scanning else {
            notice = ("Finish the identity check first, then scan \(number) (Esc cancels the hand-out).", true)
            return [.beep]
        }
        let name = context.shop.customers[flow.customer]?.name ?? "this customer"
        guard let parcel = context.shop.parcelInShop(number) else {
            notice = ("STOP: \(number) is not in the shop. Do not hand it out.", true)
            return [.beep]
        }
        guard parcel.customer == flow.customer else {
            notice = ("STOP: \(number) is not \(name)'s parcel. It is for \(parcel.key) (\(parcel.recipientName)), slot \(parcel.slot). Put it back.", true)
            return [.beep]
        }
        guard flow.parcels.contains(parcel.id) else {
            notice = ("\(number) is \(parcel.status.phrase); it is not part of this hand-out.", true)
            return [.beep]
        }
        let back = flow.leftOut.remove(parcel.id) != nil
        flow.scanned.insert(parcel.id)
        flow.partialAsked = false
        notice = ("✓ \(number) from \(parcel.slot)\(back ? ", back in the hand-out" : ""): \(flow.scanned.count) of \(flow.selected.count).", false)
        handOut = flow
        guard flow.isComplete else { return [] }
        return [flow.request(flow.selected)]
    }

    mutating func undoLastHandOut() -> [AppEffect] {
        guard !lastHandOut.isEmpty else {
            notice = ("No hand-out to undo here.", false)
            return [.beep]
        }
        return [.perform(.undoHandOut(lastHandOut))]
    }

    /// A hand-out or its undo is on disk.
    mutating func performed(_ outcome: AppOutcome, _ context: AppContext) {
        switch outcome {
        case .handedOut(let given):
            let parcels = given.parcels
            let name = parcels.first.flatMap { context.shop.customers[$0.customer]?.name } ?? ""
            lastHandOut = parcels.map(\.id)
            let how = (handOut?.how ?? "") + (given.unregisteredProxy ? ", not a registered proxy" : "")
            handOut = nil
            notice = ("Handed out \(parcels.count) parcel\(parcels.count == 1 ? "" : "s") to \(name) (\(how)). Ctrl-Z undoes it."
                      + (given.codeRefusal.map { " " + Words.english.text($0.phrase) } ?? ""), given.codeRefusal != nil)
        case .handOutRefused(let entry):
            let name = handOut.flatMap { context.shop.customers[$0.customer]?.name } ?? ""
            handOut = nil
            notice = ("Refused and noted in \(name)'s log: \(entry.text)", false)
        case .handOutUndone(let parcels):
            lastHandOut = []
            notice = ("Undone: \(parcels.count) parcel\(parcels.count == 1 ? " is" : "s are") waiting again in \(Set(parcels.map(\.slot.value)).sorted().joined(separator: ", ")).", false)
        default:
            break
        }
    }

    mutating func refused(_ message: String) {
        handOut = nil
        notice = (message, true)
    }
}
