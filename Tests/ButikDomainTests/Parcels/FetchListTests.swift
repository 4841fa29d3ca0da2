import Foundation
import Testing
@testable import ButikDomain

/// Where to fetch parcels from: grouped by slot, in the layout's order.
@Suite struct FetchListTests {
    @Test func parcelsAreGroupedBySlotInTheLayoutsOrder() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let per = try state.addTestCustomer("Per Hansen")
        let codes = ["RR000000001SE", "RR000000002SE", "RR000000003SE", "RR000000004SE", "RR000000005SE"]
        var parcels = [try state.receiveTestParcel(codes[0], for: per), try state.receiveTestParcel(codes[1], for: maria),
                       try state.receiveTestParcel(codes[2], for: maria), try state.receiveTestParcel(codes[3], for: maria),
                       try state.receiveTestParcel(codes[4], for: maria, size: .large)]
        parcels[1] = state.commit(try state.move(parcels[1].id, to: Fixtures.floor, Fixtures.context()), Fixtures.context())
        parcels[3] = state.commit(try state.returnToSender(parcels[3].id, Fixtures.context()), Fixtures.context())
        let list = state.fetchList(for: maria.id, Fixtures.layout)
        #expect(list.slots == [parcels[2].slot, Fixtures.l1, Fixtures.floor, Fixtures.out])
        #expect(list.stops.map { $0.parcels.map(\.tracking.value) } == [[codes[2]], [codes[4]], [codes[1]], [codes[3]]])
        #expect(list.count == 4)
        #expect(state.collectable(for: maria.id).count == 4, "the parcel in OUT is still hers to collect")
    }

    @Test func theOverduePullListIsWhatReturnOverdueTakes() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let per = try state.addTestCustomer("Per Hansen")
        let first = try state.receiveTestParcel("RR000000001SE", for: maria)
        let second = try state.receiveTestParcel("RR000000002SE", for: per)
        let third = try state.receiveTestParcel("RR000000003SE", for: maria)
        let late = Fixtures.later(20 * 86_400)
        let fresh = try state.receiveTestParcel("RR000000004SE", for: per, late)
        let pull = state.overduePullList(today: late.today, Fixtures.layout)
        #expect(pull.count == 3)
        #expect(!pull.stops.flatMap(\.parcels).contains { $0.id == fresh.id })
        #expect([first.slot, third.slot, second.slot] == [Fixtures.a1, Fixtures.a1, Fixtures.a2])
        #expect(pull.slots == [Fixtures.a1, Fixtures.a2])
        #expect(pull.stops.map { $0.parcels.map(\.id) } == [[first.id, third.id], [second.id]])
        #expect(Set(state.returnOverdue(late).outcome.map(\.id)) == Set(pull.stops.flatMap(\.parcels).map(\.id)))
    }

    @Test func aLateCustomerStillCollectsFromTheOutboundArea() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let parcel = try state.receiveTestParcel("RR000000001SE", for: maria)
        state.commit(try state.returnToSender(parcel.id, Fixtures.context()), Fixtures.context())
        #expect(state.collectable(for: maria.id).map(\.id) == [parcel.id])
        let given = try state.handOut(HandOutRequest(parcels: [parcel.id], verification: .id), Fixtures.context())
        #expect(given.outcome.parcels.map(\.id) == [parcel.id])
    }
}
