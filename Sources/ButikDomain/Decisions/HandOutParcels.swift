import Foundation

/// Parcels to give to the person at the counter, and how their identity was checked.
public struct HandOutRequest: Equatable, Sendable {
    public var parcels: [ParcelID]
    public var verification: Verification
    /// Required when `verification` is `.proxy`.
    public var proxyName: String?
    /// What the clerk noted of the proxy's own ID ("førerkort …4521"); required with `.proxy`.
    public var proxyID: String?
    /// The pickup code the person at the counter gave (see ``PickupCode/init(_:)``);
    /// required with `.code`.
    public var pickupCode: String?

    public init(parcels: [ParcelID], verification: Verification, proxyName: String? = nil, proxyID: String? = nil,
                pickupCode: String? = nil) {
        self.parcels = parcels
        self.verification = verification
        self.proxyName = proxyName
        self.proxyID = proxyID
        self.pickupCode = pickupCode
    }
}

/// What a hand-out gave, and whether the clerk must be told the proxy is not registered.
public struct HandedOut: Equatable, Sendable {
    public var parcels: [Parcel]
    /// True for a proxy hand-out when the proxy is not registered for the customer whose parcels
    /// these are: it went ahead on both IDs, not on a fullmakt.
    public var unregisteredProxy: Bool
    /// For a hand-out on the pickup code: the parcels asked for whose code is another (or
    /// unknown). They were not handed out and need another check.
    public var notMatchingCode: [Parcel]
    /// The code given, for ``codeRefusal``.
    public var pickupCode: PickupCode?

    public init(parcels: [Parcel], unregisteredProxy: Bool = false, notMatchingCode: [Parcel] = [], pickupCode: PickupCode? = nil) {
        self.parcels = parcels
        self.unregisteredProxy = unregisteredProxy
        self.notMatchingCode = notMatchingCode
        self.pickupCode = pickupCode
    }

    /// The refusal of the parcels left out for their pickup code, to say beside what was given.
    public var codeRefusal: DomainError? {
        guard let pickupCode, !notMatchingCode.isEmpty else { return nil }
        return .pickupCodeMismatch(code: pickupCode, tracking: notMatchingCode.map(\.tracking))
    }
}

extension ShopState {
    /// The longest note of a proxy's ID a hand-out takes.
    public static let proxyIDLimit = 40

