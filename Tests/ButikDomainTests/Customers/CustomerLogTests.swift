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
