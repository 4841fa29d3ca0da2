import Foundation
import Testing
@testable import ButikDomain

@Suite struct ReturnTests {
    /// Maria's P1 (A1) and P2 (A1) and Thomas's P3 (A2) from PostNord, due 2026-03-17; P4 from
    /// Amazon, due 2026-03-24; P2 handed out.
    static func shop() throws -> ShopState {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let thomas = try state.addTestCustomer("Thomas Schjønningsen")
        try state.receiveTestParcel("RR000000001SE", for: maria)
        let p2 = try state.receiveTestParcel("RR000000002SE", for: maria)
        try state.receiveTestParcel("RR000000003SE", for: thomas)
        try state.receiveTestParcel("TBA123456789012", for: .customer(thomas.id), carrier: "amazon")
        state.commit(try state.handOut(HandOutRequest(parcels: [p2.id], verification: .id), Fixtures.context()), Fixtures.context())
        return state
    }

    @Test func overdueParcelsAreThoseDueBeforeToday() throws {
        var state = try Self.shop()
        #expect(state.returnOverdue(Fixtures.later(7 * 86_400)).events.isEmpty, "due today is not overdue yet")

        let nextDay = Fixtures.later(8 * 86_400)
        let decision = state.returnOverdue(nextDay)
        #expect(decision.events == [.parcelReturning(parcel: ParcelID(1), to: Fixtures.out),
                                    .parcelReturning(parcel: ParcelID(3), to: Fixtures.out)])
        let returned = state.commit(decision, nextDay)
        #expect(returned.map(\.slot) == [Fixtures.out, Fixtures.out])
        #expect(returned.map(\.status) == [.returning(since: nextDay.now), .returning(since: nextDay.now)])
        #expect(returned == [state.parcels[ParcelID(1)], state.parcels[ParcelID(3)]])
        #expect(state.load(of: Fixtures.a1) == 0)
        #expect(state.returnOverdue(nextDay).events.isEmpty, "returning parcels are not returned twice")
    }

    /// A parcel in OUT the driver has not collected goes back to a shelf slot with room, and
    /// waits for its customer again; the driver no longer expects it.
    @Test func aReturningParcelGoesBackToAShelfWithRoom() throws {
        var state = try Self.shop()
        let context = Fixtures.later(8 * 86_400)
        _ = state.commit(state.returnOverdue(context), context)
        let decision = try state.cancelReturn(ParcelID(1), to: Fixtures.a3, context)
        #expect(decision.events == [.returnCancelled(parcel: ParcelID(1), to: Fixtures.a3)])
        let back = state.commit(decision, context)
        #expect(back.slot == Fixtures.a3)
        #expect(back.status == .waiting)
        #expect(state.parcels[ParcelID(1)] == back)
        #expect(state.load(of: Fixtures.a3) == 1)
        #expect(state.handoverTally(scanned: [], carrierID: nil).expected == [TrackingNumber("RR000000003SE")])
        #expect(state.returnOverdue(context).events == [.parcelReturning(parcel: ParcelID(1), to: Fixtures.out)],
                "its deadline is as it was: still overdue until extended")
    }

    @Test func onlyAReturningParcelGoesBackAndOnlyToASlotWithRoom() throws {
        var state = try Self.shop()
        let context = Fixtures.later(8 * 86_400)
        _ = state.commit(state.returnOverdue(context), context)
        #expect(throws: DomainError.notReturningToShelf(tracking: TrackingNumber("RR000000002SE"), status: .handedOut)) {
            try state.cancelReturn(ParcelID(2), to: Fixtures.a3, context)
        }
        #expect(throws: DomainError.notReturningToShelf(tracking: TrackingNumber("TBA123456789012"), status: .waiting)) {
            try state.cancelReturn(ParcelID(4), to: Fixtures.a3, context)
        }
        #expect(throws: DomainError.unknownParcel("P9")) { try state.cancelReturn(ParcelID(9), to: Fixtures.a3, context) }
        #expect(throws: DomainError.unknownSlot("B9")) { try state.cancelReturn(ParcelID(1), to: SlotID("B9"), context) }
        #expect(throws: DomainError.unknownSlot("OUT")) { try state.cancelReturn(ParcelID(1), to: Fixtures.out, context) }
        // A2 holds P4; P3 back beside it fills it.
        _ = state.commit(try state.cancelReturn(ParcelID(3), to: Fixtures.a2, context), context)
        #expect(throws: DomainError.slotFull(slot: Fixtures.a2, capacity: 2)) { try state.cancelReturn(ParcelID(1), to: Fixtures.a2, context) }
        #expect(try state.cancelReturn(ParcelID(1), to: Fixtures.floor, context).outcome.slot == Fixtures.floor, "an area has no capacity")
        // Once the driver has taken it, it is gone.
        _ = state.commit(try state.collectByDriver([ParcelID(1)], context), context)
        #expect(throws: DomainError.notReturningToShelf(tracking: TrackingNumber("RR000000001SE"), status: .collected)) {
            try state.cancelReturn(ParcelID(1), to: Fixtures.a3, context)
        }
    }

    /// The parcel's story tells it, and it is in the shop again.
    @Test func theStoryTellsTheReturnTakenBack() throws {
        var state = try Self.shop()
        let context = Fixtures.later(8 * 86_400)
        var records: [Record] = []
        func record(_ events: [Event]) {
            for event in events {
                records.append(context.record(event))
                state.apply(context.record(event))
            }
        }
        record(state.returnOverdue(context).events)
        record(try state.cancelReturn(ParcelID(1), to: Fixtures.a3, context).events)
        var history = History(zone: Fixtures.oslo)
        history.apply(context.record(.parcelReceived(try #require(state.parcels[ParcelID(1)]))), seq: 1)
        for (index, record) in records.enumerated() { history.apply(record, seq: index + 2) }
        let story = try #require(history.story(of: ParcelID(1)))
        #expect(story.steps.last?.what == .returnCancelled(to: Fixtures.a3))
        #expect(story.status == .waiting)
        #expect(story.closing == nil)
        #expect(ParcelStep.What.returnCancelled(to: Fixtures.a3).phrase == "taken back from return to A3, waiting again")
    }

    @Test func severalParcelsReturnTogetherOrNotAtAll() throws {
        let state = try Self.shop()
        let context = Fixtures.later(60)
        let decision = try state.returnToSender([ParcelID(3), ParcelID(1), ParcelID(3)], context)
        #expect(decision.events == [.parcelReturning(parcel: ParcelID(3), to: Fixtures.out),
                                    .parcelReturning(parcel: ParcelID(1), to: Fixtures.out)])
        #expect(decision.outcome.map(\.id) == [ParcelID(3), ParcelID(1)])
        #expect(throws: DomainError.notWaiting(tracking: TrackingNumber("RR000000002SE"), status: .handedOut)) {
            try state.returnToSender([ParcelID(1), ParcelID(2)], context)
        }
        #expect(throws: DomainError.nothingGiven) { try state.returnToSender([ParcelID](), context) }
        #expect(throws: DomainError.unknownParcel("P9")) { try state.returnToSender([ParcelID(9)], context) }
    }
}
