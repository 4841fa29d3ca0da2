import Foundation
import Testing
@testable import ButikDomain

/// Merging two records of one person: what moves, what stays, what is refused, and the
/// timeline of both pasts.
@Suite struct CustomerMergeTests {
    /// Maria (MM) with a parcel, a note and a proxy; "Maria M." (MM2) with two parcels, a
    /// phone, an e-mail, a note, two proxies (one of them Maria's too), a refusal in her log
    /// and a place in the queue.
    static func shop() throws -> RecordedShop {
        var shop = RecordedShop()
        let context = Fixtures.context()
        func run<Outcome>(_ decide: (ShopState) throws(DomainError) -> Decision<Outcome>, _ at: Context = context) throws -> Outcome {
            shop.run(try decide(shop.state), at)
        }
        let maria = try run { s throws(DomainError) in try s.addCustomer(NewCustomer(name: "Maria Mossestad", note: "Ringer før henting"), context) }
        let other = try run { s throws(DomainError) in
            try s.addCustomer(NewCustomer(name: "Maria M", key: "MM2", phones: ["912 34 567"], email: "maria@example.no", note: "Kjører vespa"), context)
        }
        for (code, owner) in [("RR000000001SE", maria.id), ("RR000000002SE", other.id), ("RR000000003SE", other.id)] {
            _ = try run { s throws(DomainError) in
                try s.receive(ReceiveRequest(tracking: Fixtures.tracking(code), recipient: .customer(owner), carrier: nil, size: .small), context)
            }
        }
        _ = try run { s throws(DomainError) in try s.authoriseProxy("Åse Ødegård", for: maria.id, context) }
        _ = try run { s throws(DomainError) in try s.authoriseProxy("ase odegard", for: other.id, context) }
        _ = try run { s throws(DomainError) in try s.authoriseProxy("Petter Dahl", relation: "nabo", for: other.id, context) }
        _ = try run({ s throws(DomainError) in try s.refuseHandOut(other.id, parcels: [], reason: "Navnet stemte ikke", context) }, Fixtures.later(30))
        _ = try run({ s throws(DomainError) in try s.addToQueue(other.id, announcedFor: nil, note: nil, context) }, Fixtures.later(40))
        return shop
    }

    static let maria = CustomerID(1), other = CustomerID(2)

