import Foundation
import Testing
@testable import ButikDomain

@Suite struct CustomerLogTests {
    static let maria = CustomerID(1), thomas = CustomerID(2)
    static let rr1 = TrackingNumber("RR000000001SE"), rr2 = TrackingNumber("RR000000002SE")

    @Test func aRefusalIsNotedWithItsReasonAndParcels() throws {
        var state = try QueueTests.shop()
        let per = Fixtures.later(60, staff: "per")
        let decision = try state.refuseHandOut(Self.maria, parcels: [ParcelID(2), ParcelID(2)], reason: "  ID does not match ", per)
        #expect(decision.events == [.handOutRefused(customer: Self.maria, parcels: [ParcelID(2)], reason: "ID does not match")])
        let entry = state.commit(decision, per)
        #expect(entry == CustomerLogEntry(kind: .refusal, text: "ID does not match", parcels: [Self.rr2], at: per.now, staff: "per"))
        #expect(state.log(of: Self.maria) == [entry])
        #expect(state.log(of: Self.thomas).isEmpty)
        #expect(state.parcels[ParcelID(2)]?.status == .waiting, "a refusal hands nothing out")
    }

    @Test func aRefusedProxyIsNamedInTheLogAndTheHistory() throws {
        var shop = RecordedShop()
        let context = Fixtures.context()
        let maria = shop.run(try shop.state.addCustomer(NewCustomer(name: "Maria Mossestad"), context), context)
        #expect(maria.id == Self.maria)
        for number in ["RR000000001SE", "RR000000002SE"] {
            _ = shop.run(try shop.state.receive(ReceiveRequest(tracking: Fixtures.tracking(number), recipient: .customer(maria.id)), context), context)
        }
        let per = Fixtures.later(60, staff: "per")
        let decision = try shop.state.refuseHandOut(Self.maria, parcels: [ParcelID(2)], reason: "Came without the fullmakt",
                                               proxyName: "  Per   Hansen ", per)
        #expect(decision.events == [.handOutRefused(customer: Self.maria, parcels: [ParcelID(2)], reason: "Came without the fullmakt",
                                                    proxyName: "Per Hansen")])
        let entry = shop.run(decision, per)
        #expect(entry.proxyName == "Per Hansen")
        #expect(shop.state.log(of: Self.maria).last?.proxyName == "Per Hansen")
        #expect(try JournalCoding.roundTrip(shop.state.compacted()).log(of: Self.maria) == shop.state.log(of: Self.maria))

        let history = shop.history
        let step = try #require(history.stories(for: Self.rr2).first?.steps.last)
        #expect(step.what == .refused(reason: "Came without the fullmakt", proxyName: "Per Hansen"))
        #expect(step.what.phrase == "hand-out to proxy Per Hansen refused: Came without the fullmakt")
        let said = try #require(history.timeline(of: Self.maria, page: 1).entries.first)
        #expect(said.what == .refused(reason: "Came without the fullmakt", parcels: [Self.rr2], proxyName: "Per Hansen"))
        #expect(said.what.phrase == "hand-out to proxy Per Hansen refused (RR000000002SE): Came without the fullmakt")
    }

    @Test func aRefusedProxysNameIsANameOrNothing() throws {
        let state = try QueueTests.shop()
        let context = Fixtures.context()
        let blank = try state.refuseHandOut(Self.maria, parcels: [], reason: "no ID", proxyName: "  ", context)
        #expect(blank.events == [.handOutRefused(customer: Self.maria, parcels: [ParcelID(1), ParcelID(2)], reason: "no ID")])
        #expect(throws: DomainError.invalidProxyName(limit: TypedText.nameLimit)) {
            try state.refuseHandOut(Self.maria, parcels: [], reason: "no ID", proxyName: String(repeating: "x", count: 81), context)
        }
        #expect(throws: DomainError.invalidProxyName(limit: TypedText.nameLimit)) {
            try state.refuseHandOut(Self.maria, parcels: [], reason: "no ID", proxyName: "1234", context)
        }
    }

    @Test func withoutParcelsTheRefusalNamesEveryWaitingOne() throws {
        var state = try QueueTests.shop()
        state.commit(try state.handOut(HandOutRequest(parcels: [ParcelID(1)], verification: .id), Fixtures.context()), Fixtures.context())
        let decision = try state.refuseHandOut(Self.maria, parcels: [], reason: "no ID", Fixtures.context())
        #expect(decision.events == [.handOutRefused(customer: Self.maria, parcels: [ParcelID(2)], reason: "no ID")])
        #expect(decision.outcome.parcels == [Self.rr2])
    }

    @Test func aRefusalNeedsTheCustomersParcelsAndAReason() throws {
        let state = try QueueTests.shop()
        let context = Fixtures.context()
        #expect(throws: DomainError.notCustomersParcel(tracking: TrackingNumber("RR000000003SE"), key: "MM")) {
            try state.refuseHandOut(Self.maria, parcels: [ParcelID(3)], reason: "no ID", context)
        }
        #expect(throws: DomainError.unknownParcel("P9")) { try state.refuseHandOut(Self.maria, parcels: [ParcelID(9)], reason: "x", context) }
        #expect(throws: DomainError.invalidReason(limit: 200)) { try state.refuseHandOut(Self.maria, parcels: [], reason: "  ", context) }
        #expect(throws: DomainError.invalidReason(limit: 200)) {
            try state.refuseHandOut(Self.maria, parcels: [], reason: String(repeating: "x", count: 201), context)
        }
        #expect(throws: DomainError.unknownCustomer("C9")) { try state.refuseHandOut(CustomerID(9), parcels: [], reason: "x", context) }
    }

    @Test func theLogKeepsTheNewestEntriesSurvivesCompactionAndCoding() throws {
        var state = try QueueTests.shop()
        for n in 1...(ShopState.customerLogLimit + 2) {
            let context = Fixtures.later(Double(n))
            state.commit(try state.refuseHandOut(Self.maria, parcels: [ParcelID(1)], reason: "try \(n)", context), context)
        }
        #expect(state.log(of: Self.maria).count == 20)
        #expect(state.log(of: Self.maria).first?.text == "try 3")
        #expect(state.log(of: Self.maria).last?.text == "try 22")
        let late = Fixtures.later(30 * 86_400)
        state.commit(try state.handOut(HandOutRequest(parcels: [ParcelID(1), ParcelID(2)], verification: .id), late), late)
        state.apply(Fixtures.later(40 * 86_400).record(.slotCapacityChanged(slot: Fixtures.a3, capacity: 3)))
        let compacted = state.compacted()
        #expect(compacted.parcels[ParcelID(1)] == nil)
        #expect(compacted.log(of: Self.maria) == state.log(of: Self.maria))
        #expect(compacted.log(of: Self.maria).last?.parcels == [Self.rr1])
        #expect(try JournalCoding.roundTrip(compacted) == compacted)
    }
}
