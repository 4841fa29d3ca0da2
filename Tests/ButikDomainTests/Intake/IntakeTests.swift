import Foundation
import Testing
@testable import ButikDomain

@Suite struct DeliveryTests {
    @Test func aDeliveryCountsWhatWasScannedAgainstWhatWasDeclared() throws {
        var state = ShopState()
        let context = Fixtures.context()
        let delivery = state.commit(try state.startDelivery(carrier: "PostNord", declared: 3, context), context)
        #expect(delivery.carrier == "postnord")
        #expect(state.openDelivery(of: "kari") == delivery)
        let maria = try state.addTestCustomer("Maria Mossestad")
        for code in ["RR000000001SE", "RR000000002SE"] {
            let request = ReceiveRequest(tracking: Fixtures.tracking(code), recipient: .customer(maria.id), delivery: delivery.id)
            let received = state.commit(try state.receive(request, context), context)
            #expect(received.parcel.delivery == delivery.id)
            #expect(received.parcel.carrier == "postnord", "the delivery's carrier is the default")
        }
        let big = ReceiveRequest(tracking: Fixtures.tracking("RR000000003SE"), recipient: .customer(maria.id), carrier: "amazon",
                                 size: .large, delivery: delivery.id)
        state.commit(try state.receive(big, context), context)
        let bigger = ReceiveRequest(tracking: Fixtures.tracking("RR000000004SE"), recipient: .customer(maria.id), size: .large, delivery: delivery.id)
        state.commit(try state.receive(bigger, context), context)

        let summary = state.commit(try state.endDelivery(context), context)
        #expect(summary.scanned == 4)
        #expect(summary.declared == 3)
        #expect(summary.mismatch == 1)
        #expect(summary.perCarrier == ["postnord": 3, "amazon": 1])
        #expect(summary.overflow == 1, "the second large parcel finds L1 full")
        #expect(summary.unexpected == 4)
        #expect(state.openDelivery(of: "kari") == nil)
        #expect(throws: DomainError.noOpenDelivery) { try state.endDelivery(context) }
    }

    @Test func oneOpenDeliveryPerStaffMember() throws {
        var state = ShopState()
        state.commit(try state.startDelivery(carrier: "postnord", declared: nil, Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.deliveryOpen(carrier: "postnord", scanned: 0)) {
            try state.startDelivery(carrier: "amazon", declared: nil, Fixtures.context())
        }
        let other = Fixtures.context(staff: "per")
        #expect(try state.startDelivery(carrier: "amazon", declared: 12, other).outcome.id == DeliveryID(2))
        #expect(throws: DomainError.invalidDeclaredCount(0)) { try state.startDelivery(carrier: "amazon", declared: 0, other) }
        #expect(throws: DomainError.unknownCarrier("bring", known: ["postnord", "amazon"])) {
            try state.startDelivery(carrier: "bring", declared: nil, other)
        }
    }
}

@Suite struct ReceiptUndoTests {
    @Test func aFreshReceiptCanBeTakenBackAndTheNumberReceivedAgain() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let parcel = try state.receiveTestParcel("RR000000001SE", for: maria)
        state.commit(try state.undoReceipt(parcel.id, Fixtures.later(60)), Fixtures.later(60))
        #expect(state.parcels[parcel.id] == nil)
        #expect(state.load(of: parcel.slot) == 0)
        #expect(state.parcelInShop(parcel.tracking) == nil)
        // Nothing remembers the mistake, so the number is simply received again.
        #expect(try state.receiveTestParcel("RR000000001SE", for: maria, Fixtures.later(120)).id == ParcelID(2))
    }

    @Test func onlyRecentWaitingReceiptsCanBeUndone() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let parcel = try state.receiveTestParcel("RR000000001SE", for: maria)
        #expect(throws: DomainError.receiptUndoTooLate(tracking: parcel.tracking, minutes: 30)) {
            try state.undoReceipt(parcel.id, Fixtures.later(31 * 60))
        }
        state.commit(try state.handOut(HandOutRequest(parcels: [parcel.id], verification: .id), Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.receiptNotUndoable(tracking: parcel.tracking, status: .handedOut)) {
            try state.undoReceipt(parcel.id, Fixtures.later(60))
        }
    }

    @Test func receivingANumberThatLeftAsksForIntent() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let parcel = try state.receiveTestParcel("RR000000001SE", for: maria)
        state.commit(try state.handOut(HandOutRequest(parcels: [parcel.id], verification: .known), Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.receivedBefore(tracking: parcel.tracking, left: .handedOut, when: LocalMoment(day: Day(year: 2026, month: 3, day: 10)!, minuteOfDay: 13 * 60))) {
            try state.receiveTestParcel("RR000000001SE", for: maria, Fixtures.later(60))
        }
        #expect(try state.receiveTestParcel("RR000000001SE", for: maria, again: true, Fixtures.later(60)).id == ParcelID(2))
    }
}

