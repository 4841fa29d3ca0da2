import Foundation
import Testing
@testable import ButikDomain

@Suite struct SlotAssignmentTests {
    /// A state with customers C1...Cn (names "Customer 1" ...).
    private func shop(customers n: Int) throws -> (ShopState, [Customer]) {
        var state = ShopState()
        var customers: [Customer] = []
        for i in 1...n { customers.append(try state.addTestCustomer("Customer \(["Ada", "Bo", "Cy", "Di", "Ed", "Fi", "Gu", "Hal"][i - 1])")) }
        return (state, customers)
    }

    @Test func emptyShopUsesFirstSlot() {
        let result = ShopState().assignSlot(for: nil, size: .small, layout: Fixtures.layout)
        #expect(result.slot == Fixtures.a1)
        #expect(result.overflow == nil)
    }

    @Test func customersParcelsShareASlotWhileItHasRoom() throws {
        var (state, c) = try shop(customers: 2)
        #expect(try state.receiveTestParcel("T0000001", for: c[0]).slot == Fixtures.a1)
        #expect(try state.receiveTestParcel("T0000002", for: c[1]).slot == Fixtures.a2) // most free room
        #expect(try state.receiveTestParcel("T0000003", for: c[0]).slot == Fixtures.a1) // shares with their first
        // A1 is now full (capacity 2): the third goes to the roomiest slot, A3.
        #expect(try state.receiveTestParcel("T0000004", for: c[0]).slot == Fixtures.a3)
        #expect(state.load(of: Fixtures.a1) == 2)
        // ... and the fourth joins it there.
        #expect(try state.receiveTestParcel("T0000005", for: c[0]).slot == Fixtures.a3)
    }

    @Test func slotWithMostFreeRoomTiesInShelfOrder() throws {
        var (state, c) = try shop(customers: 6)
        var slots: [SlotID] = []
        for (i, customer) in c.enumerated() { slots.append(try state.receiveTestParcel("T100000\(i)", for: customer).slot) }
        #expect(slots == [Fixtures.a1, Fixtures.a2, Fixtures.a3, Fixtures.a1, Fixtures.a2, Fixtures.a3])
    }

    @Test func mostFreeRoomBeatsShelfOrder() throws {
        var (state, c) = try shop(customers: 3)
        try state.receiveTestParcel("T0000001", for: c[0]) // A1
        try state.receiveTestParcel("T0000002", for: c[0]) // A1 (full)
        try state.receiveTestParcel("T0000003", for: c[1]) // A2
        // A2 has 1 free, A3 has 2 free.
        #expect(state.assignSlot(for: c[2].id, size: .small, layout: Fixtures.layout).slot == Fixtures.a3)
    }

    @Test func tiesFollowShelfOrderNotAlphabeticalOrder() {
        var layout = Fixtures.layout
        layout.shelves = [.init(id: "K", slots: 2, capacity: 2, size: .small), .init(id: "B", slots: 2, capacity: 2, size: .small)]
        #expect(layout.slots.map(\.id.value) == ["K1", "K2", "B1", "B2"])
        #expect(ShopState().assignSlot(for: nil, size: .small, layout: layout).slot == SlotID("K1"))
    }

    @Test func sharedSlotHoldingMostOfTheirParcelsWins() throws {
        var (state, c) = try shop(customers: 2)
        let layout = bigLayout()
        let ctx = Fixtures.context(layout: layout)
        let first = try state.receiveTestParcel("T0000001", for: c[0], ctx) // A1
        try state.receiveTestParcel("T0000002", for: c[1], ctx) // A2
        state.commit(try state.move(first.id, to: SlotID("A3"), ctx), ctx)
        try state.receiveTestParcel("T0000003", for: c[0], ctx) // shares A3
        try state.receiveTestParcel("T0000004", for: c[0], ctx) // shares A3
        let fourth = try state.receiveTestParcel("T0000005", for: c[0], ctx) // shares A3
        state.commit(try state.move(fourth.id, to: SlotID("A2"), ctx), ctx)
        // c[0]: three in A3, one in A2 (which also holds c[1]'s and has more free room).
        #expect(state.assignSlot(for: c[0].id, size: .small, layout: layout).slot == SlotID("A3"))
    }

