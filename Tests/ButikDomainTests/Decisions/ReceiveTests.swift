import Foundation
import Testing
@testable import ButikDomain

@Suite struct ReceiveTests {
    @Test func receiveForNewPersonRecordsEverything() throws {
        let state = ShopState()
        let request = ReceiveRequest(
            tracking: ParsedTracking(number: TrackingNumber("RR123456785SE"), format: .s10, checkDigit: .verified),
            recipient: .person(NewCustomer(name: "Maria Mossestad", phones: ["+47 912 34 567"])),
            carrier: "amazon")
        let decision = try state.receive(request, Fixtures.context())
        let customer = Customer(id: CustomerID(1), name: "Maria Mossestad", key: "MM", keyIsChosen: false,
                                phones: ["4791234567"], createdAt: Fixtures.now)
        let parcel = Parcel(
            id: ParcelID(1), tracking: TrackingNumber("RR123456785SE"), format: .s10, checkDigit: .verified,
            carrier: "amazon", recipientName: "Maria Mossestad", customer: CustomerID(1), key: "MM",
            slot: Fixtures.a1, size: .small, deadline: Day(iso: "2026-03-24")!, receivedAt: Fixtures.now,
            receivedBy: "kari", status: .waiting)
        #expect(decision.events == [.customerAdded(customer), .parcelReceived(parcel)])
        #expect(decision.outcome.parcel == parcel)
        #expect(decision.outcome.customer == customer)
        #expect(decision.outcome.isNewCustomer)
        #expect(decision.outcome.overflow == nil)
        // Deciding changes nothing.
        #expect(state.parcels.isEmpty)
        #expect(state.customers.isEmpty)
    }

    @Test func applyingReceiveIndexesTheParcel() throws {
        var state = ShopState()
        let received = try state.receiveTestParcel("RR123456785SE", for: .person(NewCustomer(name: "Maria Mossestad")))
        #expect(state.parcelInShop(TrackingNumber("RR123456785SE"))?.id == received.parcel.id)
        #expect(state.parcelsInShop(for: received.customer.id).map(\.id) == [ParcelID(1)])
        #expect(state.load(of: Fixtures.a1) == 1)
        #expect(state.nextParcelNumber == 2)
        #expect(state.nextCustomerNumber == 2)
        #expect(state.lastRecordAt == Fixtures.now)
        let next = try state.receiveTestParcel("RR000000002SE", for: .customer(received.customer.id))
        #expect(next.parcel.id == ParcelID(2))
        #expect(!next.isNewCustomer)
        #expect(next.parcel.recipientName == "Maria Mossestad")
    }

    @Test(arguments: [
        (nil, "postnord", "2026-03-17"),
        ("PostNord", "postnord", "2026-03-17"),
        ("AMAZON", "amazon", "2026-03-24"),
    ] as [(CarrierID?, CarrierID, String)])
    func carrierDecidesDeadline(_ carrier: CarrierID?, _ id: CarrierID, _ deadline: String) throws {
        var state = ShopState()
        let customer = try state.addTestCustomer("Ola Nordmann")
        let parcel = try state.receiveTestParcel("TRACK0001", for: .customer(customer.id), carrier: carrier).parcel
        #expect(parcel.carrier == id)
        #expect(parcel.deadline.description == deadline)
    }

