/// Look-ups derived from ``ShopRecords``: never stored, rebuilt from the records when a
/// snapshot is read (``init(_:)``) and kept by ``ShopState/apply(_:)`` as it changes them.
public struct ShopIndexes: Sendable {
    /// Parcels physically in the shop (waiting or returning), by tracking number.
    public internal(set) var inShopByTracking: [TrackingNumber: ParcelID] = [:]
    public internal(set) var customerByKey: [CustomerKey: CustomerID] = [:]
    /// Waiting parcels per slot.
    public internal(set) var slotLoad: [SlotID: Int] = [:]
    /// Waiting parcels per deadline.
    public internal(set) var waitingByDeadline: [Day: Int] = [:]
    /// Parcels in the shop per customer.
    public internal(set) var inShopByCustomer: [CustomerID: Set<ParcelID>] = [:]
    /// Parcels in the shop by pickup code (codes are short, so two parcels may share one).
    public internal(set) var inShopByPickupCode: [PickupCode: [ParcelID]] = [:]
    /// Folded names for search (see ``NameFolding``).
    public internal(set) var foldedNames: [CustomerID: String] = [:]
    /// The same names in name order.
    public internal(set) var nameIndex = NameIndex()
    /// Every live parcel's tracking number, for search, in id order.
    var trackingIndex = FlatIndex<ParcelID>()
    /// Every customer's phone numbers, for search.
    var phoneIndex = PhoneIndex()
    /// Each customer's note, e-mail and proxies' names folded (``Customer/searchText``), for
    /// search; only customers with one.
    var textIndex = FlatIndex<CustomerID>()
    /// The newest parcel with each tracking number, in the shop or not.
    public internal(set) var latestByTracking: [TrackingNumber: ParcelID] = [:]
    /// Parcels received in each delivery, in the order received.
    public internal(set) var receivedInDelivery: [DeliveryID: [ParcelID]] = [:]
    /// Drop-offs waiting for the driver, by tracking number.
    public internal(set) var waitingDropOffByTracking: [TrackingNumber: DropOffID] = [:]
    /// Each customer's open queue entry.
    public internal(set) var openQueueByCustomer: [CustomerID: QueueEntryID] = [:]
    /// Each customer's cases, open or resolved, in id order.
    public internal(set) var casesByCustomer: [CustomerID: [CaseID]] = [:]
    /// The cases not resolved.
    public internal(set) var openCases: Set<CaseID> = []
    /// How many of the cases not resolved have each follow-up day.
    public internal(set) var openFollowUps: [Day: Int] = [:]

    init() {}

    /// The indexes of `records`, built in id order as applying their records would.
    init(_ records: ShopRecords) {
        customerByKey.reserveCapacity(records.customers.count)
        foldedNames.reserveCapacity(records.customers.count)
        for customer in records.customers.values.sorted(by: { $0.id < $1.id }) {
            replace(nil, with: customer, indexingName: false)
        }
        nameIndex = NameIndex(names: foldedNames)
        latestByTracking.reserveCapacity(records.parcels.count)
        for parcel in records.parcels.values.sorted(by: { $0.id < $1.id }) { replace(nil, with: parcel) }
        for dropOff in records.dropOffs.values.sorted(by: { $0.id < $1.id }) { replace(nil, with: dropOff) }
        for entry in records.queue.values.sorted(by: { $0.id < $1.id }) { replace(nil, with: entry) }
        for opened in records.cases.values.sorted(by: { $0.id < $1.id }) { replace(nil, with: opened) }
    }

    /// Forgets what referred to the parcels ``ShopRecords/compacted()`` dropped from `records`
    /// (closed ones only: what the other indexes hold is all live).
    mutating func compact(to records: ShopRecords) {
        latestByTracking = latestByTracking.filter { records.parcels[$0.value] != nil }
        trackingIndex = FlatIndex(records.parcels.values.sorted { $0.id < $1.id }.map { ($0.tracking.value, $0.id) })
        receivedInDelivery = receivedInDelivery.compactMapValues { ids in
            let kept = ids.filter { records.parcels[$0] != nil }
            return kept.isEmpty ? nil : kept
        }
    }

    // MARK: Keeping them

    mutating func replace(_ old: DropOff?, with dropOff: DropOff) {
        if let old, waitingDropOffByTracking[old.tracking] == old.id { waitingDropOffByTracking[old.tracking] = nil }
        if dropOff.collectedAt == nil { waitingDropOffByTracking[dropOff.tracking] = dropOff.id }
    }

