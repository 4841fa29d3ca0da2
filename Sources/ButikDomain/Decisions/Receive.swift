/// Who a received parcel is for.
public enum Recipient: Equatable, Sendable {
    /// A known customer.
    case customer(CustomerID)
    /// The name on the parcel (and phone if known): an existing customer with that name, or a new one.
    case person(NewCustomer)
}

/// A parcel to take in.
public struct ReceiveRequest: Equatable, Sendable {
    public var tracking: ParsedTracking
    public var recipient: Recipient
    /// Carrier id or name; nil is the first carrier in the layout (the shop's main one).
    public var carrier: CarrierID?
    public var size: SizeClass
    /// The delivery session it is scanned in, if any (its carrier is the default).
    public var delivery: DeliveryID?
    /// Receive a number that was here before and left (handed out, returned) on purpose.
    public var again: Bool
    /// The pickup code as given (see ``PickupCode/init(_:)``); nil takes the one a
    /// manifest announced, if any.
    public var pickupCode: String?

    public init(tracking: ParsedTracking, recipient: Recipient, carrier: CarrierID? = nil, size: SizeClass = .small,
                delivery: DeliveryID? = nil, again: Bool = false, pickupCode: String? = nil) {
        self.tracking = tracking
        self.recipient = recipient
        self.carrier = carrier
        self.size = size
        self.delivery = delivery
        self.again = again
        self.pickupCode = pickupCode
    }
}

/// What intake shows once the parcel is on disk.
public struct Received: Equatable, Sendable {
    public var parcel: Parcel
    public var customer: Customer
    public var isNewCustomer: Bool
    /// Set when the parcel went to the overflow area.
    public var overflow: OverflowReason?
    /// The customer's cases not resolved, oldest first: intake says so.
    public var openCases: [Case] = []
}

extension ShopState {
    /// Decides to receive a parcel: resolves the recipient, picks the slot and the deadline, and
    /// keeps the pickup code given or announced; the outcome names the customer's open cases.
    public func receive(_ request: ReceiveRequest, _ context: Context) throws(DomainError) -> Decision<Received> {
        let tracking = request.tracking.number
        let givenCode = try request.pickupCode.map { text throws(DomainError) in
            guard let code = PickupCode(text) else { throw DomainError.invalidPickupCode(text) }
            return code
        }
        if let present = parcelInShop(tracking) {
            throw .alreadyInShop(tracking: tracking, slot: present.slot, key: present.key)
        }
        if !request.again, let earlier = latestParcel(tracking) {
            let zone = context.layout.zone
            switch earlier.status {
            case .handedOut(let handOut):
                throw .receivedBefore(tracking: tracking, left: .handedOut, when: LocalMoment(handOut.at, in: zone))
            case .collected(let at):
                throw .receivedBefore(tracking: tracking, left: .collected, when: LocalMoment(at, in: zone))
            case .waiting, .returning:
                break
            }
        }
        let delivery = try request.delivery.map { id throws(DomainError) in
            guard let open = records.openDeliveries[id] else { throw DomainError.noOpenDelivery }
            return open
        }
        let announced = records.expected[tracking].flatMap { $0.arrivedAs == nil ? $0 : nil }
        let carrier = try resolveCarrier(request.carrier ?? announced?.carrier ?? delivery?.carrier, context.layout)
        var events: [Event] = []
        let customer: Customer
        let recipientName: String
        var isNew = false
        switch request.recipient {
        case .customer(let id):
            guard let known = records.customers[id] else { throw .unknownCustomer(id.description) }
            customer = known
            recipientName = known.name
        case .person(let given):
            var person = given
            person.name = try TypedText.customerName(given.name)
            recipientName = person.name
            if let known = try existingCustomer(matching: person) {
                customer = known
            } else {
                customer = try makeCustomer(person, context)
                events.append(.customerAdded(customer))
                isNew = true
            }
        }
        let (slot, overflow) = assignSlot(for: customer.id, size: request.size, layout: context.layout)
        let parcel = Parcel(
            id: try ParcelID.minted(from: records.nextParcelNumber), tracking: tracking, format: request.tracking.format,
            checkDigit: request.tracking.checkDigit, carrier: carrier.id, recipientName: recipientName,
            customer: customer.id, key: customer.key, slot: slot, size: request.size,
            deadline: carrier.deadline(receivedOn: context.today, holdDays: announced?.holdDays), receivedAt: context.now,
            receivedBy: context.staff, status: .waiting, delivery: delivery?.id, preAdvised: announced != nil ? true : nil,
            pickupCode: givenCode ?? announced?.pickupCode)
        events.append(.parcelReceived(parcel))
        return Decision(events: events, outcome: Received(parcel: parcel, customer: customer, isNewCustomer: isNew, overflow: overflow,
                                                          openCases: openCustomerCases(customer.id)))
    }

    /// The customer a name (and phone) refers to: same name ignoring case and accents; with
    /// several such customers the phone decides. Nil when nobody has the name.
    public func existingCustomer(matching person: NewCustomer) throws(DomainError) -> Customer? {
        let folded = NameFolding.fold(person.name)
        let sameName = indexes.nameIndex.exactly(folded).compactMap { records.customers[$0] }
        if let key = person.key.flatMap(CustomerKey.chosen), let holder = customer(withKey: key) {
            guard indexes.foldedNames[holder.id] == folded else { throw .keyTaken(key: key, holder: holder.name) }
            return holder
        }
        if sameName.count <= 1 { return sameName.first }
        let phones = Set(person.phones.compactMap(PhoneNumber.normalized))
        let byPhone = sameName.filter { !phones.isDisjoint(with: $0.phones) }
        if byPhone.count == 1 { return byPhone[0] }
        throw .ambiguousRecipient(name: person.name, keys: sameName.map(\.key))
    }

    /// The carrier `id` names, or the shop's first one for nil.
    func resolveCarrier(_ id: CarrierID?, _ layout: ShopLayout) throws(DomainError) -> ShopLayout.Carrier {
        guard let id else {
            return layout.carriers.first ?? ShopLayout.Carrier(id: CarrierID(stored: "other"), name: "Other", holdDays: layout.defaultHoldDays)
        }
        guard let carrier = layout.carrier(named: id) else {
            throw .unknownCarrier(id, known: layout.carriers.map(\.id))
        }
        return carrier
    }
}