    @Test func sharedSlotTieFollowsShelfOrder() throws {
        var (state, c) = try shop(customers: 1)
        let p1 = try state.receiveTestParcel("T0000001", for: c[0]) // A1
        let p2 = try state.receiveTestParcel("T0000002", for: c[0]) // A1
        state.commit(try state.move(p1.id, to: Fixtures.a3, Fixtures.context()), Fixtures.context())
        state.commit(try state.move(p2.id, to: Fixtures.a2, Fixtures.context()), Fixtures.context())
        #expect(state.assignSlot(for: c[0].id, size: .small, layout: Fixtures.layout).slot == Fixtures.a2)
    }

    @Test func neverOverCapacityAndOverflowSaysShelvesFull() throws {
        var (state, c) = try shop(customers: 8)
        for i in 0..<6 { try state.receiveTestParcel("T100000\(i)", for: c[i]) }
        for slot in [Fixtures.a1, Fixtures.a2, Fixtures.a3] { #expect(state.load(of: slot) == 2) }
        let received = try state.receiveTestParcel("T1000006", for: .customer(c[6].id))
        #expect(received.parcel.slot == Fixtures.floor)
        #expect(received.overflow == .shelvesFull)
        // The customer's own slot being full does not push it over either.
        let again = try state.receiveTestParcel("T1000007", for: .customer(c[0].id))
        #expect(again.parcel.slot == Fixtures.floor)
        #expect(again.overflow == .shelvesFull)
        for slot in [Fixtures.a1, Fixtures.a2, Fixtures.a3] { #expect(state.load(of: slot) == 2) }
        #expect(state.load(of: Fixtures.floor) == 2)
    }

    @Test func smallParcelsNeverGoToLargeSlots() throws {
        var (state, c) = try shop(customers: 7)
        for i in 0..<7 { try state.receiveTestParcel("T100000\(i)", for: c[i]) }
        #expect(state.load(of: Fixtures.l1) == 0)
        let result = state.assignSlot(for: nil, size: .small, layout: Fixtures.layout)
        #expect(result.slot == Fixtures.floor)
        #expect(result.overflow == .shelvesFull)
    }

    @Test func largeParcelsGoToLargeSlotsElseOverflowAsLarge() throws {
        var (state, c) = try shop(customers: 2)
        try state.receiveTestParcel("T0000001", for: c[0]) // A1, small
        let large = try state.receiveTestParcel("T0000002", for: .customer(c[0].id), size: .large)
        #expect(large.parcel.slot == Fixtures.l1)
        #expect(large.parcel.size == .large)
        #expect(large.overflow == nil)
        let second = try state.receiveTestParcel("T0000003", for: .customer(c[1].id), size: .large)
        #expect(second.parcel.slot == Fixtures.floor)
        #expect(second.overflow == .large)
        #expect(state.load(of: Fixtures.l1) == 1)
        #expect(state.load(of: Fixtures.a1) == 1)
    }

    @Test func layoutWithoutLargeSlotsSendsLargeToOverflow() {
        var layout = Fixtures.layout
        layout.shelves.removeLast()
        let result = ShopState().assignSlot(for: nil, size: .large, layout: layout)
        #expect(result.slot == Fixtures.floor)
        #expect(result.overflow == .large)
    }

    @Test func returnedParcelFreesItsSlot() throws {
        var (state, c) = try shop(customers: 1)
        let p1 = try state.receiveTestParcel("T0000001", for: c[0])
        try state.receiveTestParcel("T0000002", for: c[0])
        #expect(state.load(of: Fixtures.a1) == 2)
        state.commit(try state.returnToSender(p1.id, Fixtures.context()), Fixtures.context())
        #expect(state.load(of: Fixtures.a1) == 1)
        #expect(state.load(of: Fixtures.out) == 0)
        #expect(try state.receiveTestParcel("T0000003", for: c[0]).slot == Fixtures.a1)
    }

    private func bigLayout() -> ShopLayout {
        var layout = Fixtures.layout
        layout.shelves[0].capacity = 5
        return layout
    }
}
