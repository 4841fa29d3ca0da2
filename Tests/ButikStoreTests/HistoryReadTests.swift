import ButikDomain
import ButikResources
import ButikStore
import Foundation
import Testing

/// `ShopStore.history()`: the whole journal folded into the history, closed parcels too.
@Suite struct HistoryReadTests {
    static let now = Date(timeIntervalSince1970: 1_764_594_000)  // 2025-12-01 13:00 UTC

    /// A demo week in a store with a snapshot (so closed parcels are out of the live state),
    /// opened again; and the demo's records.
    private func demoStore() throws -> (ShopStore, [Record], URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("butik-history-\(UUID().uuidString)")
        let layout = try Data(contentsOf: ButikResources.defaultShopLayout)
        let names = try JSONDecoder().decode(
            DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
        let store = try ShopStore.open(folder: folder, defaultLayout: layout)
        let records = DemoShop.records(names: names, layout: store.layout, now: Self.now)
        try store.append(records)
        try store.writeSnapshot()
        return (try ShopStore.open(folder: folder, defaultLayout: layout), records, folder)
    }

    @Test func theHistoryHoldsEveryRecordAndTheParcelsTheLiveStateDropped() throws {
        let (store, records, folder) = try demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = try store.history()
        var expected = History(zone: store.layout.zone)
        for (index, record) in records.enumerated() { expected.apply(record, seq: index + 1) }
        #expect(history == expected)
        #expect(history.sequence == store.lastSequence)
        let dropped = records.compactMap { record -> TrackingNumber? in
            guard case .parcelsHandedOut(let ids, _, _, _) = record.event, Self.now.timeIntervalSince(record.at) > 3 * 86_400,
                  let id = ids.first, store.state.parcels[id] == nil else { return nil }
            return records.lazy.compactMap { if case .parcelReceived(let p) = $0.event, p.id == id { p.tracking } else { nil } }.first
        }
        let tracking = try #require(dropped.first)
        #expect(store.state.latestParcel(tracking) == nil)
        #expect(history.stories(for: tracking).first?.status == .handedOut)
    }

    @Test func damageBehindTheSnapshotIsNamedAndMakesTheStoreReadOnly() throws {
        let (_, _, folder) = try demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal/000000000001.jsonl")
        var bytes = [UInt8](try Data(contentsOf: journal))
        let thirdLine = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[1] + 1
        let digit = try #require(bytes[thirdLine...].firstIndex { (0x30...0x38).contains($0) })
        bytes[digit] += 1
        try Data(bytes).write(to: journal)
        let store = try ShopStore.open(folder: folder, defaultLayout: Data(contentsOf: ButikResources.defaultShopLayout))
        #expect(store.readOnlyReason == nil)
        let error = try #require(throws: StoreError.self) { try store.history() }
        guard case .corrupt(_, let line, _) = error else { Issue.record("not damage: \(error)"); return }
        #expect(line == 3)
        #expect(store.readOnlyReason != nil)
    }
}
