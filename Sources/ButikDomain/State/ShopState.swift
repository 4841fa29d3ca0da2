import Foundation

/// Everything the journal says about the shop: customers and the parcels in or recently out of
/// it. Built by applying ``Record``s in order; decisions read it and never change it.
///
/// Closed parcels (handed out or collected by the driver), collected drop-offs and closed queue
/// entries older than
/// ``closedRetention`` are dropped by ``compacted()``, so a snapshot holds live state and the
/// journal keeps history.
public struct ShopState: Sendable, Equatable {
    public private(set) var customers: [CustomerID: Customer] = [:]
    public private(set) var parcels: [ParcelID: Parcel] = [:]
    public private(set) var nextCustomerNumber = 1
    public private(set) var nextParcelNumber = 1
    /// The time of the newest record applied.
    public private(set) var lastRecordAt: Date?
    /// Deliveries being scanned in now.
    public private(set) var openDeliveries: [DeliveryID: Delivery] = [:]
    public private(set) var nextDeliveryNumber = 1
    /// Parcels announced by manifests, by tracking number (arrived ones keep `arrivedAs`).
    public private(set) var expected: [TrackingNumber: ExpectedParcel] = [:]
    /// Slot capacities changed from the shop file.
    public private(set) var capacityOverrides: [SlotID: Int] = [:]
    /// Return parcels customers dropped off, waiting for the driver or recently collected.
    public private(set) var dropOffs: [DropOffID: DropOff] = [:]
    public private(set) var nextDropOffNumber = 1
    /// Pickup queue entries: open ones and recently closed ones.
    public private(set) var queue: [QueueEntryID: QueueEntry] = [:]
    public private(set) var nextQueueNumber = 1
    /// Each customer's log (refused hand-outs), oldest first, at most ``customerLogLimit``
    /// entries; never compacted away.
    public private(set) var customerLogs: [CustomerID: [CustomerLogEntry]] = [:]

    // Indexes, derived from the above and rebuilt on decode.
    /// Parcels physically in the shop (waiting or returning), by tracking number.
    public private(set) var inShopByTracking: [TrackingNumber: ParcelID] = [:]
    public private(set) var customerByKey: [String: CustomerID] = [:]
    /// Waiting parcels per slot.
    public private(set) var slotLoad: [SlotID: Int] = [:]
    /// Waiting parcels per deadline.
    public private(set) var waitingByDeadline: [Day: Int] = [:]
    /// Parcels in the shop per customer.
    public private(set) var inShopByCustomer: [CustomerID: Set<ParcelID>] = [:]
    /// Parcels in the shop by pickup code (codes are short, so two parcels may share one).
    public private(set) var inShopByPickupCode: [String: [ParcelID]] = [:]
    /// Folded names for search (see ``NameFolding``).
    public private(set) var foldedNames: [CustomerID: String] = [:]
    /// The same names in name order.
    public private(set) var nameIndex = NameIndex()
    /// Every live parcel's tracking number, for search, in id order.
    private(set) var trackingIndex = FlatIndex<ParcelID>()
    /// Every customer's phone numbers, for search.
    private(set) var phoneIndex = FlatIndex<CustomerID>()
    /// The newest parcel with each tracking number, in the shop or not.
    public private(set) var latestByTracking: [TrackingNumber: ParcelID] = [:]
    /// Parcels received in each delivery, in the order received.
    public private(set) var receivedInDelivery: [DeliveryID: [ParcelID]] = [:]
    /// Drop-offs waiting for the driver, by tracking number.
    public private(set) var waitingDropOffByTracking: [TrackingNumber: DropOffID] = [:]
    /// Each customer's open queue entry.
    public private(set) var openQueueByCustomer: [CustomerID: QueueEntryID] = [:]

    /// How long a closed parcel stays in live state (for undo and today's counts).
    public static let closedRetention: TimeInterval = 2 * 86_400

    public init() {}

    public static func == (lhs: ShopState, rhs: ShopState) -> Bool {
        lhs.customers == rhs.customers && lhs.parcels == rhs.parcels
            && lhs.nextCustomerNumber == rhs.nextCustomerNumber && lhs.nextParcelNumber == rhs.nextParcelNumber
            && lhs.lastRecordAt == rhs.lastRecordAt && lhs.openDeliveries == rhs.openDeliveries
            && lhs.nextDeliveryNumber == rhs.nextDeliveryNumber && lhs.expected == rhs.expected
            && lhs.capacityOverrides == rhs.capacityOverrides && lhs.dropOffs == rhs.dropOffs
            && lhs.nextDropOffNumber == rhs.nextDropOffNumber && lhs.queue == rhs.queue
            && lhs.nextQueueNumber == rhs.nextQueueNumber && lhs.customerLogs == rhs.customerLogs
    }

