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
