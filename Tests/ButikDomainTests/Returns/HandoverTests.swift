import Foundation
import Testing
@testable import ButikDomain

@Suite struct HandoverTests {
    /// P1 waiting; P2 and P3 (PostNord) and P4 (Amazon) returning; drop-offs R0001 (PostNord)
    /// and R0002 (Amazon).
    static func shop() throws -> ShopState {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let context = Fixtures.context()
        for code in ["RR000000001SE", "RR000000002SE", "RR000000003SE"] { try state.receiveTestParcel(code, for: maria) }
        try state.receiveTestParcel("TBA000000000004", for: .customer(maria.id), carrier: "amazon")
        state.commit(try state.returnToSender([ParcelID(2), ParcelID(3), ParcelID(4)], context), context)
        state.commit(try state.dropOff(tracking: Fixtures.tracking("RR000000010SE"), carrier: nil, customer: nil, context), context)
        state.commit(try state.dropOff(tracking: Fixtures.tracking("TBA000000000011"), carrier: "amazon", customer: nil, context), context)
        return state
    }

    static func numbers(_ codes: String...) -> [TrackingNumber] { codes.map(TrackingNumber.init) }

    @Test func everythingScannedLeavesAndNothingIsMissing() throws {
        var state = try Self.shop()
        let pickup = Fixtures.later(86_400)
        let scanned = Self.numbers("RR000000010SE", "RR000000002SE", "TBA000000000004", "RR000000003SE", "TBA000000000011", "RR000000002SE")
        let handover = state.commit(try state.handOver(scanned: scanned, carrier: nil, pickup), pickup)
        #expect(handover == Handover(carrier: nil, parcels: [ParcelID(2), ParcelID(4), ParcelID(3)], dropOffs: [DropOffID(1), DropOffID(2)],
                                     missing: [], unknown: []))
        #expect(handover.isComplete)
        #expect(state.parcels[ParcelID(2)]?.status == .collected(at: pickup.now))
        #expect(state.parcels[ParcelID(1)]?.status == .waiting)
        #expect(state.dropOffs[DropOffID(1)]?.collectedAt == pickup.now)
        #expect(state.dropOffsWaiting().isEmpty)
        #expect(state.inShopCount == 1)
    }

    @Test func oneCarriersDriverLeavesTheOthersItemsAndReportsTheGaps() throws {
        var state = try Self.shop()
        let context = Fixtures.later(60)
        let scanned = Self.numbers("RR000000002SE", "TBA000000000004", "JUNK")
        let handover = state.commit(try state.handOver(scanned: scanned, carrier: "PostNord", context), context)
        #expect(handover == Handover(carrier: "postnord", parcels: [ParcelID(2)], dropOffs: [],
                                     missing: Self.numbers("RR000000003SE", "RR000000010SE"),
                                     unknown: Self.numbers("TBA000000000004", "JUNK")))
        #expect(!handover.isComplete)
        #expect(state.parcels[ParcelID(3)]?.status == .returning(since: Fixtures.now), "a missing parcel still waits for the driver")
        #expect(state.parcels[ParcelID(4)]?.status == .returning(since: Fixtures.now), "another carrier's parcel stays")
        #expect(state.dropOffsWaiting().map(\.receipt) == ["R0001", "R0002"])
    }

    @Test func aParcelWaitingForACustomerStopsTheHandoverAndNothingLeaves() throws {
        let state = try Self.shop()
        let waiting = try #require(state.parcels[ParcelID(1)])
        let expected = DomainError.waitingForCustomer(tracking: waiting.tracking, key: "MM", slot: waiting.slot)
        let scanned = Self.numbers("RR000000002SE", "RR000000001SE")
        #expect(throws: expected) { try state.handOver(scanned: scanned, carrier: nil, Fixtures.context()) }
        let tally = state.handoverTally(scanned: scanned, carrierID: "postnord")
        #expect(tally.refusal == expected)
        #expect(tally.scanned == Self.numbers("RR000000002SE") && tally.counted == 1, "the waiting parcel is not counted")
        #expect(expected.english == "STOP: RR000000001SE waits for MM in slot A1; it does not go with the driver. Put it back.")
    }

    @Test func theTallyIsPerCarrierAndCountsDropOffsToo() throws {
        let state = try Self.shop()
        let all = state.handoverTally(scanned: Self.numbers("RR000000002SE", "JUNK", "RR000000002SE"), carrierID: nil)
        #expect(all.expected == Self.numbers("RR000000002SE", "RR000000003SE", "TBA000000000004", "RR000000010SE", "TBA000000000011"))
        #expect(all.scanned == Self.numbers("RR000000002SE", "JUNK"), "each number once")
        #expect(all.counted == 1)
        #expect(all.missing == Self.numbers("RR000000003SE", "TBA000000000004", "RR000000010SE", "TBA000000000011"))
        #expect(all.unknown == Self.numbers("JUNK"))
        #expect(all.refusal == nil)
        let amazon = state.handoverTally(scanned: Self.numbers("RR000000002SE"), carrierID: "amazon")
        #expect(amazon.carrier == "amazon")
        #expect(amazon.expected == Self.numbers("TBA000000000004", "TBA000000000011"))
        #expect(amazon.counted == 0 && amazon.unknown == Self.numbers("RR000000002SE"), "another carrier's parcel is not this driver's")
    }

    @Test func refusals() throws {
        let state = try Self.shop()
        #expect(throws: DomainError.nothingGiven) { try state.handOver(scanned: [], carrier: nil, Fixtures.context()) }
        #expect(throws: DomainError.unknownCarrier("bring", known: ["postnord", "amazon"])) {
            try state.handOver(scanned: Self.numbers("RR000000002SE"), carrier: "bring", Fixtures.context())
        }
    }

    @Test func aCollectedNumberCanBeDroppedOffAgain() throws {
        var state = try Self.shop()
        state.commit(try state.handOver(scanned: Self.numbers("RR000000010SE"), carrier: nil, Fixtures.context()), Fixtures.context())
        let again = state.commit(try state.dropOff(tracking: Fixtures.tracking("RR000000010SE"), carrier: nil, customer: nil, Fixtures.context()),
                                 Fixtures.context())
        #expect(again.receipt == "R0003")
        #expect(state.dropOffWaiting(TrackingNumber("RR000000010SE")) == again)
    }

    @Test func compactionDropsCollectedDropOffsAfterTheRetention() throws {
        var state = try Self.shop()
        let pickup = Fixtures.later(3600)
        state.commit(try state.handOver(scanned: Self.numbers("RR000000010SE"), carrier: nil, pickup), pickup)
        #expect(state.compacted().dropOffs.keys.sorted() == [DropOffID(1), DropOffID(2)])
        let late = Fixtures.later(3600 + ShopState.closedRetention)
        state.commit(try state.dropOff(tracking: Fixtures.tracking("RR000000012SE"), carrier: nil, customer: nil, late), late)
        let compacted = state.compacted()
        #expect(compacted.dropOffs.keys.sorted() == [DropOffID(2), DropOffID(3)], "the waiting one stays however old")
        #expect(compacted.nextDropOffNumber == 4)
        #expect(try JournalCoding.roundTrip(compacted) == compacted)
        #expect(try JournalCoding.roundTrip(compacted).waitingDropOffByTracking == compacted.waitingDropOffByTracking)
    }
}