    /// The customer holding `key` (any case).
    public func customer(withKey key: String) -> Customer? {
        customerByKey[key.uppercased()].flatMap { customers[$0] }
    }

    /// The parcel with this tracking number that is in the shop now.
    public func parcelInShop(_ tracking: TrackingNumber) -> Parcel? {
        inShopByTracking[tracking].flatMap { parcels[$0] }
    }

    /// The newest parcel with this tracking number in live state, in the shop or not.
    public func latestParcel(_ tracking: TrackingNumber) -> Parcel? {
        parcelInShop(tracking) ?? latestByTracking[tracking].flatMap { parcels[$0] }
    }

    /// The parcels in the shop for a customer, oldest first.
    public func parcelsInShop(for customer: CustomerID) -> [Parcel] {
        (inShopByCustomer[customer] ?? []).compactMap { parcels[$0] }.sorted { $0.id < $1.id }
    }

    /// Parcels waiting (not returning) in each slot, or the given one.
    public func load(of slot: SlotID) -> Int { slotLoad[slot] ?? 0 }

    /// How many parcels are in the shop (waiting or returning).
    public var inShopCount: Int { inShopByTracking.count }

    /// How many waiting parcels have `day` as their deadline.
    public func waitingCount(dueOn day: Day) -> Int { waitingByDeadline[day] ?? 0 }

    /// All parcels in the shop, by slot then arrival.
    public var parcelsInShop: [Parcel] {
        inShopByTracking.values.compactMap { parcels[$0] }.sorted { ($0.slot, $0.id) < ($1.slot, $1.id) }
    }

    /// A copy without closed parcels, collected drop-offs and closed queue entries older than
    /// ``closedRetention`` before the newest record.
    public func compacted() -> ShopState {
        guard let newest = lastRecordAt else { return self }
        var copy = self
        copy.parcels = parcels.filter { _, parcel in
            switch parcel.status {
            case .waiting, .returning: return true
            case .handedOut(let handOut): return newest.timeIntervalSince(handOut.at) < ShopState.closedRetention
            case .collected(let at): return newest.timeIntervalSince(at) < ShopState.closedRetention
            }
        }
        copy.dropOffs = dropOffs.filter { _, dropOff in
            dropOff.collectedAt.map { newest.timeIntervalSince($0) < ShopState.closedRetention } ?? true
        }
        copy.queue = queue.filter { _, entry in
            entry.closedAt.map { newest.timeIntervalSince($0) < ShopState.closedRetention } ?? true
        }
        // What refers to the parcels dropped goes with them (this was in a `defer`, which ran
        // after the copy was returned: snapshots kept every manifest entry ever).
        copy.expected = copy.expected.filter { $0.value.arrivedAs.map { copy.parcels[$0] != nil } ?? true }
        copy.latestByTracking = copy.latestByTracking.filter { copy.parcels[$0.value] != nil }
        copy.trackingIndex = FlatIndex(copy.parcels.values.sorted { $0.id < $1.id }.map { ($0.tracking.value, $0.id) })
        copy.receivedInDelivery = copy.receivedInDelivery.compactMapValues { ids in
            let kept = ids.filter { copy.parcels[$0] != nil }
            return kept.isEmpty ? nil : kept
        }
        return copy
    }
}

extension ShopState: Codable {
    private enum Keys: String, CodingKey {
        case customers, parcels, nextCustomerNumber, nextParcelNumber, lastRecordAt
        case openDeliveries, nextDeliveryNumber, expected, capacityOverrides, dropOffs, nextDropOffNumber
        case queue, nextQueueNumber, customerLogs
    }

    private struct CustomerLog: Codable {
        var customer: CustomerID
        var entries: [CustomerLogEntry]
    }

