import Foundation

/// The shop as the journal has it: its ``ShopRecords`` (what a snapshot keeps) and the
/// ``ShopIndexes`` derived from them. Built by applying ``Record``s in order; decisions read it
/// and never change it. `state.parcels` reads `state.records.parcels`, `state.slotLoad`
/// `state.indexes.slotLoad`.
///
/// Closed parcels (handed out or collected by the driver), collected drop-offs and closed queue
/// entries older than ``closedRetention`` are dropped by ``compacted()``, so a snapshot holds
/// live state and the journal keeps history.
@dynamicMemberLookup
public struct ShopState: Sendable, Equatable {
    // Changed only by `apply` (and the helpers it calls in files of their own, such as a merge's).
    public internal(set) var records = ShopRecords()
    public internal(set) var indexes = ShopIndexes()

    /// How long a closed parcel stays in live state (for undo and today's counts).
    public static let closedRetention: TimeInterval = 2 * 86_400

    public init() {}

    /// A state of `records`, its indexes built from them.
    init(records: ShopRecords) {
        self.records = records
        indexes = ShopIndexes(records)
    }

    /// Equal when the records are: the indexes follow from them.
    public static func == (lhs: ShopState, rhs: ShopState) -> Bool { lhs.records == rhs.records }

    @inlinable public subscript<Value>(dynamicMember path: KeyPath<ShopRecords, Value>) -> Value { records[keyPath: path] }

    @inlinable public subscript<Value>(dynamicMember path: KeyPath<ShopIndexes, Value>) -> Value { indexes[keyPath: path] }

    /// The customer holding `key`, as their key or a retired one.
    public func customer(withKey key: CustomerKey) -> Customer? {
        indexes.customerByKey[key].flatMap { records.customers[$0] }
    }

    /// The customer with this id, or the one it was merged into.
    public func customer(_ id: CustomerID) -> Customer? {
        records.customers[records.mergedCustomers[id] ?? id]
    }

    /// The parcel with this tracking number that is in the shop now.
    public func parcelInShop(_ tracking: TrackingNumber) -> Parcel? {
        indexes.inShopByTracking[tracking].flatMap { records.parcels[$0] }
    }

    /// The newest parcel with this tracking number in live state, in the shop or not.
    public func latestParcel(_ tracking: TrackingNumber) -> Parcel? {
        parcelInShop(tracking) ?? indexes.latestByTracking[tracking].flatMap { records.parcels[$0] }
    }

    /// The parcels in the shop for a customer, oldest first.
    public func parcelsInShop(for customer: CustomerID) -> [Parcel] {
        (indexes.inShopByCustomer[customer] ?? []).compactMap { records.parcels[$0] }.sorted { $0.id < $1.id }
    }

    /// Parcels waiting (not returning) in each slot, or the given one.
    public func load(of slot: SlotID) -> Int { indexes.slotLoad[slot] ?? 0 }

    /// How many parcels are in the shop (waiting or returning).
    public var inShopCount: Int { indexes.inShopByTracking.count }

    /// How many waiting parcels have `day` as their deadline.
    public func waitingCount(dueOn day: Day) -> Int { indexes.waitingByDeadline[day] ?? 0 }

    /// All parcels in the shop, by slot then arrival.
    public var parcelsInShop: [Parcel] {
        indexes.inShopByTracking.values.compactMap { records.parcels[$0] }.sorted { ($0.slot, $0.id) < ($1.slot, $1.id) }
    }

    /// A copy without closed parcels, collected drop-offs and closed queue entries older than
    /// ``closedRetention`` before the newest record (``ShopRecords/compacted()``).
    public func compacted() -> ShopState {
        var copy = self
        copy.records = records.compacted()
        copy.indexes.compact(to: copy.records)
        return copy
    }
}

/// A state is coded as its records (see ``ShopRecords``); decoding builds the indexes.
extension ShopState: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(records: try ShopRecords(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try records.encode(to: encoder)
    }
}

// MARK: - Applying records