    @Test func unknownCarrierListsKnownOnes() throws {
        var state = ShopState()
        let customer = try state.addTestCustomer("Ola Nordmann")
        let request = ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"), recipient: .customer(customer.id), carrier: "dhl")
        #expect(throws: DomainError.unknownCarrier("dhl", known: ["postnord", "amazon"])) {
            try state.receive(request, Fixtures.context())
        }
        #expect(DomainError.unknownCarrier("dhl", known: ["postnord", "amazon"]).english
            == "Unknown carrier \"dhl\". Known carriers: postnord, amazon.")
    }

    @Test func layoutWithoutCarriersUsesDefaultHoldDays() throws {
        var layout = Fixtures.layout
        layout.carriers = []
        var state = ShopState()
        let customer = try state.addTestCustomer("Ola Nordmann")
        let parcel = try state.receiveTestParcel("TRACK0001", for: .customer(customer.id), Fixtures.context(layout: layout)).parcel
        #expect(parcel.carrier == "other")
        #expect(parcel.deadline.description == "2026-03-20")
    }

    @Test func deadlineCountsFromTheShopsDayNotUTC() throws {
        // 2026-03-10 23:30 UTC is already 2026-03-11 00:30 in Oslo.
        let lateEvening = Date(timeIntervalSince1970: 1_773_185_400)
        var state = ShopState()
        let customer = try state.addTestCustomer("Ola Nordmann")
        let oslo = try state.receiveTestParcel("TRACK0001", for: .customer(customer.id), Fixtures.context(at: lateEvening)).parcel
        #expect(oslo.deadline.description == "2026-03-18")
        #expect(oslo.receivedAt == lateEvening)
        var utcLayout = Fixtures.layout
        utcLayout.timeZone = "UTC"
        let utc = try state.receiveTestParcel("TRACK0002", for: .customer(customer.id), Fixtures.context(at: lateEvening, layout: utcLayout)).parcel
        #expect(utc.deadline.description == "2026-03-17")
    }

    @Test func unknownCustomerIdIsRefused() {
        let request = ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"), recipient: .customer(CustomerID(99)))
        #expect(throws: DomainError.unknownCustomer("C99")) { try ShopState().receive(request, Fixtures.context()) }
    }

    @Test func trackingNumberIsInTheShopAtMostOnce() throws {
        var state = ShopState()
        let first = try state.receiveTestParcel("RR123456785SE", for: .person(NewCustomer(name: "Maria Mossestad")))
        let again = ReceiveRequest(tracking: Fixtures.tracking("RR123456785SE"), recipient: .person(NewCustomer(name: "Ola Nordmann")))
        #expect(throws: DomainError.alreadyInShop(tracking: TrackingNumber("RR123456785SE"), slot: Fixtures.a1, key: "MM")) {
            try state.receive(again, Fixtures.context())
        }
        let message = state.domainError { try $0.receive(again, Fixtures.context()) }?.english
        #expect(message == "RR123456785SE is already on the shelf: slot A1, key MM.")
        // Still refused while it waits in the outbound area.
        state.commit(try state.returnToSender(first.parcel.id, Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.alreadyInShop(tracking: TrackingNumber("RR123456785SE"), slot: Fixtures.out, key: "MM")) {
            try state.receive(again, Fixtures.context())
        }
    }

    @Test func afterHandOutTheSameTrackingIsANewParcel() throws {
        var state = ShopState()
        let first = try state.receiveTestParcel("RR123456785SE", for: .person(NewCustomer(name: "Maria Mossestad")))
        state.commit(try state.handOut(HandOutRequest(parcels: [first.parcel.id], verification: .id), Fixtures.context()), Fixtures.context())
        #expect(state.parcelInShop(TrackingNumber("RR123456785SE")) == nil)
        let second = try state.receiveTestParcel("RR123456785SE", for: .person(NewCustomer(name: "Maria Mossestad")), again: true, Fixtures.later(3600))
        #expect(second.parcel.id == ParcelID(2))
        #expect(second.customer.id == first.customer.id)
        #expect(state.parcels.count == 2)
        #expect(state.parcelInShop(TrackingNumber("RR123456785SE"))?.id == ParcelID(2))
        #expect(state.latestParcel(TrackingNumber("RR123456785SE"))?.id == ParcelID(2))
        if case .handedOut = state.parcels[ParcelID(1)]?.status {} else { Issue.record("first parcel should stay handed out") }
    }

    @Test func afterDriverCollectedTheSameTrackingCanComeBack() throws {
        var state = ShopState()
        let first = try state.receiveTestParcel("RR123456785SE", for: .person(NewCustomer(name: "Maria Mossestad")))
        state.commit(try state.returnToSender(first.parcel.id, Fixtures.context()), Fixtures.context())
        state.commit(try state.collectByDriver([first.parcel.id], Fixtures.context()), Fixtures.context())
        let second = try state.receiveTestParcel("RR123456785SE", for: .customer(first.customer.id), again: true)
        #expect(second.parcel.id == ParcelID(2))
        #expect(second.parcel.slot == Fixtures.a1)
    }

    @Test func recipientNameIsTheNameOnTheParcel() throws {
        var state = ShopState()
        try state.addTestCustomer("Thomas Schjønningsen")
        let received = try state.receiveTestParcel("TRACK0001", for: .person(NewCustomer(name: "THOMAS SCHJONNINGSEN")))
        #expect(received.parcel.recipientName == "THOMAS SCHJONNINGSEN")
        #expect(received.customer.name == "Thomas Schjønningsen")
        #expect(received.parcel.key == "TS")
    }
}

