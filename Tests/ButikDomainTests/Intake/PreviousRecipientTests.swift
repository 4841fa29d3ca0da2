import Foundation
import Testing
@testable import ButikDomain

/// Intake's help with a number that comes back: whom it went to last time.
@Suite struct PreviousRecipientTests {
    /// Maria's parcel was handed out, then the number comes back for somebody.
    static func shop() throws -> (ShopState, Customer, Parcel, History) {
        var shop = RecordedShop()
        let context = Fixtures.context()
        let maria = shop.run(try shop.state.addCustomer(NewCustomer(name: "Maria Mossestad"), context), context)
        let request = ReceiveRequest(tracking: Fixtures.tracking("RR000000001SE"), recipient: .customer(maria.id))
        let parcel = shop.run(try shop.state.receive(request, context), context).parcel
        _ = shop.run(try shop.state.handOut(HandOutRequest(parcels: [parcel.id], verification: .id), context), context)
        return (shop.state, maria, parcel, shop.history)
    }

    @Test func aNumberThatWasHandedOutSuggestsWhomItWentTo() throws {
        let (state, maria, parcel, _) = try Self.shop()
        #expect(state.previousRecipient(of: parcel.tracking) == maria)
        #expect(state.previousRecipient(of: TrackingNumber("RR000000002SE")) == nil)
    }

    @Test func aNumberTheLiveStateForgotIsFoundInItsStories() throws {
        let (state, maria, parcel, history) = try Self.shop()
        var later = state
        try later.addTestCustomer("Per Hansen", Fixtures.later(5 * 86_400))
        let forgot = later.compacted()
        #expect(forgot.latestParcel(parcel.tracking) == nil, "closed days ago: only the history holds it")
        #expect(forgot.previousRecipient(of: parcel.tracking) == nil)
        #expect(forgot.previousRecipient(of: parcel.tracking, stories: history.stories(for: parcel.tracking)) == maria)
    }

    @Test func aNumberThatWentBackToTheSenderSuggestsNobody() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let parcel = try state.receiveTestParcel("RR000000001SE", for: maria)
        state.commit(try state.returnToSender(parcel.id, Fixtures.context()), Fixtures.context())
        state.commit(try state.collectByDriver([parcel.id], Fixtures.context()), Fixtures.context())
        #expect(state.previousRecipient(of: parcel.tracking) == nil)
    }
}
