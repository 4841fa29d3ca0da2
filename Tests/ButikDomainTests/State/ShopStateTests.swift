import Foundation
import Testing
@testable import ButikDomain

/// A state built by decisions, keeping every record it applied (the journal).
struct JournaledShop {
    var state = ShopState()
    var records: [Record] = []

    @discardableResult
    mutating func run<Outcome>(_ decide: (ShopState) throws -> Decision<Outcome>, _ context: Context = Fixtures.context()) throws -> Outcome {
        let decision = try decide(state)
        records += state.apply(decision, context)
        return decision.outcome
    }

    /// Customers Maria (MM), Thomas (TS), Jens (JEDS) and parcels in every status:
    /// P1 waiting A1, P2 large in L1, P3 handed out by proxy (Thomas has one registered), P4 returning, P5 collected, P6 on the floor.
    static func sample() throws -> JournaledShop {
        var shop = JournaledShop()
        let maria = try shop.run { try $0.addCustomer(NewCustomer(name: "Maria Mossestad", phones: ["912 34 567"]), Fixtures.context()) }
        let thomas = try shop.run { try $0.addCustomer(NewCustomer(name: "Thomas Schjønningsen"), Fixtures.context()) }
        let receive = { (code: String, customer: Customer, size: SizeClass) in
            try shop.run { try $0.receive(ReceiveRequest(tracking: Fixtures.tracking(code), recipient: .customer(customer.id), size: size),
                                          Fixtures.context()) }.parcel.id
        }
        let p1 = try receive("RR000000001SE", maria, .small)
        let p2 = try receive("RR000000002SE", maria, .large)
        let p3 = try receive("RR000000003SE", thomas, .small)
        let p4 = try receive("RR000000004SE", thomas, .small)
        let p5 = try receive("RR000000005SE", thomas, .small)
        let p6 = try shop.run {
            try $0.receive(ReceiveRequest(tracking: Fixtures.tracking("RR000000006SE"),
                                          recipient: .person(NewCustomer(name: "Jens Erik Dahl Solberg", key: "JEDS", phones: ["98765432"]))),
                           Fixtures.context())
        }.parcel.id
        let later = Fixtures.later(3600, staff: "per")
        try shop.run({ try $0.authoriseProxy("Ola Nordmann", for: thomas.id, later) }, later)
        try shop.run({ try $0.handOut(HandOutRequest(parcels: [p3], verification: .proxy, proxyName: "Ola", proxyID: "pass …1234"), later) },
                     later)
        try shop.run({ try $0.returnToSender(p4, later) }, later)
        try shop.run({ try $0.returnToSender(p5, later) }, later)
        try shop.run({ try $0.collectByDriver([p5], later) }, later)
        try shop.run({ try $0.move(p6, to: Fixtures.floor, later) }, later)
        try shop.run({ try $0.extendDeadline(p1, .to(Day(iso: "2026-03-20")!), later) }, later)
        #expect([p1, p2, p3, p4, p5, p6] == (1...6).map(ParcelID.init))
        return shop
    }
}

@Suite struct ShopStateTests {
    @Test func sampleStateIsWhatTheDecisionsSaid() throws {
        let state = try JournaledShop.sample().state
        #expect(state.customers.count == 3)
        #expect(state.parcels.count == 6)
        #expect(state.nextCustomerNumber == 4)
        #expect(state.nextParcelNumber == 7)
        #expect(state.lastRecordAt == Fixtures.now.addingTimeInterval(3600))
        #expect(state.parcelsInShop.map(\.id.rawValue) == [1, 6, 2, 4]) // A1, FLOOR, L1, OUT
        #expect(state.parcelsInShop.map(\.slot.value) == ["A1", "FLOOR", "L1", "OUT"])
        #expect(state.slotLoad == [Fixtures.a1: 1, Fixtures.l1: 1, Fixtures.floor: 1])
        #expect(state.customerByKey == ["MM": CustomerID(1), "TS": CustomerID(2), "JEDS": CustomerID(3)])
        #expect(state.inShopByCustomer == [CustomerID(1): [ParcelID(1), ParcelID(2)], CustomerID(2): [ParcelID(4)], CustomerID(3): [ParcelID(6)]])
        #expect(state.parcels[ParcelID(1)]?.deadline.description == "2026-03-20")
    }