    mutating func replace(_ old: QueueEntry?, with entry: QueueEntry) {
        if let old, openQueueByCustomer[old.customer] == old.id { openQueueByCustomer[old.customer] = nil }
        if entry.status.isOpen { openQueueByCustomer[entry.customer] = entry.id }
    }

    mutating func replace(_ old: Case?, with new: Case) {
        if let old, old.customer != new.customer { casesByCustomer[old.customer]?.removeAll { $0 == old.id } }
        if old?.customer != new.customer {
            // Kept by number, oldest first, also when a merge brings older cases.
            let ids = casesByCustomer[new.customer, default: []]
            casesByCustomer[new.customer, default: []].insert(new.id, at: ids.firstIndex { $0 > new.id } ?? ids.count)
        }
        if new.status == .resolved { openCases.remove(new.id) } else { openCases.insert(new.id) }
        countFollowUp(of: old, -1)
        countFollowUp(of: new, 1)
    }

    private mutating func countFollowUp(of listed: Case?, _ change: Int) {
        guard let listed, listed.status != .resolved, let day = listed.followUp else { return }
        openFollowUps[day, default: 0] += change
        if openFollowUps[day] == 0 { openFollowUps[day] = nil }
    }

    /// Forgets a case that went (purged).
    mutating func remove(_ gone: Case) {
        casesByCustomer[gone.customer]?.removeAll { $0 == gone.id }
        if casesByCustomer[gone.customer]?.isEmpty == true { casesByCustomer[gone.customer] = nil }
        openCases.remove(gone.id)
        countFollowUp(of: gone, -1)
    }

    /// `indexingName` false leaves ``nameIndex`` to be built once for every name.
    mutating func replace(_ old: Customer?, with customer: Customer, indexingName: Bool = true) {
        if let old {
            for key in old.keys where customerByKey[key] == old.id { customerByKey[key] = nil }
        }
        phoneIndex.replace(old?.phones ?? [], with: customer.phones, for: customer.id)
        for key in customer.keys { customerByKey[key] = customer.id }
        let text = customer.searchText
        if old?.searchText != text {
            if old != nil { textIndex.remove(customer.id) }
            if !text.isEmpty { textIndex.append(text, id: customer.id) }
        }
        let folded = NameFolding.fold(customer.name)
        let previous = foldedNames.updateValue(folded, forKey: customer.id)
        if previous != folded, indexingName { nameIndex.set(customer.id, folded: folded, previous: previous) }
    }

    /// Forgets a customer whose record went (merged into another).
    mutating func remove(_ customer: Customer) {
        for key in customer.keys where customerByKey[key] == customer.id { customerByKey[key] = nil }
        phoneIndex.replace(customer.phones, with: [], for: customer.id)
        textIndex.remove(customer.id)
        if let folded = foldedNames.removeValue(forKey: customer.id) { nameIndex.remove(customer.id, folded: folded) }
    }

    mutating func replace(_ old: Parcel?, with parcel: Parcel) {
        if let old {
            unindex(old)
        } else {
            trackingIndex.append(parcel.tracking.value, id: parcel.id)
            if let delivery = parcel.delivery { receivedInDelivery[delivery, default: []].append(parcel.id) }
        }
        ShopIndexes.raise(&latestByTracking[parcel.tracking, default: parcel.id], to: parcel.id)
        index(parcel)
    }

    /// Forgets `parcel`, whose receipt was undone; `parcels` are the ones left.
    mutating func remove(_ parcel: Parcel, leaving parcels: [ParcelID: Parcel]) {
        unindex(parcel)
        trackingIndex.remove(parcel.id)
        if let delivery = parcel.delivery {
            receivedInDelivery[delivery]?.removeAll { $0 == parcel.id }
            // As a rebuilt index has it: no entry for a delivery none of whose parcels is left.
            if receivedInDelivery[delivery]?.isEmpty == true { receivedInDelivery[delivery] = nil }
        }
        if latestByTracking[parcel.tracking] == parcel.id {
            latestByTracking[parcel.tracking] = parcels.values.filter { $0.tracking == parcel.tracking }.map(\.id).max()
        }
    }

    private static func raise(_ latest: inout ParcelID, to id: ParcelID) {
        if latest < id { latest = id }
    }

    /// Counts a parcel in the shop in the indexes of where it is.
    mutating func index(_ parcel: Parcel) {
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

    /// Undoes ``index(_:)``.
    mutating func unindex(_ parcel: Parcel) {
        guard parcel.status.isInShop else { return }
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
            ShopIndexes.decrement(&slotLoad, parcel.slot)
            ShopIndexes.decrement(&waitingByDeadline, parcel.deadline)
        }
    }
}
