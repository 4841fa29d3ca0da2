import ButikDomain

/// Handing parcels to the person at the counter: how their identity was checked, then each
/// parcel confirmed by a scan. A parcel that belongs to somebody else is refused loudly.
public struct HandOutFlow: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        /// Asking how identity was checked (1-4).
        case verifying
        /// Picking a registered proxy by number, or typing the proxy's name.
        case proxyName
        /// Noting the proxy's own ID.
        case proxyID
        /// Waiting for each parcel's scan.
        case scanning
        /// Typing why the hand-out is refused, for the customer's log.
        case refusing
    }

    public var customer: CustomerID
    /// The parcels to hand out: every one waiting for the customer when the hand-out began.
    public var parcels: [ParcelID]
    public var step = Step.verifying
    public var verification = Verification.id
    public var proxyField = TextField(placeholder: "the proxy's full name, as on their ID")
    public var proxyIDField = TextField(placeholder: "the kind of ID and its last digits, like førerkort …4521")
    public var reasonField = TextField(HandOutFlow.defaultRefusal)
    /// What a refusal says unless the clerk types otherwise.
    public static let defaultRefusal = "The name on the ID does not match the name on the parcel."
    public var scanned: Set<ParcelID> = []
    /// Set after Enter with some parcels unscanned: a second Enter hands out only the scanned.
    public var partialAsked = false

    var proxyName: String? {
        verification == .proxy ? proxyField.text.trimmingCharacters(in: .whitespaces) : nil
    }

    var proxyID: String? {
        verification == .proxy ? proxyIDField.text.trimmingCharacters(in: .whitespaces) : nil
    }

    /// "ID checked", "proxy Per Hansen, pass …1234".
    var how: String {
        verification == .proxy ? "proxy \(proxyName ?? ""), \(proxyID ?? "")" : verification.phrase
    }

    /// Hands out `ids` as verified in this flow.
    func request(_ ids: [ParcelID]) -> AppEffect {
        .perform(.handOut(HandOutRequest(parcels: ids, verification: verification, proxyName: proxyName, proxyID: proxyID)))
    }
}

extension CounterScreen {
    /// Whether scans confirm a hand-out now (rather than start a search).
    var takesScans: Bool { handOut?.step == .scanning }

    /// Enter on a result: hand out everything waiting for that customer.
    mutating func startHandOut(_ context: AppContext) -> [AppEffect] {
        guard let customer = selectedCustomer(context) else {
            notice = ("Find the customer first: type their key, name, phone or a tracking number.", false)
            return [.beep]
        }
        let waiting = context.shop.parcelsInShop(for: customer).filter { $0.status == .waiting }.map(\.id)
        guard !waiting.isEmpty else {
            notice = ("\(context.shop.customers[customer]?.name ?? "This customer") has no parcels waiting.", false)
            return [.beep]
        }
        handOut = HandOutFlow(customer: customer, parcels: waiting)
        notice = nil
        return []
    }

