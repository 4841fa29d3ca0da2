/// Why a parcel went to the overflow area instead of a shelf.
public enum OverflowReason: String, Codable, Sendable {
    /// A large parcel and no large-parcel slot has room (or the layout has none).
    case large
    /// Every shelf slot of the parcel's size is full.
    case shelvesFull
}

extension ShopState {
    /// A slot's capacity: the shop file's, unless changed since.
    public func capacity(of slot: ShopLayout.Slot) -> Int { records.capacityOverrides[slot.id] ?? slot.capacity }

    /// Free room in a shelf slot.
    public func freeRoom(in slot: ShopLayout.Slot) -> Int { capacity(of: slot) - load(of: slot.id) }

    /// Where a new parcel for `customer` goes.
    ///
    /// Rule: a shelf slot of the parcel's size class only. The customer's parcels share a slot
    /// while it has room (their slot holding most of their parcels first); otherwise the slot
    /// with the most free room (ties: the first in shelf order). When no slot of that size has
    /// room, the overflow area.
    /// - Complexity: O(slots + the customer's parcels).
    public func assignSlot(for customer: CustomerID?, size: SizeClass, layout: ShopLayout) -> (slot: SlotID, overflow: OverflowReason?) {
        var theirs: [SlotID: Int] = [:]
        if let customer {
            for parcel in parcelsInShop(for: customer) where parcel.status == .waiting { theirs[parcel.slot, default: 0] += 1 }
        }
        // One pass: the slot holding most of theirs with room, else the one with most room;
        // `>` (not `>=`) keeps the first in shelf order on ties.
        var shared: (slot: SlotID, count: Int)?
        var roomiest: (slot: SlotID, room: Int)?
        for slot in layout.slots where slot.size == size {
            let room = freeRoom(in: slot)
            guard room > 0 else { continue }
            if let count = theirs[slot.id], count > (shared?.count ?? 0) { shared = (slot.id, count) }
            if room > (roomiest?.room ?? 0) { roomiest = (slot.id, room) }
        }
        if let shared { return (shared.slot, nil) }
        if let roomiest { return (roomiest.slot, nil) }
        return (layout.overflowID, size == .large ? .large : .shelvesFull)
    }
}
