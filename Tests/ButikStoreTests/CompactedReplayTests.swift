import ButikDomain
import ButikResources
import Foundation
import Testing
@testable import ButikStore

/// A replay compacts the shop on the way (`Replay`); compacting early and compacting late do
/// not always agree, and check must not call a sound snapshot damaged when they do not.
@Suite struct CompactedReplayTests {
    @Test func aSnapshotIsSoundWhereOnlyTheCompactedReplayDiffersFromIt() throws {
        try withTemporaryFolder { folder in
            let store = try ShopStore.open(folder: folder, defaultLayout: Data(contentsOf: ButikResources.defaultShopLayout))
            let start = Date(timeIntervalSince1970: 1_773_144_000), later = start + 3 * 86_400
            let tracking = TrackingNumber("RR123456785SE")
            func received(_ id: Int, at: Date) -> Record {
                Record(at: at, staff: "kari", event: .parcelReceived(Parcel(
                    id: ParcelID(id), tracking: tracking, format: .s10, checkDigit: .verified, carrier: "postnord",
                    recipientName: "Åse Ødegård", customer: CustomerID(1), key: CustomerKey(stored: "AØ"), slot: SlotID("A1"), size: .small,
                    deadline: Day(at, in: TimeZone(identifier: "UTC")!).adding(days: 14), receivedAt: at, receivedBy: "kari",
                    status: .waiting)))
            }
            var records = [
                Record(at: start, staff: "kari", event: .customerAdded(
                    Customer(id: CustomerID(1), name: "Åse Ødegård", key: CustomerKey(stored: "AØ"), keyIsChosen: false, createdAt: start))),
                Record(at: start, staff: "kari", event: .parcelsExpected([ExpectedParcel(tracking: tracking, name: "Åse Ødegård", importedAt: start)])),
                received(1, at: start),
                Record(at: start + 60, staff: "kari", event: .parcelsHandedOut(parcels: [ParcelID(1)], verification: .id, proxyName: nil, proxyID: nil)),
            ]
            // Three days of other work, past where a replay compacts; then the number comes back.
            records += (0..<Replay<ShopState>.compactionInterval).map { index in
                Record(at: later, staff: "kari", event: .slotCapacityChanged(slot: SlotID("A2"), capacity: 1 + index % 9))
            }
            records.append(received(2, at: later + 60))
            try store.append(records)
            try store.writeSnapshot()
            // The program that wrote the snapshot kept the manifest entry with the first parcel
            // (the one it announced), which it had not compacted.
            #expect(store.state.expected[tracking]?.arrivedAs == ParcelID(1))

            let report = Store<ShopState>.check(folder: folder, empty: ShopState())
            #expect(report.isHealthy, "\(report)")

            // A replay that compacted on the way dropped the entry with the first parcel.
            try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
            let replayed = try ShopStore.open(folder: folder, defaultLayout: Data())
            #expect(replayed.state.expected[tracking] == nil)
            #expect(replayed.state.parcels[ParcelID(2)] != nil)
        }
    }
}