    fileprivate struct CapacityOverride: Codable {
        var slot: SlotID
        var capacity: Int
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        nextCustomerNumber = try c.decode(Int.self, forKey: .nextCustomerNumber, in: Ranges.nextNumber, "next customer number")
        nextParcelNumber = try c.decode(Int.self, forKey: .nextParcelNumber, in: Ranges.nextNumber, "next parcel number")
        lastRecordAt = try c.decodeIfPresent(Date.self, forKey: .lastRecordAt)
        // Element by element, straight into the dictionaries (no array of them all first).
        var customers = try c.nestedUnkeyedContainer(forKey: .customers)
        let customerCount = customers.count ?? 0
        self.customers.reserveCapacity(customerCount)
        customerByKey.reserveCapacity(customerCount)
        foldedNames.reserveCapacity(customerCount)
        while !customers.isAtEnd { insert(try customers.decode(Customer.self), indexingName: false) }
        nameIndex = NameIndex(names: foldedNames)
        var parcels = try c.nestedUnkeyedContainer(forKey: .parcels)
        self.parcels.reserveCapacity(parcels.count ?? 0)
        latestByTracking.reserveCapacity(parcels.count ?? 0)
        while !parcels.isAtEnd { insert(try parcels.decode(Parcel.self)) }
        for delivery in try c.decodeIfPresent([Delivery].self, forKey: .openDeliveries) ?? [] { openDeliveries[delivery.id] = delivery }
        nextDeliveryNumber = try c.decodeIfPresent(Int.self, forKey: .nextDeliveryNumber, in: Ranges.nextNumber, "next delivery number") ?? 1
        for entry in try c.decodeIfPresent([ExpectedParcel].self, forKey: .expected) ?? [] { expected[entry.tracking] = entry }
        for entry in try c.decodeIfPresent([CapacityOverride].self, forKey: .capacityOverrides) ?? [] {
            capacityOverrides[entry.slot] = entry.capacity
        }
        for dropOff in try c.decodeIfPresent([DropOff].self, forKey: .dropOffs) ?? [] { insert(dropOff) }
        nextDropOffNumber = try c.decodeIfPresent(Int.self, forKey: .nextDropOffNumber, in: Ranges.nextNumber, "next drop-off number") ?? 1
        for entry in try c.decodeIfPresent([QueueEntry].self, forKey: .queue) ?? [] { insert(entry) }
        nextQueueNumber = try c.decodeIfPresent(Int.self, forKey: .nextQueueNumber, in: Ranges.nextNumber, "next queue entry number") ?? 1
        for log in try c.decodeIfPresent([CustomerLog].self, forKey: .customerLogs) ?? [] { customerLogs[log.customer] = log.entries }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(customers.values.sorted { $0.id < $1.id }, forKey: .customers)
        try c.encode(parcels.values.sorted { $0.id < $1.id }, forKey: .parcels)
        try c.encode(nextCustomerNumber, forKey: .nextCustomerNumber)
        try c.encode(nextParcelNumber, forKey: .nextParcelNumber)
        try c.encodeIfPresent(lastRecordAt, forKey: .lastRecordAt)
        try c.encode(openDeliveries.values.sorted { $0.id < $1.id }, forKey: .openDeliveries)
        try c.encode(nextDeliveryNumber, forKey: .nextDeliveryNumber)
        try c.encode(expected.values.sorted { $0.tracking < $1.tracking }, forKey: .expected)
        try c.encode(capacityOverrides.sorted { $0.key < $1.key }.map { CapacityOverride(slot: $0.key, capacity: $0.value) },
                     forKey: .capacityOverrides)
        try c.encode(dropOffs.values.sorted { $0.id < $1.id }, forKey: .dropOffs)
        try c.encode(nextDropOffNumber, forKey: .nextDropOffNumber)
        try c.encode(queue.values.sorted { $0.id < $1.id }, forKey: .queue)
        try c.encode(nextQueueNumber, forKey: .nextQueueNumber)
        try c.encode(customerLogs.sorted { $0.key < $1.key }.map { CustomerLog(customer: $0.key, entries: $0.value) },
                     forKey: .customerLogs)
    }
}

extension ShopState.CapacityOverride {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slot = try c.decode(SlotID.self, forKey: .slot)
        capacity = try c.decode(Int.self, forKey: .capacity, in: Ranges.slotCapacity, "slot capacity")
    }
}

// MARK: - Applying records

