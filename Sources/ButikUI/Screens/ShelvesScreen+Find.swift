import ButikDomain
import ButikGrid

/// Finding on the shelves map: `/` opens the field; a key, name fragment or tracking digits
/// highlight every slot holding a matching parcel, and the first is selected.
extension ShelvesScreen {
    mutating func clearFind() {
        find.text = ""
        finding = false
        found = []
    }

    /// The slots, in map order, holding an in-shop parcel that matches the find text (the
    /// customers found and their parcels, and the parcels found by tracking number).
    mutating func refreshFound(_ context: AppContext) {
        let query = find.answer
        guard !query.isEmpty else {
            found = []
            return
        }
        let shop = context.shop
        let results = shop.search(query, limit: 50)
        var slots = Set<SlotID>()
        for customer in results.customers {
            for parcel in shop.parcelsInShop(for: customer) { slots.insert(parcel.slot) }
        }
        for id in results.parcels {
            if let parcel = shop.parcels[id], parcel.status.isInShop { slots.insert(parcel.slot) }
        }
        found = ShelvesScreen.rows(context.layout).flatMap { $0 }.filter(slots.contains)
    }
}
