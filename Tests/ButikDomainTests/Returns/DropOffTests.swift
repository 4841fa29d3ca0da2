import Foundation
import Testing
@testable import ButikDomain

@Suite struct DropOffTests {
    @Test func dropOffsGetSequentialReceiptsAndWaitForTheirCarriersDriver() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let context = Fixtures.context()
        let first = state.commit(try state.dropOff(tracking: Fixtures.tracking("RR000000001SE"), carrier: nil, customer: maria.id, context), context)
        #expect(first == DropOff(id: DropOffID(1), tracking: TrackingNumber("RR000000001SE"), carrier: "postnord",
                                 customer: maria.id, at: Fixtures.now, staff: "kari"))
        #expect(first.receipt == "R0001")
        let second = state.commit(try state.dropOff(tracking: Fixtures.tracking("TBA123456789012"), carrier: "Amazon", customer: nil, context),
                                  context)
        #expect(second.receipt == "R0002")
        #expect(second.carrier == "amazon")
        #expect(state.nextDropOffNumber == 3)
        #expect(state.dropOffsWaiting().map(\.receipt) == ["R0001", "R0002"])
        #expect(state.dropOffsWaiting(carrier: "amazon").map(\.receipt) == ["R0002"])
        #expect(state.dropOffWaiting(TrackingNumber("RR000000001SE")) == first)
        #expect(state.inShopCount == 0, "a drop-off is not a parcel waiting for pickup")
    }

    @Test func aNumberOnTheShelfOrAlreadyDroppedOffIsRefused() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let parcel = try state.receiveTestParcel("RR000000001SE", for: maria)
        #expect(throws: DomainError.alreadyInShop(tracking: parcel.tracking, slot: parcel.slot, key: "MM")) {
            try state.dropOff(tracking: Fixtures.tracking("RR000000001SE"), carrier: nil, customer: nil, Fixtures.context())
        }
        state.commit(try state.dropOff(tracking: Fixtures.tracking("RR000000002SE"), carrier: nil, customer: nil, Fixtures.context()),
                     Fixtures.context())
        #expect(throws: DomainError.alreadyDroppedOff(tracking: TrackingNumber("RR000000002SE"), receipt: "R0001")) {
            try state.dropOff(tracking: Fixtures.tracking("RR000000002SE"), carrier: nil, customer: nil, Fixtures.context())
        }
        #expect(throws: DomainError.unknownCarrier("bring", known: ["postnord", "amazon"])) {
            try state.dropOff(tracking: Fixtures.tracking("RR000000003SE"), carrier: "bring", customer: nil, Fixtures.context())
        }
        #expect(throws: DomainError.unknownCustomer("C9")) {
            try state.dropOff(tracking: Fixtures.tracking("RR000000003SE"), carrier: nil, customer: CustomerID(9), Fixtures.context())
        }
    }

    @Test func receiptsHaveAtLeastFourDigits() {
        let dropOff = { (n: Int) in DropOff(id: DropOffID(n), tracking: TrackingNumber("X"), carrier: "c", customer: nil, at: Fixtures.now, staff: "s") }
        #expect(dropOff(7).receipt == "R0007")
        #expect(dropOff(123).receipt == "R0123")
        #expect(dropOff(12345).receipt == "R12345")
    }

    @Test func dropOffsSurviveASnapshotAndOlderSnapshotsLoadWithout() throws {
        var state = ShopState()
        state.commit(try state.dropOff(tracking: Fixtures.tracking("RR000000002SE"), carrier: nil, customer: nil, Fixtures.context()),
                     Fixtures.context())
        let loaded = try JournalCoding.roundTrip(state)
        #expect(loaded == state)
        #expect(loaded.waitingDropOffByTracking == state.waitingDropOffByTracking)

        let older = #"{"customers":[],"parcels":[],"nextCustomerNumber":1,"nextParcelNumber":1}"#
        let old = try JournalCoding.decoder().decode(ShopState.self, from: Data(older.utf8))
        #expect(old.dropOffs.isEmpty)
        #expect(old.nextDropOffNumber == 1)
    }
}