extension ShopState {
    /// Applies one journal record. Records were decided against this state, so they fit it;
    /// a record naming an unknown parcel changes nothing. Never traps on a decoded record: its
    /// identifiers lie in ``Ranges/identifier``, so the next numbers (`id + 1`) cannot overflow.
    public mutating func apply(_ record: Record) {
        records.lastRecordAt = max(records.lastRecordAt ?? record.at, record.at)
        switch record.event {
        case .customerAdded(let customer):
            insert(customer)
            records.nextCustomerNumber = max(records.nextCustomerNumber, customer.id.rawValue + 1)
        case .parcelReceived(let parcel):
            insert(parcel)
            records.nextParcelNumber = max(records.nextParcelNumber, parcel.id.rawValue + 1)
            // A manifest line announces the first parcel that arrives with its number: its name
            // and phone were that recipient's (``Erasure`` scrubs the line with their parcel).
            if records.expected[parcel.tracking]?.arrivedAs == nil { records.expected[parcel.tracking]?.arrivedAs = parcel.id }
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
            guard let parcel = records.parcels.removeValue(forKey: id) else { return }
            indexes.remove(parcel, leaving: records.parcels)
            if records.expected[parcel.tracking]?.arrivedAs == id { records.expected[parcel.tracking]?.arrivedAs = nil }
        case .deliveryStarted(let delivery):
            records.openDeliveries[delivery.id] = delivery
            records.nextDeliveryNumber = max(records.nextDeliveryNumber, delivery.id.rawValue + 1)
        case .deliveryEnded(let summary):
            records.openDeliveries[summary.delivery] = nil
        case .parcelsExpected(let entries):
            for entry in entries { records.expected[entry.tracking] = entry }
        case .slotCapacityChanged(let slot, let capacity):
            records.capacityOverrides[slot] = capacity
        case .droppedOff(let dropOff):
            insert(dropOff)
            records.nextDropOffNumber = max(records.nextDropOffNumber, dropOff.id.rawValue + 1)
        case .driverHandover(let handover):
            for id in handover.parcels { update(id) { $0.status = .collected(at: record.at) } }
            for id in handover.dropOffs {
                guard var dropOff = records.dropOffs[id] else { continue }
                dropOff.collectedAt = record.at
                insert(dropOff)
            }
        case .queueEntryAdded(let entry):
            insert(entry)
            records.nextQueueNumber = max(records.nextQueueNumber, entry.id.rawValue + 1)
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
            let entry = CustomerLogEntry(kind: .refusal, text: reason, parcels: ids.compactMap { records.parcels[$0]?.tracking },
                                         at: record.at, staff: record.staff, proxyName: proxyName)
            records.customerLogs[customer] = (records.customerLogs[customer, default: []] + [entry]).suffix(ShopState.customerLogLimit)
        case .proxyAuthorised(let id, let proxy):
            guard var customer = records.customers[id] else { return }
            customer.proxies.append(proxy)
            insert(customer)
        case .proxyRevoked(let id, let name):
            guard var customer = records.customers[id] else { return }
            customer.proxies.removeAll { $0.name == name }
            insert(customer)
        case .customerEdited(let customer):
            guard records.customers[customer.id] != nil else { return }
            insert(customer)
        case .customersMerged(let kept, let merged):
            merge(merged, into: kept)
        case .contactLogged(let contact):
            records.contacts[contact.id] = contact
            records.nextContactNumber = max(records.nextContactNumber, contact.id.rawValue + 1)
        case .caseOpened(let opened):
            insert(opened)
            records.nextCaseNumber = max(records.nextCaseNumber, opened.id.rawValue + 1)
        case .caseUpdated(let id, let update):
            guard let known = records.cases[id] else { return }
            insert(known.updated(with: update))
        case .customerErased(let id):
            applyErasure(of: id)
        case .purged(let contacts, let cases):
            applyPurge(contacts: contacts, cases: cases)
        }
    }

    mutating func insert(_ new: Case) {
        indexes.replace(records.cases.updateValue(new, forKey: new.id), with: new)
    }

    mutating func insert(_ dropOff: DropOff) {
        indexes.replace(records.dropOffs.updateValue(dropOff, forKey: dropOff.id), with: dropOff)
    }

    mutating func insert(_ entry: QueueEntry) {
        indexes.replace(records.queue.updateValue(entry, forKey: entry.id), with: entry)
    }

    mutating func update(_ id: QueueEntryID, _ change: (inout QueueEntry) -> Void) {
        guard var entry = records.queue[id] else { return }
        change(&entry)
        insert(entry)
    }

    mutating func insert(_ customer: Customer) {
        indexes.replace(records.customers.updateValue(customer, forKey: customer.id), with: customer)
    }

    private mutating func insert(_ parcel: Parcel) {
        indexes.replace(records.parcels.updateValue(parcel, forKey: parcel.id), with: parcel)
    }

    /// Changes a parcel in place (one look-up), keeping the indexes.
    mutating func update(_ id: ParcelID, _ change: (inout Parcel) -> Void) {
        guard let position = records.parcels.index(forKey: id) else { return }
        indexes.unindex(records.parcels.values[position])
        change(&records.parcels.values[position])
        indexes.index(records.parcels.values[position])
    }
}