@Suite struct SlotCapacityTests {
    @Test func aChangedCapacityDecidesWhereParcelsGo() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        state.commit(try state.setCapacity(of: Fixtures.a1, to: 3, Fixtures.context()), Fixtures.context())
        for n in 1...3 { try state.receiveTestParcel("RR00000000\(n)SE", for: maria) }
        #expect(state.load(of: Fixtures.a1) == 3, "three now fit in A1")
        #expect(try state.receiveTestParcel("RR000000004SE", for: maria).slot == Fixtures.a2)
        #expect(throws: DomainError.capacityBelowLoad(slot: Fixtures.a1, load: 3)) {
            try state.setCapacity(of: Fixtures.a1, to: 2, Fixtures.context())
        }
        #expect(throws: DomainError.invalidCapacity(slot: Fixtures.a2, capacity: 0)) { try state.setCapacity(of: Fixtures.a2, to: 0, Fixtures.context()) }
        #expect(throws: DomainError.unknownSlot("Z9")) { try state.setCapacity(of: SlotID("Z9"), to: 4, Fixtures.context()) }
    }
}

@Suite struct ExpectedParcelTests {
    static func entry(_ code: String, _ name: String, line: Int = 2, holdDays: Int? = nil, pickupCode: PickupCode? = nil) -> ManifestEntry {
        ManifestEntry(line: line, tracking: Fixtures.tracking(code), name: name, phone: "91234567", carrierID: "amazon", holdDays: holdDays,
                      pickupCode: pickupCode)
    }

    @Test func importingTwiceAddsNothingAndAnnouncedParcelsArriveWithTheirData() throws {
        var state = ShopState()
        let entries = [Self.entry("RR000000001SE", "Åse Ødegård", holdDays: 21, pickupCode: "123456"),
                       Self.entry("RR000000002SE", "Ole Olsen", line: 3)]
        let first = state.commit(state.expect(entries, Fixtures.context()), Fixtures.context())
        #expect(first.added.map(\.tracking.value) == ["RR000000001SE", "RR000000002SE"])
        let second = state.expect(entries, Fixtures.context())
        #expect(second.events.isEmpty)
        #expect(second.outcome.alreadyKnown == 2)

        let announced = try #require(state.expected[TrackingNumber("RR000000001SE")])
        let request = ReceiveRequest(tracking: Fixtures.tracking("RR000000001SE"),
                                     recipient: .person(NewCustomer(name: announced.name, phones: [announced.phone!])))
        let received = state.commit(try state.receive(request, Fixtures.context()), Fixtures.context())
        #expect(received.parcel.preAdvised == true)
        #expect(received.parcel.carrier == "amazon")
        #expect(received.parcel.deadline == Fixtures.today.adding(days: 21), "the manifest's hold days win")
        #expect(received.parcel.pickupCode == "123456", "the parcel takes the announced pickup code")
        #expect(state.stillExpected.map(\.tracking.value) == ["RR000000002SE"])

        state.commit(try state.undoReceipt(received.parcel.id, Fixtures.later(60)), Fixtures.later(60))
        #expect(state.stillExpected.count == 2, "an undone receipt is expected again")
    }

    @Test func aCodeGivenAtReceiptWinsOverTheAnnouncedOne() throws {
        var state = ShopState()
        state.commit(state.expect([Self.entry("RR000000001SE", "Åse Ødegård", pickupCode: "4711")], Fixtures.context()), Fixtures.context())
        let request = ReceiveRequest(tracking: Fixtures.tracking("RR000000001SE"), recipient: .person(NewCustomer(name: "Åse Ødegård")),
                                     pickupCode: "8080")
        #expect(try state.receive(request, Fixtures.context()).outcome.parcel.pickupCode == "8080")
    }
}