    @Test func stateRoundTripsAndRebuildsItsIndexes() throws {
        let state = try JournaledShop.sample().state
        let decoded = try JournalCoding.roundTrip(state)
        #expect(decoded == state)
        #expect(decoded.inShopByTracking == state.inShopByTracking)
        #expect(decoded.customerByKey == state.customerByKey)
        #expect(decoded.slotLoad == state.slotLoad)
        #expect(decoded.inShopByCustomer == state.inShopByCustomer)
        #expect(decoded.foldedNames == state.foldedNames)
        #expect(decoded.nameIndex == state.nameIndex)  // built in one sort, the same order
        #expect(decoded.inShopByTracking.count == 4)
        // Search and slot assignment work on the decoded state.
        #expect(decoded.search("schjonningsen").customers == [CustomerID(2)])
        #expect(decoded.search("0004").parcels == [ParcelID(4)])
        #expect(decoded.customer(withKey: CustomerKey(typed: "jeds"))?.name == "Jens Erik Dahl Solberg")
        #expect(decoded.load(of: Fixtures.a1) == 1)
        #expect(decoded.assignSlot(for: CustomerID(1), size: .small, layout: Fixtures.layout).slot == Fixtures.a1)
        #expect(decoded.assignSlot(for: CustomerID(2), size: .small, layout: Fixtures.layout).slot == Fixtures.a2)
        #expect(decoded.assignSlot(for: nil, size: .large, layout: Fixtures.layout).overflow == .large)
        // Rules that read the indexes still hold.
        #expect(throws: DomainError.alreadyInShop(tracking: TrackingNumber("RR000000004SE"), slot: Fixtures.out, key: "TS")) {
            try decoded.receive(ReceiveRequest(tracking: Fixtures.tracking("RR000000004SE"), recipient: .customer(CustomerID(1))),
                                Fixtures.context())
        }
        // Encoding again gives the same bytes.
        #expect(try JournalCoding.json(decoded) == JournalCoding.json(state))
    }

    @Test func stateJsonHoldsOnlyTheFacts() throws {
        let json = try JournalCoding.json(ShopState())
        #expect(json == #"{"capacityOverrides":[],"cases":[],"contacts":[],"customerLogs":[],"customers":[],"dropOffs":[],"expected":[],"mergedCustomers":[],"nextCaseNumber":1,"nextContactNumber":1,"nextCustomerNumber":1,"nextDeliveryNumber":1,"nextDropOffNumber":1,"nextParcelNumber":1,"nextQueueNumber":1,"openDeliveries":[],"parcels":[],"queue":[]}"#)
        #expect(try JournalCoding.roundTrip(ShopState()) == ShopState())
    }

    /// A snapshot written before contacts and cases has none, and numbers them from 1.
    @Test func aSnapshotWithoutContactsAndCasesReadsWithNone() throws {
        let old = #"{"capacityOverrides":[],"customerLogs":[],"customers":[],"dropOffs":[],"expected":[],"nextCustomerNumber":3,"nextDeliveryNumber":1,"nextDropOffNumber":1,"nextParcelNumber":1,"nextQueueNumber":1,"openDeliveries":[],"parcels":[],"queue":[]}"#
        let state = try JournalCoding.decoder().decode(ShopState.self, from: Data(old.utf8))
        #expect(state.contacts.isEmpty && state.cases.isEmpty && state.openCases.isEmpty)
        #expect(state.nextContactNumber == 1 && state.nextCaseNumber == 1 && state.nextCustomerNumber == 3)
    }

    @Test func replayingTheJournalGivesEqualStates() throws {
        let shop = try JournaledShop.sample()
        var first = ShopState(), second = ShopState()
        for record in shop.records { first.apply(record) }
        for record in try JournalCoding.roundTrip(shop.records) { second.apply(record) }
        #expect(first == second)
        #expect(first == shop.state)
        #expect(second.slotLoad == shop.state.slotLoad)
        #expect(second.inShopByTracking == shop.state.inShopByTracking)
        #expect(shop.records.count == 16)
    }

    @Test func equalityLooksAtFacts() throws {
        let shop = try JournaledShop.sample()
        var other = ShopState()
        for record in shop.records.dropLast() { other.apply(record) }
        #expect(other != shop.state)
    }

    /// Every persisted field is in the snapshot's coding and in `==`: each state on the way
    /// through a random journal (every kind of record) reads back equal and writes the same
    /// JSON again; and a record applied at the time of the one before, so that only what it
    /// says changes, leaves the state equal exactly when it leaves the JSON the same.
    @Test func everyRecordFieldIsCodedAndCompared() throws {
        var kinds = Set<String>()
        for seed: UInt64 in 1...3 { try everyRecordFieldIsCodedAndCompared(RandomJournal(seed: seed), kinds: &kinds) }
        #expect(kinds.count == 30, "kinds of event in the journals: \(kinds.sorted())")
    }

    private func everyRecordFieldIsCodedAndCompared(_ journal: RandomJournal, kinds: inout Set<String>) throws {
        var state = ShopState()
        for record in journal.records {
            let kind = Mirror(reflecting: record.event).children.first?.label ?? "\(record.event)"
            kinds.insert(kind)
            let json = try JournalCoding.json(state)
            var next = state
            next.apply(Record(at: state.lastRecordAt ?? record.at, staff: record.staff, event: record.event))
            #expect((next == state) == (try JournalCoding.json(next) == json), "\(kind)")
            state.apply(record)
            let decoded = try JournalCoding.roundTrip(state)
            #expect(decoded == state, "after \(kind)")
            #expect(try JournalCoding.json(decoded) == JournalCoding.json(state))
        }
        #expect(state == journal.state)
        // The indexes rebuilt on decode are the ones `apply` kept.
        let decoded = try JournalCoding.roundTrip(state)
        #expect(decoded.inShopByTracking == state.inShopByTracking)
        #expect(decoded.customerByKey == state.customerByKey)
        #expect(decoded.slotLoad == state.slotLoad)
        #expect(decoded.waitingByDeadline == state.waitingByDeadline)
        #expect(decoded.inShopByCustomer == state.inShopByCustomer)
        #expect(decoded.inShopByPickupCode.mapValues(Set.init) == state.inShopByPickupCode.mapValues(Set.init))
        #expect(decoded.foldedNames == state.foldedNames)
        #expect(decoded.nameIndex == state.nameIndex)
        #expect(decoded.latestByTracking == state.latestByTracking)
        #expect(decoded.receivedInDelivery == state.receivedInDelivery)
        #expect(decoded.waitingDropOffByTracking == state.waitingDropOffByTracking)
        #expect(decoded.openQueueByCustomer == state.openQueueByCustomer)
        #expect(decoded.indexes.phoneIndex == state.indexes.phoneIndex)
        #expect(Self.entries(decoded.indexes.textIndex) == Self.entries(state.indexes.textIndex))
    }

    /// What a flat index holds, in a fixed order.
    private static func entries(_ index: FlatIndex<CustomerID>) -> [String] {
        var found: [String] = []
        index.forEach { text, id in found.append("\(id) \(String(decoding: text, as: UTF8.self))") }
        return found.sorted()
    }

    @Test func recordForAnUnknownParcelChangesNothingButTheTime() throws {
        var state = try JournaledShop.sample().state
        let before = state
        let at = Fixtures.now.addingTimeInterval(7200)
        state.apply(Record(at: at, staff: "kari", event: .parcelMoved(parcel: ParcelID(99), to: Fixtures.a3)))
        #expect(state.parcels == before.parcels)
        #expect(state.slotLoad == before.slotLoad)
        #expect(state.lastRecordAt == at)
    }

    @Test func lastRecordAtIsTheNewest() {
        var state = ShopState()
        let customer = Customer(id: CustomerID(1), name: "Ola", key: "O", keyIsChosen: false, createdAt: Fixtures.now)
        state.apply(Record(at: Fixtures.now, staff: "kari", event: .customerAdded(customer)))
        state.apply(Record(at: Fixtures.now.addingTimeInterval(-60), staff: "kari", event: .handOutUndone(parcels: [])))
        #expect(state.lastRecordAt == Fixtures.now)
    }

    @Test func customerAddedAgainReplacesTheOldKey() {
        var state = ShopState()
        var customer = Customer(id: CustomerID(5), name: "Ola Nordmann", key: "ON", keyIsChosen: false, createdAt: Fixtures.now)
        state.apply(Record(at: Fixtures.now, staff: "kari", event: .customerAdded(customer)))
        customer.key = "OLA"
        state.apply(Record(at: Fixtures.now, staff: "kari", event: .customerAdded(customer)))
        #expect(state.customerByKey == ["OLA": CustomerID(5)])
        #expect(state.customers.count == 1)
        #expect(state.nextCustomerNumber == 6)
    }

    @Test func latestParcelPrefersTheOneInTheShop() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        #expect(shop.state.latestParcel(TrackingNumber("RR000000001SE"))?.id == ParcelID(1))
        try shop.state.receiveTestParcel("RR000000001SE", for: shop.maria, again: true)
        #expect(shop.state.latestParcel(TrackingNumber("RR000000001SE"))?.id == ParcelID(2))
        #expect(shop.state.latestParcel(TrackingNumber("RR999999999SE")) == nil)
    }
}

