import Foundation

/// What the binary's read verbs (`queue --json`, `shelf --json`) say of the store, held against
/// the reference model rebuilt from the journal.
enum StoreView {
    private struct Queue: Decodable {
        struct Entry: Decodable {
            let key: String
            let status: String
        }

        struct Parcel: Decodable {
            let tracking: String
            let slot: String
            let deadline: String
        }

        struct DropOff: Decodable { let tracking: String }

        let queue: [Entry]
        let waiting: [Parcel]
        let returning: [Parcel]
        let dropOffs: [DropOff]
    }

    private struct Slot: Decodable {
        let slot: String
        let tracking: [String]
    }

    /// Where the store's answers and the model differ; empty when they agree.
    static func differences(_ butik: Butik, _ shop: ReferenceShop) throws -> [String] {
        let queueRun = try butik.run("queue", "--json"), shelfRun = try butik.run("shelf", "--json")
        guard queueRun.status == 0, shelfRun.status == 0 else { return ["queue or shelf failed: \(queueRun.stderr)\(shelfRun.stderr)"] }
        let queue = try queueRun.json(Queue.self)
        let inShop = shop.inShop
        let key = { (customer: Int) in shop.customers[customer]?.key ?? "?" }
        let open = shop.queue.values.filter(\.isOpen)
        var differences: [String] = []
        func compare(_ what: String, store: [String], journal: [String]) {
            guard store.sorted() != journal.sorted() else { return }
            differences.append("\(what): in the store \(store.sorted()), in the journal \(journal.sorted())")
        }
        compare("waiting", store: queue.waiting.map { "\($0.tracking) \($0.slot) \($0.deadline)" },
                journal: inShop.filter { $0.status == .waiting }.map { "\($0.tracking) \($0.slot) \($0.deadline)" })
        compare("returning", store: queue.returning.map { "\($0.tracking) \($0.slot)" },
                journal: inShop.filter { $0.status == .returning }.map { "\($0.tracking) \($0.slot)" })
        compare("queue", store: queue.queue.map { "\($0.key) \($0.status)" }, journal: open.map { "\(key($0.customer)) \($0.status)" })
        compare("drop-offs", store: queue.dropOffs.map(\.tracking), journal: Array(shop.dropOffs.values))
        compare("slots", store: try shelfRun.json([Slot].self).flatMap { slot in slot.tracking.map { "\(slot.slot) \($0)" } },
                journal: inShop.map { "\($0.slot) \($0.tracking)" })
        return differences
    }
}