    /// Decides to hand parcels out. Every parcel must be collectable
    /// (``ParcelStatus/isCollectable``: waiting, or already in the outbound area but not yet
    /// taken by the driver); a parcel is handed out at most once. A proxy gives
    /// their name (at most ``TypedText/nameLimit`` characters) and a note of their own ID (1 to
    /// ``proxyIDLimit`` characters); one who is not registered for the customer is let through
    /// on both IDs and flagged in the outcome; a registered one whose fullmakt ran out
    /// (``Proxy/validUntil``) is refused, and so is every proxy of a customer who collects in
    /// person only (``Customer/personalOnly``). One check of who collects covers one customer's
    /// parcels: parcels of several customers are refused. A customer left with no waiting parcel
    /// has their open queue entry closed as done in the same decision.
    ///
    /// On the pickup code (`.code`) the code must be given, and only the parcels with that code
    /// (``Parcel/hasPickupCode(_:)``) go out; the others stay and are named in the outcome
    /// (``HandedOut/codeRefusal``), and when none has it the hand-out is refused.
    public func handOut(_ request: HandOutRequest, _ context: Context) throws(DomainError) -> Decision<HandedOut> {
        var ids: [ParcelID] = []
        for id in request.parcels where !ids.contains(id) { ids.append(id) }
        guard !ids.isEmpty else { throw .nothingGiven }
        let isProxy = request.verification == .proxy
        let proxyName = isProxy ? request.proxyName?.trimmingCharacters(in: .whitespaces) : nil
        let proxyID = isProxy ? request.proxyID?.trimmingCharacters(in: .whitespaces) : nil
        if isProxy, proxyName?.isEmpty ?? true { throw .proxyNameMissing }
        if let proxyName, proxyName.count > TypedText.nameLimit { throw .invalidProxyName(limit: TypedText.nameLimit) }
        if isProxy, !(1...Self.proxyIDLimit).contains(proxyID?.count ?? 0) { throw .invalidProxyID(limit: Self.proxyIDLimit) }
        var given: [Parcel] = []
        for id in ids {
            let parcel = try existing(id)
            if case .handedOut(let handOut) = parcel.status {
                throw .alreadyHandedOut(tracking: parcel.tracking, when: LocalMoment(handOut.at, in: context.layout.zone),
                                        staff: handOut.staff)
            }
            guard parcel.status.isCollectable else { throw .notWaiting(tracking: parcel.tracking, status: parcel.status.kind) }
            given.append(parcel)
        }
        var owners: [CustomerID] = []
        for parcel in given where !owners.contains(parcel.customer) { owners.append(parcel.customer) }
        guard owners.count == 1 else {
            throw .handOutForSeveralCustomers(keys: owners.map { owner in
                records.customers[owner]?.key ?? given.first { $0.customer == owner }?.key ?? CustomerKey(stored: owner.description)
            })
        }
        if let proxyName, let owner = records.customers[owners[0]] {
            if owner.personalOnly { throw .personalHandOutOnly(key: owner.key) }
            if let registered = proxy(named: proxyName, of: owner.id), let until = registered.validUntil, context.today > until {
                throw .proxyExpired(name: registered.name, key: owner.key, day: until)
            }
        }
        var notMatching: [Parcel] = []
        var code: PickupCode?
        if request.verification == .code {
            let text = request.pickupCode?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !text.isEmpty else { throw .pickupCodeMissing }
            guard let said = PickupCode(text) else { throw .invalidPickupCode(text) }
            code = said
            notMatching = given.filter { !$0.hasPickupCode(said) }
            given.removeAll { !$0.hasPickupCode(said) }
            guard !given.isEmpty else { throw .pickupCodeMismatch(code: said, tracking: notMatching.map(\.tracking)) }
        }
        let event = Event.parcelsHandedOut(parcels: given.map(\.id), verification: request.verification, proxyName: proxyName,
                                           proxyID: proxyID)
        let unregistered = proxyName.map { proxy(named: $0, of: owners[0]) == nil } ?? false
        return Decision(events: [event] + queueClosures(handedOut: given),
                        outcome: HandedOut(parcels: given, unregisteredProxy: unregistered, notMatchingCode: notMatching, pickupCode: code))
    }

    /// Decides to undo a hand-out made at most `window` ago: the parcels wait again in their
    /// slot, or in a freshly assigned one when their slot has filled up meanwhile; a parcel
    /// handed out from the outbound area goes back there for return. A queue entry the hand-out
    /// closed stays closed.
    public func undoHandOut(_ ids: [ParcelID], within window: TimeInterval, _ context: Context) throws(DomainError) -> Decision<[Parcel]> {
        guard !ids.isEmpty else { throw .nothingGiven }
        for id in ids {
            let parcel = try existing(id)
            guard case .handedOut(let handOut) = parcel.status else { throw .notHandedOut(tracking: parcel.tracking) }
            guard context.now.timeIntervalSince(handOut.at) <= window else {
                throw .undoTooLate(tracking: parcel.tracking, minutes: Int(window / 60))
            }
            if let present = parcelInShop(parcel.tracking) {
                throw .alreadyInShop(tracking: parcel.tracking, slot: present.slot, key: present.key)
            }
        }
        var events: [Event] = [.handOutUndone(parcels: ids)]
        var after = self
        after.apply(context.record(events[0]))
        for id in ids {
            let parcel = after.records.parcels[id]!
            if parcel.slot == context.layout.outboundID {
                // It was handed out from the outbound area: it waits for the driver again.
                let back = Event.parcelReturning(parcel: id, to: parcel.slot)
                events.append(back)
                after.apply(context.record(back))
                continue
            }
            guard let slot = context.layout.slots.first(where: { $0.id == parcel.slot }),
                  after.load(of: slot.id) > after.capacity(of: slot) else { continue }
            let move = Event.parcelMoved(parcel: id, to: after.assignSlot(for: parcel.customer, size: parcel.size, layout: context.layout).slot)
            events.append(move)
            after.apply(context.record(move))
        }
        return Decision(events: events, outcome: ids.compactMap { after.records.parcels[$0] })
    }

    /// The parcel with this id, or an error naming it.
    func existing(_ id: ParcelID) throws(DomainError) -> Parcel {
        guard let parcel = records.parcels[id] else { throw .unknownParcel(id.description) }
        return parcel
    }
}