@Suite struct CompactionTests {
    static let retention = ShopState.closedRetention

    /// A state whose newest record is at `newest`, with parcels closed at the given ages.
    private func shop(handedOutAgo: TimeInterval, collectedAgo: TimeInterval) throws -> (ShopState, newest: Date) {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let start = Fixtures.now
        let newest = start.addingTimeInterval(30 * 86_400)
        let waiting = try state.receiveTestParcel("RR000000001SE", for: maria)
        let returning = try state.receiveTestParcel("RR000000002SE", for: maria)
        let handedOut = try state.receiveTestParcel("RR000000003SE", for: maria)
        let collected = try state.receiveTestParcel("RR000000004SE", for: maria)
        state.commit(try state.returnToSender(returning.id, Fixtures.context()), Fixtures.context())
        state.commit(try state.returnToSender(collected.id, Fixtures.context()), Fixtures.context())
        let handOutAt = Fixtures.context(at: newest.addingTimeInterval(-handedOutAgo))
        let collectAt = Fixtures.context(at: newest.addingTimeInterval(-collectedAgo))
        state.commit(try state.handOut(HandOutRequest(parcels: [handedOut.id], verification: .id), handOutAt), handOutAt)
        state.commit(try state.collectByDriver([collected.id], collectAt), collectAt)
        state.commit(try state.move(waiting.id, to: Fixtures.floor, Fixtures.context(at: newest)), Fixtures.context(at: newest))
        #expect(state.lastRecordAt == newest)
        return (state, newest)
    }

