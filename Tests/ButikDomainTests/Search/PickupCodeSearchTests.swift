import Foundation
import Testing
@testable import ButikDomain

@Suite struct PickupCodeSearchTests {
    /// Maria: P1 with code 4711. Thomas: P2 with code 123456. Ola (key 4711): P3, whose tracking
    /// number contains 4711, and no code. Roomy shelves, so every parcel fits.
    struct CodedShop {
        var state = ShopState()
        var maria: Customer, thomas: Customer, ola: Customer
        static let context = Fixtures.context(layout: { var l = Fixtures.layout; l.shelves[0].capacity = 9; return l }())

        init() throws {
            maria = try state.addTestCustomer("Maria Mossestad")
            thomas = try state.addTestCustomer("Thomas Schjønningsen")
            ola = try state.addTestCustomer("Ola Nordmann", key: "4711")
            try receive("RR000000001SE", for: maria, code: "4711")
            try receive("RR000000002SE", for: thomas, code: "123 456")
            try receive("RR000004711SE", for: ola, code: nil)
        }

        mutating func receive(_ tracking: String, for customer: Customer, code: String?, _ context: Context = CodedShop.context) throws {
            let request = ReceiveRequest(tracking: Fixtures.tracking(tracking), recipient: .customer(customer.id), pickupCode: code)
            state.commit(try state.receive(request, context), context)
        }

        mutating func run<Outcome>(_ decide: (ShopState, Context) throws -> Decision<Outcome>, _ context: Context = CodedShop.context) throws {
            state.commit(try decide(state, context), context)
        }
    }

    @Test func codeMatchRanksFirstAmongParcelsAndCustomers() throws {
        let results = try CodedShop().state.search("4711")
        #expect(results.parcels == [ParcelID(1), ParcelID(3)], "the coded parcel, then the tracking number containing the digits")
        #expect(results.customers == [CustomerID(1), CustomerID(3)], "the code's owner, then the key holder")
    }

    /// F6's directory asks for the customers alone: the same ones, the code's owner first, with
    /// no parcel looked for.
    @Test(arguments: ["4711", "123 456", "maria", "RR000004711SE", "zzz"])
    func theCustomersFoundAreTheSearchsCustomers(_ query: String) throws {
        let state = try CodedShop().state
        #expect(state.customersFound(by: query) == state.search(query).customers)
        #expect(state.customersFound(by: query, limit: 1) == state.search(query, limit: 1).customers)
    }

    @Test(arguments: ["123456", "123 456", " 123456 "])
    func aUniqueCodeMakesItsOwnerTheFirstHit(_ query: String) throws {
        let results = try CodedShop().state.search(query)
        #expect(results.customers.first == CustomerID(2))
        #expect(results.parcels.first == ParcelID(2))
    }

    @Test(arguments: ["471", "12345", "1234567", "47 11x"])
    func onlyAWholeCodeMatches(_ query: String) throws {
        #expect(try CodedShop().state.parcelsInShop(withPickupCode: query).isEmpty)
    }

    @Test func sharedCodeListsEveryParcelNewestFirst() throws {
        var shop = try CodedShop()
        try shop.receive("RR000000005SE", for: shop.thomas, code: "4711")
        #expect(shop.state.inShopByPickupCode["4711"] == [ParcelID(1), ParcelID(4)])
        let results = shop.state.search("4711")
        #expect(results.parcels.prefix(2) == [ParcelID(4), ParcelID(1)])
        #expect(results.customers.prefix(2) == [CustomerID(2), CustomerID(1)])
    }

    @Test func indexFollowsHandOutUndoReturnAndCollection() throws {
        var shop = try CodedShop()
        let p1 = ParcelID(1)
        try shop.run { try $0.handOut(HandOutRequest(parcels: [p1], verification: .code, pickupCode: "4711"), $1) }
        #expect(shop.state.parcelsInShop(withPickupCode: "4711").isEmpty, "a handed-out parcel is not found by its code")
        #expect(shop.state.search("4711").customers.first == CustomerID(3))
        try shop.run { try $0.undoHandOut([p1], within: 600, $1) }
        #expect(shop.state.parcelsInShop(withPickupCode: "4711") == [p1])
        try shop.run { try $0.returnToSender(p1, $1) }
        #expect(shop.state.parcelsInShop(withPickupCode: "4711") == [p1], "a parcel for return is still in the shop")
        try shop.run { try $0.collectByDriver([p1], $1) }
        #expect(shop.state.parcelsInShop(withPickupCode: "4711").isEmpty)
        #expect(shop.state.inShopByPickupCode == ["123456": [ParcelID(2)]])
    }

    @Test func undoneReceiptLeavesTheIndex() throws {
        var shop = try CodedShop()
        try shop.run { try $0.undoReceipt(ParcelID(2), $1) }
        #expect(shop.state.parcelsInShop(withPickupCode: "123456").isEmpty)
        #expect(shop.state.inShopByPickupCode == ["4711": [ParcelID(1)]])
    }

    @Test func snapshotRoundTripRebuildsTheIndex() throws {
        var shop = try CodedShop()
        try shop.run { try $0.handOut(HandOutRequest(parcels: [ParcelID(2)], verification: .code, pickupCode: "123456"), $1) }
        let decoded = try JournalCoding.roundTrip(shop.state.compacted())
        #expect(decoded.inShopByPickupCode == ["4711": [ParcelID(1)]])
        #expect(decoded.parcels[ParcelID(2)]?.pickupCode == "123456")
        #expect(decoded.search("4711").customers.first == CustomerID(1))
    }
}