@Suite struct RecipientResolutionTests {
    @Test(arguments: ["thomas schjønningsen", "THOMAS SCHJØNNINGSEN", "Thomas Schjonningsen", "  Thomas   Schjønningsen "])
    func existingCustomerIsReusedIgnoringCaseAndAccents(_ name: String) throws {
        var state = ShopState()
        let thomas = try state.addTestCustomer("Thomas Schjønningsen")
        let decision = try state.receive(ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"),
                                                        recipient: .person(NewCustomer(name: name))), Fixtures.context())
        #expect(decision.outcome.customer == thomas)
        #expect(!decision.outcome.isNewCustomer)
        #expect(decision.events.count == 1)
        guard case .parcelReceived(let parcel) = decision.events.first else { Issue.record("expected parcelReceived"); return }
        #expect(parcel.customer == thomas.id)
    }

    @Test func aDifferentNameIsANewCustomer() throws {
        var state = ShopState()
        try state.addTestCustomer("Thomas Schjønningsen")
        let received = try state.receiveTestParcel("TRACK0001", for: .person(NewCustomer(name: "Tomas Schjønningsen")))
        #expect(received.isNewCustomer)
        #expect(received.customer.key == "TS2")
        #expect(received.parcel.key == "TS2")
    }

    @Test func twoCustomersWithTheSameNamePhoneDecides() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad", phones: ["11111111"])
        let second = try state.addTestCustomer("Maria Mossestad", phones: ["22222222"])
        let person = NewCustomer(name: "maria mossestad", phones: ["+47 222 22 222", "22 22 22 22"])
        #expect(try state.existingCustomer(matching: person) == second)
        let received = try state.receiveTestParcel("TRACK0001", for: .person(person))
        #expect(received.customer.key == "MM2")
        #expect(!received.isNewCustomer)
    }

    @Test func twoCustomersWithTheSameNameWithoutPhoneIsAmbiguous() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad", phones: ["11111111"])
        try state.addTestCustomer("Maria Mossestad", phones: ["22222222"])
        for phones in [[], ["33333333"]] {
            let request = ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"),
                                         recipient: .person(NewCustomer(name: "Maria Mossestad", phones: phones)))
            #expect(throws: DomainError.ambiguousRecipient(name: "Maria Mossestad", keys: ["MM", "MM2"])) {
                try state.receive(request, Fixtures.context())
            }
        }
        #expect(DomainError.ambiguousRecipient(name: "Maria Mossestad", keys: ["MM", "MM2"]).english
            == "More than one customer is called Maria Mossestad (MM, MM2). Give the key or the phone number.")
    }

    @Test func phoneSharedByBothIsStillAmbiguous() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad", phones: ["11111111"])
        try state.addTestCustomer("Maria Mossestad", phones: ["11111111"])
        #expect(throws: DomainError.ambiguousRecipient(name: "Maria Mossestad", keys: ["MM", "MM2"])) {
            try state.existingCustomer(matching: NewCustomer(name: "Maria Mossestad", phones: ["11111111"]))
        }
    }

    @Test func keyGivenWithTheNamePicksItsHolder() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad")
        let regular = try state.addTestCustomer("Maria Mossestad", key: "MAMO")
        #expect(try state.existingCustomer(matching: NewCustomer(name: "Maria Mossestad", key: "mamo")) == regular)
    }

    @Test func keyOfSomebodyElseIsRefused() throws {
        var state = ShopState()
        try state.addTestCustomer("Jens Erik Dahl Solberg", key: "JEDS")
        #expect(throws: DomainError.keyTaken(key: "JEDS", holder: "Jens Erik Dahl Solberg")) {
            try state.existingCustomer(matching: NewCustomer(name: "Ola Nordmann", key: "jeds"))
        }
    }

    @Test func newPersonWithChosenKey() throws {
        var state = ShopState()
        let received = try state.receiveTestParcel("TRACK0001", for: .person(NewCustomer(name: "Jens Erik Dahl Solberg", key: "jeds")))
        #expect(received.isNewCustomer)
        #expect(received.customer.key == "JEDS")
        #expect(received.customer.keyIsChosen)
    }

    @Test func nobodyWithTheNameIsNil() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad")
        #expect(try state.existingCustomer(matching: NewCustomer(name: "Maria Moss")) == nil)
    }

    @Test func unusableNameIsRefused() {
        let request = ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"), recipient: .person(NewCustomer(name: "123")))
        #expect(throws: DomainError.invalidName("123")) { try ShopState().receive(request, Fixtures.context()) }
    }

    @Test func theNameOnTheParcelFollowsTheRuleEvenForAKnownCustomer() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad")
        let hostile = ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"), recipient: .person(NewCustomer(name: "Maria Mossestad\u{1B}[2J")))
        #expect(throws: DomainError.hiddenCharacter("Maria Mossestad\u{1B}[2J", .control("\u{1B}"), in: .name)) {
            try state.receive(hostile, Fixtures.context())
        }
        let spaced = ReceiveRequest(tracking: Fixtures.tracking("TRACK0001"), recipient: .person(NewCustomer(name: " maria  mossestad ")))
        let received = try state.receive(spaced, Fixtures.context()).outcome
        #expect(received.parcel.recipientName == "maria mossestad")
        #expect(!received.isNewCustomer)
    }
}