    @Test func dropsClosedParcelsOlderThanTheRetention() throws {
        let (state, _) = try shop(handedOutAgo: Self.retention + 1, collectedAgo: Self.retention)
        let compacted = state.compacted()
        #expect(compacted.parcels.keys.sorted() == [ParcelID(1), ParcelID(2)]) // waiting and returning, 30 days old
        #expect(compacted.customers == state.customers)
        #expect(compacted.nextParcelNumber == 5)
        #expect(compacted.lastRecordAt == state.lastRecordAt)
        #expect(compacted.slotLoad == state.slotLoad)
        #expect(compacted.inShopByTracking == state.inShopByTracking)
        // What refers to the dropped parcels goes with them.
        #expect(compacted.latestByTracking.values.sorted() == [ParcelID(1), ParcelID(2)])
        #expect(state.latestByTracking.count == 4)
        #expect(compacted.receivedInDelivery.values.allSatisfy { $0.allSatisfy { compacted.parcels[$0] != nil } })
        // The number of a dropped parcel is not reused.
        var next = compacted
        #expect(try next.receiveTestParcel("RR000000009SE", for: .customer(CustomerID(1))).parcel.id == ParcelID(5))
    }

    @Test func keepsRecentlyClosedParcels() throws {
        let (state, _) = try shop(handedOutAgo: Self.retention - 1, collectedAgo: 3600)
        #expect(state.compacted().parcels.keys.sorted() == (1...4).map(ParcelID.init))
        #expect(state.compacted() == state)
    }

    @Test func compactedStateRoundTrips() throws {
        let (state, _) = try shop(handedOutAgo: Self.retention * 2, collectedAgo: 0)
        let compacted = state.compacted()
        #expect(compacted.parcels.keys.sorted() == [ParcelID(1), ParcelID(2), ParcelID(4)])
        #expect(try JournalCoding.roundTrip(compacted) == compacted)
    }

    @Test func emptyStateCompactsToItself() {
        #expect(ShopState().compacted() == ShopState())
    }

    @Test func retentionIsTwoDays() {
        #expect(ShopState.closedRetention == 172_800)
    }
}