    mutating func handleHandOut(_ key: Key, _ context: AppContext) -> [AppEffect] {
        guard var flow = handOut else { return [] }
        defer { if handOut != nil { handOut = flow } }
        switch (flow.step, key) {
        case (.refusing, .escape):
            flow.step = .verifying
        case (_, .escape):
            handOut = nil
            notice = ("Hand-out cancelled; nothing was handed out.", false)
        case (.refusing, .enter):
            let reason = flow.reasonField.text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return [.beep] }
            return [.perform(.refuseHandOut(flow.customer, parcels: flow.parcels, reason: reason))]
        case (.refusing, _):
            _ = flow.reasonField.handle(key)
        case (_, .control("r")):
            // Two keys: Ctrl-R, then Enter takes the usual reason (or type another).
            flow.step = .refusing
        case (.verifying, .character(let c)):
            let choices: [Character: Verification] = ["1": .id, "2": .code, "3": .known, "4": .proxy]
            guard let verification = choices[c] else { return [] }
            flow.verification = verification
            flow.step = verification == .proxy ? .proxyName : .scanning
        case (.proxyName, .enter):
            guard flow.proxyName?.isEmpty == false else { return [.beep] }
            flow.step = .proxyID
        case (.proxyName, .character(let c)) where c.isWholeNumber:
            // Names have no digits: a digit picks that registered proxy.
            let registered = context.shop.customers[flow.customer]?.proxies ?? []
            guard let n = c.wholeNumberValue, registered.indices.contains(n - 1) else { return [.beep] }
            flow.proxyField.text = registered[n - 1].name
            flow.step = .proxyID
        case (.proxyName, _):
            _ = flow.proxyField.handle(key)
        case (.proxyID, .enter):
            guard flow.proxyID?.isEmpty == false else { return [.beep] }
            flow.step = .scanning
        case (.proxyID, _):
            _ = flow.proxyIDField.handle(key)
        case (.scanning, .enter):
            if flow.scanned.count == flow.parcels.count || (flow.partialAsked && !flow.scanned.isEmpty) {
                return [flow.request(flow.parcels.filter { flow.scanned.contains($0) })]
            }
            if flow.scanned.isEmpty, context.layout.handOutWithoutScan { return [flow.request(flow.parcels)] }
            if flow.scanned.isEmpty {
                notice = ("Scan each parcel to confirm it is the right one.", false)
                return [.beep]
            }
            flow.partialAsked = true
            notice = ("Only \(flow.scanned.count) of \(flow.parcels.count) scanned. Enter again hands out just those; Esc cancels.", false)
        default:
            break
        }
        return []
    }

    /// A scan during a hand-out: the parcel must be one of this customer's.
    mutating func confirm(_ number: TrackingNumber, _ context: AppContext) -> [AppEffect] {
        guard var flow = handOut else { return [] }
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
        flow.scanned.insert(parcel.id)
        flow.partialAsked = false
        notice = ("✓ \(number) from \(parcel.slot): \(flow.scanned.count) of \(flow.parcels.count).", false)
        handOut = flow
        guard flow.scanned.count == flow.parcels.count else { return [] }
        return [flow.request(flow.parcels)]
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
            notice = ("Handed out \(parcels.count) parcel\(parcels.count == 1 ? "" : "s") to \(name) (\(how)). Ctrl-Z undoes it.", false)
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

    func drawHandOut(_ flow: HandOutFlow, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard let customer = context.shop.customers[flow.customer] else { return }
        var row = rect.row + 1
        screen.put("Hand out to \(customer.key)  \(customer.name): \(flow.parcels.count) parcel\(flow.parcels.count == 1 ? "" : "s")",
                   row: row, column: rect.column, style: Style(.title, bold: true), maxWidth: rect.width)
        row += 1
        switch flow.step {
        case .verifying:
            screen.put("How was identity checked?  1 photo ID   2 pickup code   3 known regular   4 proxy   Ctrl-R refuse",
                       row: row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
        case .proxyName:
            screen.put("Proxy's name:", row: row, column: rect.column, style: Style(.accent, bold: true))
            flow.proxyField.draw(into: &screen, at: Rect(row: row, column: rect.column + 14, width: rect.width - 14, height: 1))
        case .proxyID:
            screen.put("Proxy's ID:", row: row, column: rect.column, style: Style(.accent, bold: true))
            flow.proxyIDField.draw(into: &screen, at: Rect(row: row, column: rect.column + 12, width: rect.width - 12, height: 1))
        case .scanning:
            screen.put("Scan each parcel (\(flow.scanned.count) of \(flow.parcels.count))  ·  \(flow.how)  ·  Esc cancels",
                       row: row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
        case .refusing:
            screen.put("Refused because:", row: row, column: rect.column, style: Style(.danger, bold: true))
            flow.reasonField.draw(into: &screen, at: Rect(row: row, column: rect.column + 17, width: rect.width - 17, height: 1))
        }
        row += 1
        if let notice {
            screen.put(notice.text, row: row, column: rect.column,
                       style: notice.alarm ? Style(.danger, bold: true, reverse: true) : Style(.ok, bold: true), maxWidth: rect.width)
        } else if let hint = proxyHint(flow, context) {
            screen.put(hint.text, row: row, column: rect.column, style: hint.style, maxWidth: rect.width)
        }
        row += 1
        let rows = flow.parcels.compactMap { context.shop.parcels[$0] }.map { parcel in
            Table.Row([flow.scanned.contains(parcel.id) ? "✓" : "·", parcel.tracking.value, parcel.slot.value, parcel.carrier],
                      style: flow.scanned.contains(parcel.id) ? Style(.ok) : .plain)
        }
        Table(columns: [Table.Column("", width: .fixed(2)), Table.Column("Tracking", width: .fixed(20)),
                        Table.Column("Slot", width: .fixed(6)), Table.Column("Carrier")], rows: rows)
            .draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: rect.row + rect.height - row))
    }
}

extension CounterScreen {
    /// Under the proxy steps: the customer's registered proxies to pick from, then whether the
    /// one given is registered.
    func proxyHint(_ flow: HandOutFlow, _ context: AppContext) -> (text: String, style: Style)? {
        guard let customer = context.shop.customers[flow.customer] else { return nil }
        switch flow.step {
        case .proxyName where customer.proxies.isEmpty:
            return ("\(customer.key) has no registered proxies: type the name as on their ID; they show both IDs.", Style(.muted))
        case .proxyName:
            let numbered = customer.proxies.prefix(9).enumerated().map { "\($0.offset + 1) \($0.element.name)" }
            return ("Registered: " + numbered.joined(separator: "   ") + "   (press the number, or type a name)", Style(.accent))
        case .proxyID where context.shop.proxy(named: flow.proxyName ?? "", of: flow.customer) != nil:
            return ("\(flow.proxyName ?? "") is a registered proxy for \(customer.key).", Style(.ok))
        case .proxyID:
            return ("\(flow.proxyName ?? "") is not a registered proxy: check both IDs and note theirs.", Style(.warning, bold: true))
        default:
            return nil
        }
    }
}

extension Verification {
    /// "ID checked", "pickup code", ...
    var phrase: String {
        switch self {
        case .id: "ID checked"
        case .code: "pickup code"
        case .known: "known regular"
        case .proxy: "proxy"
        }
    }
}
