/// Parcels to fetch, grouped by the slot each is in, in the layout's order (the shelves' slots,
/// then the overflow area, then the outbound area): where to go, and what to take from each.
public struct FetchList: Equatable, Sendable {
    /// One slot and the parcels to take from it, in the order given.
    public struct Stop: Equatable, Sendable {
        public var slot: SlotID
        public var parcels: [Parcel]
    }

    public var stops: [Stop]

    /// Groups `parcels` by their slot, in the order of `layout`.
    public init(_ parcels: [Parcel], _ layout: ShopLayout) {
        var order: [SlotID: Int] = [:]
        for (index, slot) in layout.slots.enumerated() { order[slot.id] = index }
        order[layout.overflowID] = layout.slots.count
        order[layout.outboundID] = layout.slots.count + 1
        var bySlot: [SlotID: [Parcel]] = [:]
        for parcel in parcels { bySlot[parcel.slot, default: []].append(parcel) }
        // A slot the layout no longer has goes last, by name.
        stops = bySlot.map { Stop(slot: $0.key, parcels: $0.value) }
            .sorted { (order[$0.slot] ?? Int.max, $0.slot.value) < (order[$1.slot] ?? Int.max, $1.slot.value) }
    }

    /// The slots to go to, in order.
    public var slots: [SlotID] { stops.map(\.slot) }

    /// How many parcels there are to fetch.
    public var count: Int { stops.reduce(0) { $0 + $1.parcels.count } }
}

extension ParcelStatus {
    /// True while the parcel can still be handed to its customer: waiting on a shelf, or in the
    /// outbound area not yet taken by the driver (a late customer still collects it).
    public var isCollectable: Bool { isInShop }
}

extension ShopState {
    /// The parcels a customer can collect (``ParcelStatus/isCollectable``): the one rule for
    /// the counter, the queue and `butik handout`.
    public func collectable(for customer: CustomerID) -> [Parcel] {
        parcelsInShop(for: customer).filter(\.status.isCollectable)
    }

    /// Where to fetch a customer's parcels from (``collectable(for:)``).
    public func fetchList(for customer: CustomerID, _ layout: ShopLayout) -> FetchList {
        FetchList(collectable(for: customer), layout)
    }

    /// The waiting parcels whose deadline was before `today`, in slot order.
    public func overdue(_ today: Day) -> [Parcel] {
        parcelsInShop.filter { $0.status == .waiting && $0.deadline < today }
    }

    /// Where to fetch each overdue parcel from, to take it to the outbound area
    /// (``returnOverdue(_:)`` records it).
    public func overduePullList(today: Day, _ layout: ShopLayout) -> FetchList {
        FetchList(overdue(today), layout)
    }
}
