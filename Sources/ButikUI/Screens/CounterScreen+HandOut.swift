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
            notice = (Phrase("handOut.findFirst"), false)
            return [.beep]
        }
        // Everything the customer can collect, in the order it is fetched (a parcel in the
        // outbound area too: a late customer still gets it).
        let waiting = context.shop.fetchList(for: customer, context.layout).stops.flatMap(\.parcels).map(\.id)
        guard !waiting.isEmpty else {
            notice = (Phrase("handOut.nothingWaiting", ["name": .text(context.shop.customers[customer]?.name ?? "")]), false)
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
            notice = (Phrase("handOut.cancelled"), false)
        case .noteRefusal:
            let proxy = flow.proxyName.flatMap { $0.isEmpty ? nil : $0 }
            return [.perform(.counter(.refuseHandOut(flow.customer, parcels: flow.selected, reason: flow.refusal(context.words), proxyName: proxy)))]
        case .refuse:
            // Two keys: Ctrl-R, then Enter takes the usual reason (or type another in its place).
            flow.step = .refusing
        case .moveCursor(let rows):
            flow.cursor = min(max(0, flow.cursor + rows), flow.parcels.count - 1)
        case .toggleParcel:
            guard flow.toggleAtCursor() else {
                notice = (Phrase("handOut.lastParcel"), false)
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
                notice = (DomainError.invalidPickupCode(flow.codeField.text).phrase, true)
                return [.beep]
            }
            let before = flow.selected
            guard flow.keepParcels(withPickupCode: code, context.shop) else {
                let tracking = before.compactMap { context.shop.parcels[$0]?.tracking }
                notice = (DomainError.pickupCodeMismatch(code: code, tracking: tracking).phrase, true)
                return [.beep]
            }
            let others = before.filter { !flow.selected.contains($0) }.compactMap { context.shop.parcels[$0]?.tracking }
            notice = others.isEmpty ? nil : (DomainError.pickupCodeMismatch(code: code, tracking: others).phrase, true)
            flow.step = .scanning
        case .handOut:
            if flow.isComplete || (flow.partialAsked && !flow.scanned.isEmpty) {
                return [flow.request(flow.selected.filter { flow.scanned.contains($0) })]
            }
            if flow.scanned.isEmpty, context.layout.handOutWithoutScan { return [flow.request(flow.selected)] }
            if flow.scanned.isEmpty {
                notice = (Phrase("handOut.scanEach"), false)
                return [.beep]
            }
            flow.partialAsked = true
            notice = (Phrase("handOut.partial", ["n": .count(flow.scanned.count), "of": .count(flow.selected.count)]), false)
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
            notice = (Phrase("handOut.identityFirst", ["tracking": .text(number.value)]), true)
            return [.beep]
        }
        let name = context.shop.customers[flow.customer]?.name ?? ""
        guard let parcel = context.shop.parcelInShop(number) else {
            notice = (Phrase("handOut.stop.notInShop", ["tracking": .text(number.value)]), true)
            return [.beep]
        }
        guard parcel.customer == flow.customer else {
            notice = (Phrase("handOut.stop.notTheirs", ["tracking": .text(number.value), "name": .text(name), "key": .text(parcel.key),
                                                        "recipient": .text(parcel.recipientName), "slot": .text(parcel.slot.value)]), true)
            return [.beep]
        }
        guard flow.parcels.contains(parcel.id) else {
            notice = (Phrase("handOut.notPart", ["tracking": .text(number.value), "status": .phrase(parcel.status.kind.phrase)]), true)
            return [.beep]
        }
        let back = flow.leftOut.remove(parcel.id) != nil
        flow.scanned.insert(parcel.id)
        flow.partialAsked = false
        let scanned: [String: Phrase.Argument] = ["tracking": .text(number.value), "slot": .text(parcel.slot.value),
                                                  "n": .count(flow.scanned.count), "of": .count(flow.selected.count)]
        notice = (back ? Phrase("handOut.scanned.back", scanned) : Phrase("handOut.scanned", scanned), false)
        handOut = flow
        guard flow.isComplete else { return [] }
        return [flow.request(flow.selected)]
    }

    mutating func undoLastHandOut() -> [AppEffect] {
        guard !lastHandOut.isEmpty else {
            notice = (Phrase("handOut.nothingToUndo"), false)
            return [.beep]
        }
        return [.perform(.counter(.undoHandOut(lastHandOut)))]
    }

    /// A hand-out or its undo is on disk.
    mutating func performed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .handedOut(let given):
            let parcels = given.parcels
            let name = parcels.first.flatMap { context.shop.customers[$0.customer]?.name } ?? ""
            lastHandOut = parcels.map(\.id)
            let how = handOut?.how ?? Verification.id.shortPhrase
            handOut = nil
            let done: [String: Phrase.Argument] = ["n": .count(parcels.count), "name": .text(name), "how": .phrase(how)]
            let said = given.unregisteredProxy ? Phrase("handOut.done.unregisteredProxy", done) : Phrase("handOut.done", done)
            // Parcels left out for another code are named beside it, as an alarm.
            notice = (given.codeRefusal.map { Phrase("handOut.done.leftOut", ["done": .phrase(said), "left": .phrase($0.phrase)]) } ?? said,
                      given.codeRefusal != nil)
        case .handOutRefused(let entry):
            let name = handOut.flatMap { context.shop.customers[$0.customer]?.name } ?? ""
            handOut = nil
            var said: [String: Phrase.Argument] = ["name": .text(name), "reason": .text(entry.text)]
            if let proxy = entry.proxyName {
                said["proxy"] = .text(proxy)
                notice = (Phrase("handOut.refusedProxy", said), false)
            } else {
                notice = (Phrase("handOut.refused", said), false)
            }
        case .handOutUndone(let parcels):
            lastHandOut = []
            notice = (Phrase("handOut.undone", ["n": .count(parcels.count), "slots": .list(Set(parcels.map(\.slot.value)).sorted())]), false)
        }
    }

    mutating func refused(_ message: Phrase) {
        handOut = nil
        notice = (message, true)
    }
}