extension ShopState {
    /// Applies one journal record. Records were decided against this state, so they fit it;
    /// a record naming an unknown parcel changes nothing. Never traps on a decoded record: its
    /// identifiers lie in ``Ranges/identifier``, so the next numbers (`id + 1`) cannot overflow.
    public mutating func apply(_ record: Record) {
        lastRecordAt = max(lastRecordAt ?? record.at, record.at)
        switch record.event {
        case .customerAdded(let customer):
            insert(customer)
            nextCustomerNumber = max(nextCustomerNumber, customer.id.rawValue + 1)
        case .parcelReceived(let parcel):
            insert(parcel)
            nextParcelNumber = max(nextParcelNumber, parcel.id.rawValue + 1)
            expected[parcel.tracking]?.arrivedAs = parcel.id
        case .parcelMoved(let id, let slot):
            update(id) { $0.slot = slot }
        case .parcelsHandedOut(let ids, let verification, let proxyName, let proxyID):
            let handOut = HandOut(at: record.at, staff: record.staff, verification: verification, proxyName: proxyName, proxyID: proxyID)
            for id in ids { update(id) { $0.status = .handedOut(handOut: handOut) } }
        case .handOutUndone(let ids):
            for id in ids { update(id) { $0.status = .waiting } }
        case .deadlineExtended(let id, let day):
            update(id) { $0.deadline = day }
        case .parcelReturning(let id, let area):
            update(id) { parcel in
                parcel.status = .returning(since: record.at)
                parcel.slot = area
            }
        case .parcelsCollectedByDriver(let ids):
            for id in ids { update(id) { $0.status = .collected(at: record.at) } }
        case .returnCancelled(let id, let slot):
            update(id) { parcel in
                parcel.status = .waiting
                parcel.slot = slot
            }
        case .receiptUndone(let id):
            guard let parcel = parcels[id] else { return }
            unindex(parcel)
            parcels[id] = nil
            trackingIndex.remove(id)
            if let delivery = parcel.delivery { receivedInDelivery[delivery]?.removeAll { $0 == id } }
            if latestByTracking[parcel.tracking] == id {
                latestByTracking[parcel.tracking] = parcels.values.filter { $0.tracking == parcel.tracking }.map(\.id).max()
            }
            if expected[parcel.tracking]?.arrivedAs == id { expected[parcel.tracking]?.arrivedAs = nil }
        case .deliveryStarted(let delivery):
            openDeliveries[delivery.id] = delivery
            nextDeliveryNumber = max(nextDeliveryNumber, delivery.id.rawValue + 1)
        case .deliveryEnded(let summary):
            openDeliveries[summary.delivery] = nil
        case .parcelsExpected(let entries):
            for entry in entries { expected[entry.tracking] = entry }
        case .slotCapacityChanged(let slot, let capacity):
            capacityOverrides[slot] = capacity
        case .droppedOff(let dropOff):
            insert(dropOff)
            nextDropOffNumber = max(nextDropOffNumber, dropOff.id.rawValue + 1)
        case .driverHandover(let handover):
            for id in handover.parcels { update(id) { $0.status = .collected(at: record.at) } }
            for id in handover.dropOffs {
                guard var dropOff = dropOffs[id] else { continue }
                dropOff.collectedAt = record.at
                insert(dropOff)
            }
        case .queueEntryAdded(let entry):
            insert(entry)
            nextQueueNumber = max(nextQueueNumber, entry.id.rawValue + 1)
        case .queueFetchStarted(let id):
            update(id) { entry in
                entry.status = .fetching
                entry.fetchingBy = record.staff
            }
        case .queueEntryReady(let id):
            update(id) { $0.status = .ready }
        case .queueEntryClosed(let id, let outcome):
            update(id) { entry in
                entry.status = outcome.status
                entry.closedAt = record.at
            }
        case .handOutRefused(let customer, let ids, let reason, let proxyName):
            let entry = CustomerLogEntry(kind: .refusal, text: reason, parcels: ids.compactMap { parcels[$0]?.tracking },
                                         at: record.at, staff: record.staff, proxyName: proxyName)
            customerLogs[customer] = (customerLogs[customer, default: []] + [entry]).suffix(ShopState.customerLogLimit)
        case .proxyAuthorised(let id, let proxy):
            guard var customer = customers[id] else { return }
            customer.proxies.append(proxy)
            insert(customer)
        case .proxyRevoked(let id, let name):
            guard var customer = customers[id] else { return }
            customer.proxies.removeAll { $0.name == name }
            insert(customer)
        }
    }