    @Test func everythingOfTheMergedRecordMovesToTheKeptOne() throws {
        var shop = try Self.shop()
        let context = Fixtures.later(120, staff: "per")
        let decision = try shop.state.mergeCustomers(keep: Self.maria, other: Self.other, context)
        #expect(decision.events == [.customersMerged(kept: Self.maria, merged: Self.other)])
        let merge = decision.outcome
        #expect(merge.parcels.count == 2 && merge.proxies == ["Petter Dahl"] && merge.phones == ["91234567"])
        #expect(merge.logEntries == 1 && merge.queueEntry == QueueEntryID(1) && merge.merged.key == "MM2")
        #expect(shop.state.customers[Self.other] != nil, "deciding changes nothing")
        shop.run(decision, context)
        let state = shop.state
        let kept = try #require(state.customers[Self.maria])
        #expect(kept == merge.kept)
        #expect(state.customers[Self.other] == nil)
        #expect(state.customer(Self.other) == kept, "the merged id names the kept customer")
        #expect(kept.note == "Ringer før henting" && kept.email == "maria@example.no" && kept.phones == ["91234567"])
        #expect(kept.proxies.map(\.name) == ["Åse Ødegård", "Petter Dahl"] && kept.proxies[1].relation == "nabo")
        #expect(kept.retiredKeys == ["MM2"])
        #expect(state.parcelsInShop(for: Self.maria).map(\.tracking.value) == ["RR000000001SE", "RR000000002SE", "RR000000003SE"])
        #expect(state.parcelsInShop(for: Self.other).isEmpty)
        #expect(state.parcelsInShop(for: Self.maria)[1].key == "MM2", "the key on the label stays")
        #expect(state.log(of: Self.maria).map(\.text) == ["Navnet stemte ikke"] && state.log(of: Self.other).isEmpty)
        #expect(state.openQueueEntry(for: Self.maria)?.id == QueueEntryID(1) && state.openQueueEntry(for: Self.other) == nil)
        // The retired key finds her, by key and in search; the merged name no longer does.
        #expect(state.customer(withKey: CustomerKey(typed: "mm2"))?.id == Self.maria)
        #expect(state.searchCustomers("MM2") == [Self.maria])
        #expect(state.searchCustomers("vespa").isEmpty, "her own note was kept")
        #expect(state.searchCustomers("petter") == [Self.maria])
        #expect(state.searchCustomers("maria m") == [Self.maria])
        // A proxy's hand-out for a moved parcel now goes through the kept customer.
        let parcel = state.parcelsInShop(for: Self.maria)[2].id
        #expect(try state.handOut(HandOutRequest(parcels: [parcel], verification: .proxy, proxyName: "Petter Dahl", proxyID: "pass 1"),
                                  context).outcome.unregisteredProxy == false)
    }

    @Test func theTimelineOfTheKeptCustomerHoldsBothPastsInOrder() throws {
        var shop = try Self.shop()
        let context = Fixtures.later(120, staff: "per")
        shop.run(try shop.state.mergeCustomers(keep: Self.maria, other: Self.other, context), context)
        // A moved parcel handed out after the merge shows on the kept timeline too.
        let moved = shop.state.parcelsInShop(for: Self.maria)[2].id
        shop.run(try shop.state.handOut(HandOutRequest(parcels: [moved], verification: .id), Fixtures.later(180)), Fixtures.later(180))
        let history = shop.history
        let entries = history.timeline(of: Self.maria, pageSize: 100).entries.reversed().map(\.what)
        #expect(entries == [
            .parcel(TrackingNumber("RR000000001SE"), .received(slot: Fixtures.a1, delivery: nil, deadline: Fixtures.today.adding(days: 7))),
            .parcel(TrackingNumber("RR000000002SE"), .received(slot: Fixtures.a2, delivery: nil, deadline: Fixtures.today.adding(days: 7))),
            .parcel(TrackingNumber("RR000000003SE"), .received(slot: Fixtures.a2, delivery: nil, deadline: Fixtures.today.adding(days: 7))),
            .proxyAuthorised(name: "Åse Ødegård"), .proxyAuthorised(name: "ase odegard"), .proxyAuthorised(name: "Petter Dahl"),
            .refused(reason: "Navnet stemte ikke", parcels: [TrackingNumber("RR000000002SE"), TrackingNumber("RR000000003SE")], proxyName: nil),
            .merged(from: Self.other),
            .parcel(TrackingNumber("RR000000003SE"), .handedOut(verification: .id, proxyName: nil, proxyID: nil)),
        ])
        #expect(history.parcels(onTimelineOf: Self.maria, pageSize: 100).count == 3)
    }

    @Test func oneCustomerTwiceAnUnknownOneAndTwoInTheQueueAreRefused() throws {
        var state = try Self.shop().state
        #expect(state.domainError { try $0.mergeCustomers(keep: Self.maria, other: Self.maria, Fixtures.context()) } == .mergeWithItself(key: "MM"))
        #expect(state.domainError { try $0.mergeCustomers(keep: Self.maria, other: CustomerID(9), Fixtures.context()) } == .unknownCustomer("C9"))
        #expect(state.domainError { try $0.mergeCustomers(keep: CustomerID(9), other: Self.maria, Fixtures.context()) } == .unknownCustomer("C9"))
        state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: nil, Fixtures.later(50)), Fixtures.later(50))
        #expect(state.domainError { try $0.mergeCustomers(keep: Self.maria, other: Self.other, Fixtures.context()) }
            == .mergeBothQueued(kept: "MM", merged: "MM2"))
        // Once merged, the merged id names the kept customer: merging it again is merging her with herself.
        state.commit(try state.closeQueueEntry(for: Self.maria, as: .cancelled, Fixtures.later(60)), Fixtures.later(60))
        state.commit(try state.mergeCustomers(keep: Self.maria, other: Self.other, Fixtures.later(70)), Fixtures.later(70))
        #expect(state.domainError { try $0.mergeCustomers(keep: Self.maria, other: Self.other, Fixtures.context()) } == .mergeWithItself(key: "MM"))
    }

    @Test func aChainOfMergesEndsAtTheLastKeptRecord() throws {
        var state = try Self.shop().state
        let nils = try state.addTestCustomer("Nils Berg")
        state.commit(try state.mergeCustomers(keep: Self.other, other: nils.id, Fixtures.later(60)), Fixtures.later(60))
        state.commit(try state.mergeCustomers(keep: Self.maria, other: Self.other, Fixtures.later(70)), Fixtures.later(70))
        #expect(state.mergedCustomers == [nils.id: Self.maria, Self.other: Self.maria])
        #expect(state.customer(nils.id)?.id == Self.maria)
        #expect(state.customers[Self.maria]?.retiredKeys == ["MM2", "NB"])
        #expect(state.customer(withKey: "NB")?.id == Self.maria)
    }
}
