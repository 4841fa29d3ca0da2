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
            notice = Notice(Phrase("handOut.findFirst"))
            return [.beep]
        }
        // Everything the customer can collect, in the order it is fetched (a parcel in the
        // outbound area too: a late customer still gets it).
        let waiting = context.shop.fetchList(for: customer, context.layout).stops.flatMap(\.parcels).map(\.id)
        guard !waiting.isEmpty else {
            notice = Notice(Phrase("handOut.nothingWaiting", ["name": .text(context.shop.customers[customer]?.name ?? "")]))
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
            notice = Notice(Phrase("handOut.cancelled"))
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
                notice = Notice(Phrase("handOut.lastParcel"))
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
            guard let code = PickupCode(flow.codeField.text) else {
                notice = Notice(DomainError.invalidPickupCode(flow.codeField.text).phrase, tone: .error)
                return [.beep]
            }
            let before = flow.selected
            guard flow.keepParcels(withPickupCode: code, context.shop) else {
                let tracking = before.compactMap { context.shop.parcels[$0]?.tracking }
                notice = Notice(DomainError.pickupCodeMismatch(code: code, tracking: tracking).phrase, tone: .error)
                return [.beep]
            }
            let others = before.filter { !flow.selected.contains($0) }.compactMap { context.shop.parcels[$0]?.tracking }
            notice = others.isEmpty ? nil : Notice(DomainError.pickupCodeMismatch(code: code, tracking: others).phrase, tone: .error)
            flow.step = .scanning
        case .handOut:
            if flow.isComplete || (flow.partialAsked && !flow.scanned.isEmpty) {
                return [flow.request(flow.selected.filter { flow.scanned.contains($0) })]
            }
            if flow.scanned.isEmpty, context.layout.handOutWithoutScan { return [flow.request(flow.selected)] }
            if flow.scanned.isEmpty {
                notice = Notice(Phrase("handOut.scanEach"))
                return [.beep]
            }
            flow.partialAsked = true
            notice = Notice(Phrase("handOut.partial", ["n": .count(flow.scanned.count), "of": .count(flow.selected.count)]))
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
            notice = Notice(Phrase("handOut.identityFirst", ["tracking": .text(number.value)]), tone: .error)
            return [.beep]
        }
        let name = context.shop.customers[flow.customer]?.name ?? ""
        guard let parcel = context.shop.parcelInShop(number) else {
            notice = Notice(Phrase("handOut.stop.notInShop", ["tracking": .text(number.value)]), tone: .error)
            return [.beep]
        }
        guard parcel.customer == flow.customer else {
            notice = Notice(Phrase("handOut.stop.notTheirs", ["tracking": .text(number.value), "name": .text(name), "key": .text(parcel.key.value),
                                                              "recipient": .text(parcel.recipientName), "slot": .text(parcel.slot.value)]), tone: .error)
            return [.beep]
        }
        guard flow.parcels.contains(parcel.id) else {
            notice = Notice(Phrase("handOut.notPart", ["tracking": .text(number.value), "status": .phrase(parcel.status.kind.phrase)]), tone: .error)
            return [.beep]
        }
        let back = flow.leftOut.remove(parcel.id) != nil
        flow.scanned.insert(parcel.id)
        flow.partialAsked = false
        let scanned: [String: Phrase.Argument] = ["tracking": .text(number.value), "slot": .text(parcel.slot.value),
                                                  "n": .count(flow.scanned.count), "of": .count(flow.selected.count)]
        notice = Notice(back ? Phrase("handOut.scanned.back", scanned) : Phrase("handOut.scanned", scanned))
        handOut = flow
        guard flow.isComplete else { return [] }
        return [flow.request(flow.selected)]
    }

    mutating func undoLastHandOut() -> [AppEffect] {
        guard !lastHandOut.isEmpty else {
            notice = Notice(Phrase("handOut.nothingToUndo"))
            return [.beep]
        }
        return [.perform(.counter(.undoHandOut(lastHandOut)))]
    }

    /// A hand-out or its undo is on disk; the newest lines of a timeline read before it are
    /// read again.
    mutating func performed(_ outcome: Outcome, _ context: AppContext) {
        recent = nil
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
            notice = Notice(given.codeRefusal.map { Phrase("handOut.done.leftOut", ["done": .phrase(said), "left": .phrase($0.phrase)]) } ?? said,
                            tone: given.codeRefusal == nil ? .info : .error)
        case .handOutRefused(let entry):
            let name = handOut.flatMap { context.shop.customers[$0.customer]?.name } ?? ""
            handOut = nil
            var said: [String: Phrase.Argument] = ["name": .text(name), "reason": .text(entry.text)]
            if let proxy = entry.proxyName {
                said["proxy"] = .text(proxy)
                notice = Notice(Phrase("handOut.refusedProxy", said))
            } else {
                notice = Notice(Phrase("handOut.refused", said))
            }
        case .handOutUndone(let parcels):
            lastHandOut = []
            notice = Notice(Phrase("handOut.undone", ["n": .count(parcels.count), "slots": .list(Set(parcels.map(\.slot.value)).sorted())]))
        }
    }

    /// The store refused a hand-out, a refusal or an undo: the hand-out closes, the reason shows.
    mutating func refused(_ command: Command, _ reason: Phrase, _ context: AppContext) {
        handOut = nil
        notice = Notice(reason, tone: .error)
    }
}
