import Foundation

/// What the journal says about the shop and a snapshot keeps: customers, the parcels in or
/// recently out of it, deliveries, manifests, drop-offs, the queue and the customers' logs,
/// with the next numbers to give out. Nothing here is derived: ``ShopIndexes`` is rebuilt from
/// it, and two states are equal when their records are.
public struct ShopRecords: Sendable, Equatable {
    public internal(set) var customers: [CustomerID: Customer] = [:]
    public internal(set) var parcels: [ParcelID: Parcel] = [:]
    public internal(set) var nextCustomerNumber = 1
    public internal(set) var nextParcelNumber = 1
    /// The time of the newest record applied.
    public internal(set) var lastRecordAt: Date?
    /// Deliveries being scanned in now.
    public internal(set) var openDeliveries: [DeliveryID: Delivery] = [:]
    public internal(set) var nextDeliveryNumber = 1
    /// Parcels announced by manifests, by tracking number (arrived ones keep `arrivedAs`).
    public internal(set) var expected: [TrackingNumber: ExpectedParcel] = [:]
    /// Slot capacities changed from the shop file.
    public internal(set) var capacityOverrides: [SlotID: Int] = [:]
    /// Return parcels customers dropped off, waiting for the driver or recently collected.
    public internal(set) var dropOffs: [DropOffID: DropOff] = [:]
    public internal(set) var nextDropOffNumber = 1
    /// Pickup queue entries: open ones and recently closed ones.
    public internal(set) var queue: [QueueEntryID: QueueEntry] = [:]
    public internal(set) var nextQueueNumber = 1
    /// Each customer's log (refused hand-outs), oldest first, at most
    /// ``ShopState/customerLogLimit`` entries; never compacted away.
    public internal(set) var customerLogs: [CustomerID: [CustomerLogEntry]] = [:]
    /// The customers merged into another, each to the one it is now (never to a merged one).
    public internal(set) var mergedCustomers: [CustomerID: CustomerID] = [:]

    public init() {}
}

/// The snapshot's format, written by hand because synthesised coding cannot give it: each
/// dictionary is a list sorted by id (synthesised coding writes a dictionary keyed by a number
/// as one flat list of keys and values, in hash order), the fields added after the first
/// snapshots (deliveries, manifests, capacities, drop-offs, the queue, the logs, the merged
/// customers) may be missing in an old one, and the next numbers are checked against
/// ``Ranges/nextNumber``. Every field is in both functions below; `ShopStateTests` round-trips
/// a state from a random journal to hold them to that.
extension ShopRecords: Codable {
    private enum Keys: String, CodingKey {
        case customers, parcels, nextCustomerNumber, nextParcelNumber, lastRecordAt
        case openDeliveries, nextDeliveryNumber, expected, capacityOverrides, dropOffs, nextDropOffNumber
        case queue, nextQueueNumber, customerLogs, mergedCustomers
    }

    private struct CustomerLog: Codable {
        var customer: CustomerID
        var entries: [CustomerLogEntry]
    }

    private struct Merged: Codable {
        var merged: CustomerID
        var kept: CustomerID
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
        self.customers.reserveCapacity(customers.count ?? 0)
        while !customers.isAtEnd {
            let customer = try customers.decode(Customer.self)
            self.customers[customer.id] = customer
        }
        var parcels = try c.nestedUnkeyedContainer(forKey: .parcels)
        self.parcels.reserveCapacity(parcels.count ?? 0)
        while !parcels.isAtEnd {
            let parcel = try parcels.decode(Parcel.self)
            self.parcels[parcel.id] = parcel
        }
        for delivery in try c.decodeIfPresent([Delivery].self, forKey: .openDeliveries) ?? [] { openDeliveries[delivery.id] = delivery }
        nextDeliveryNumber = try c.decodeIfPresent(Int.self, forKey: .nextDeliveryNumber, in: Ranges.nextNumber, "next delivery number") ?? 1
        for entry in try c.decodeIfPresent([ExpectedParcel].self, forKey: .expected) ?? [] { expected[entry.tracking] = entry }
        for entry in try c.decodeIfPresent([CapacityOverride].self, forKey: .capacityOverrides) ?? [] {
            capacityOverrides[entry.slot] = entry.capacity
        }
        for dropOff in try c.decodeIfPresent([DropOff].self, forKey: .dropOffs) ?? [] { dropOffs[dropOff.id] = dropOff }
        nextDropOffNumber = try c.decodeIfPresent(Int.self, forKey: .nextDropOffNumber, in: Ranges.nextNumber, "next drop-off number") ?? 1
        for entry in try c.decodeIfPresent([QueueEntry].self, forKey: .queue) ?? [] { queue[entry.id] = entry }
        nextQueueNumber = try c.decodeIfPresent(Int.self, forKey: .nextQueueNumber, in: Ranges.nextNumber, "next queue entry number") ?? 1
        for log in try c.decodeIfPresent([CustomerLog].self, forKey: .customerLogs) ?? [] { customerLogs[log.customer] = log.entries }
        for entry in try c.decodeIfPresent([Merged].self, forKey: .mergedCustomers) ?? [] { mergedCustomers[entry.merged] = entry.kept }
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
        try c.encode(mergedCustomers.sorted { $0.key < $1.key }.map { Merged(merged: $0.key, kept: $0.value) }, forKey: .mergedCustomers)
    }
}

extension ShopRecords.CapacityOverride {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slot = try c.decode(SlotID.self, forKey: .slot)
        capacity = try c.decode(Int.self, forKey: .capacity, in: Ranges.slotCapacity, "slot capacity")
    }
}

extension ShopRecords {
    /// A copy without closed parcels, collected drop-offs and closed queue entries older than
    /// ``ShopState/closedRetention`` before the newest record, and without the manifest entries
    /// of the parcels dropped.
    func compacted() -> ShopRecords {
        guard let newest = lastRecordAt else { return self }
        func recent(_ time: Date) -> Bool { newest.timeIntervalSince(time) < ShopState.closedRetention }
        var copy = self
        copy.parcels = parcels.filter { _, parcel in
            switch parcel.status {
            case .waiting, .returning: return true
            case .handedOut(let handOut): return recent(handOut.at)
            case .collected(let at): return recent(at)
            }
        }
        copy.dropOffs = dropOffs.filter { _, dropOff in dropOff.collectedAt.map(recent) ?? true }
        copy.queue = queue.filter { _, entry in entry.closedAt.map(recent) ?? true }
        copy.expected = expected.filter { $0.value.arrivedAs.map { copy.parcels[$0] != nil } ?? true }
        return copy
    }
}