    private mutating func insert(_ dropOff: DropOff) {
        if let old = dropOffs[dropOff.id], waitingDropOffByTracking[old.tracking] == old.id {
            waitingDropOffByTracking[old.tracking] = nil
        }
        dropOffs[dropOff.id] = dropOff
        if dropOff.collectedAt == nil { waitingDropOffByTracking[dropOff.tracking] = dropOff.id }
    }

    private mutating func insert(_ entry: QueueEntry) {
        if openQueueByCustomer[entry.customer] == entry.id { openQueueByCustomer[entry.customer] = nil }
        queue[entry.id] = entry
        if entry.status.isOpen { openQueueByCustomer[entry.customer] = entry.id }
    }

    private mutating func update(_ id: QueueEntryID, _ change: (inout QueueEntry) -> Void) {
        guard var entry = queue[id] else { return }
        change(&entry)
        insert(entry)
    }

    /// `indexingName` false leaves ``nameIndex`` to be built once for every name (decoding).
    private mutating func insert(_ customer: Customer, indexingName: Bool = true) {
        let old = customers.updateValue(customer, forKey: customer.id)
        if let old {
            customerByKey[old.key] = nil
            if old.phones != customer.phones { phoneIndex.remove(customer.id) }
        }
        if old?.phones != customer.phones {
            for phone in customer.phones { phoneIndex.append(phone, id: customer.id) }
        }
        customerByKey[customer.key] = customer.id
        let folded = NameFolding.fold(customer.name)
        let previous = foldedNames.updateValue(folded, forKey: customer.id)
        if previous != folded, indexingName { nameIndex.set(customer.id, folded: folded, previous: previous) }
    }

    private mutating func insert(_ parcel: Parcel) {
        if let old = parcels[parcel.id] {
            unindex(old)
        } else {
            trackingIndex.append(parcel.tracking.value, id: parcel.id)
            if let delivery = parcel.delivery { receivedInDelivery[delivery, default: []].append(parcel.id) }
        }
        ShopState.raise(&latestByTracking[parcel.tracking, default: parcel.id], to: parcel.id)
        parcels[parcel.id] = parcel
        index(parcel)
    }

    private static func raise(_ latest: inout ParcelID, to id: ParcelID) {
        if latest < id { latest = id }
    }

    /// Changes a parcel in place (one look-up), keeping the indexes.
    private mutating func update(_ id: ParcelID, _ change: (inout Parcel) -> Void) {
        guard let position = parcels.index(forKey: id) else { return }
        unindex(parcels.values[position])
        change(&parcels.values[position])
        index(parcels.values[position])
    }

    private mutating func index(_ parcel: Parcel) {
        guard parcel.status.isInShop else { return }
        inShopByTracking[parcel.tracking] = parcel.id
        inShopByCustomer[parcel.customer, default: []].insert(parcel.id)
        if let code = parcel.pickupCode { inShopByPickupCode[code, default: []].append(parcel.id) }
        if parcel.status == .waiting {
            slotLoad[parcel.slot, default: 0] += 1
            waitingByDeadline[parcel.deadline, default: 0] += 1
        }
    }

    /// One less under `key`, which goes at zero; one look-up.
    private static func decrement<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key) {
        guard let position = counts.index(forKey: key) else {
            counts[key] = -1  // as `-= 1` on a missing count did
            return
        }
        counts.values[position] -= 1
        if counts.values[position] == 0 { counts.remove(at: position) }
    }

    private mutating func unindex(_ parcel: Parcel?) {
        guard let parcel, parcel.status.isInShop else { return }
        inShopByTracking[parcel.tracking] = nil
        if let position = inShopByCustomer.index(forKey: parcel.customer) {
            inShopByCustomer.values[position].remove(parcel.id)
            if inShopByCustomer.values[position].isEmpty { inShopByCustomer.remove(at: position) }
        }
        if let code = parcel.pickupCode {
            inShopByPickupCode[code]?.removeAll { $0 == parcel.id }
            if inShopByPickupCode[code]?.isEmpty == true { inShopByPickupCode[code] = nil }
        }
        if parcel.status == .waiting {
            ShopState.decrement(&slotLoad, parcel.slot)
            ShopState.decrement(&waitingByDeadline, parcel.deadline)
        }
    }
}
