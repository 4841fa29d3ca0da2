import Foundation
import Testing
@testable import ButikDomain

/// A shop with Maria Mossestad (MM) and her parcels, received at ``Fixtures/now``.
struct MariaShop {
    var state = ShopState()
    var maria: Customer
    var parcels: [Parcel] = []

    init(parcels codes: [String] = ["RR000000001SE"]) throws {
        maria = try state.addTestCustomer("Maria Mossestad")
        for code in codes { parcels.append(try state.receiveTestParcel(code, for: maria)) }
    }

    var ids: [ParcelID] { parcels.map(\.id) }

    mutating func handOut(_ ids: [ParcelID], _ verification: Verification = .id, proxy: String? = nil, proxyID: String? = nil,
                          _ context: Context = Fixtures.context()) throws {
        let request = HandOutRequest(parcels: ids, verification: verification, proxyName: proxy, proxyID: proxyID)
        state.commit(try state.handOut(request, context), context)
    }
}

@Suite struct HandOutTests {
    @Test func handOutRecordsVerificationStaffAndTime() throws {
        var shop = try MariaShop()
        let id = shop.ids[0]
        let at = Fixtures.later(600, staff: "per")
        let decision = try shop.state.handOut(HandOutRequest(parcels: [id], verification: .known), at)
        #expect(decision.events == [.parcelsHandedOut(parcels: [id], verification: .known, proxyName: nil, proxyID: nil)])
        #expect(decision.outcome == HandedOut(parcels: shop.parcels, unregisteredProxy: false))
        shop.state.commit(decision, at)
        let handOut = HandOut(at: at.now, staff: "per", verification: .known, proxyName: nil)
        #expect(shop.state.parcels[id]?.status == .handedOut(handOut: handOut))
        #expect(shop.state.parcels[id]?.slot == Fixtures.a1)
        #expect(shop.state.load(of: Fixtures.a1) == 0)
        #expect(shop.state.parcelInShop(TrackingNumber("RR000000001SE")) == nil)
        #expect(shop.state.parcelsInShop(for: shop.maria.id).isEmpty)
        #expect(shop.state.parcelsInShop.isEmpty)
    }

    @Test func secondHandOutIsRefused() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids, .known, Fixtures.context(staff: "per"))
        let expected = DomainError.alreadyHandedOut(tracking: TrackingNumber("RR000000001SE"), when: LocalMoment(day: Day(year: 2026, month: 3, day: 10)!, minuteOfDay: 13 * 60), staff: "per")
        #expect(throws: expected) {
            try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .id), Fixtures.later(60))
        }
        #expect(expected.english == "RR000000001SE was already handed out 10.03.2026 13:00 by per.")
    }

    @Test func oneIdentityCheckHandsOutOneCustomersParcelsOnly() throws {
        var shop = try MariaShop()
        let per = try shop.state.addTestCustomer("Per Hansen")
        let his = try shop.state.receiveTestParcel("RR000000002SE", for: per)
        let expected = DomainError.handOutForSeveralCustomers(keys: ["MM", "PH"])
        for verification in Verification.allCases {
            #expect(throws: expected) {
                try shop.state.handOut(HandOutRequest(parcels: [shop.ids[0], his.id], verification: verification,
                                                      proxyName: "Ola Nordmann", proxyID: "pass …1234"), Fixtures.context())
            }
        }
        #expect(expected.english == "These parcels are for 2 customers (MM, PH): hand out each customer's parcels on their own, "
            + "with their own check of who collects them.")
        try shop.handOut([his.id], .known)
        #expect(shop.state.parcels[shop.ids[0]]?.status == .waiting)
    }

    @Test func requestWithOneHandedOutParcelIsRefusedWhole() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        try shop.handOut([shop.ids[1]])
        #expect(throws: DomainError.alreadyHandedOut(tracking: TrackingNumber("RR000000002SE"), when: LocalMoment(day: Day(year: 2026, month: 3, day: 10)!, minuteOfDay: 13 * 60), staff: "kari")) {
            try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .id), Fixtures.context())
        }
        #expect(shop.state.parcels[shop.ids[0]]?.status == .waiting)
    }

    @Test func severalParcelsAtOnceAndDuplicatesOnce() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        let ids = shop.ids
        let decision = try shop.state.handOut(HandOutRequest(parcels: [ids[1], ids[0], ids[1]], verification: .id), Fixtures.context())
        #expect(decision.events == [.parcelsHandedOut(parcels: [ids[1], ids[0]], verification: .id, proxyName: nil, proxyID: nil)])
        #expect(decision.outcome.parcels.map(\.id) == [ids[1], ids[0]])
        shop.state.commit(decision, Fixtures.context())
        #expect(shop.state.load(of: Fixtures.a1) == 0)
        #expect(shop.state.inShopByCustomer.isEmpty)
    }

    @Test(arguments: [nil, "", "   "] as [String?])
    func proxyNeedsAName(_ name: String?) throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.proxyNameMissing) {
            try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .proxy, proxyName: name), Fixtures.context())
        }
    }

    @Test func proxyNameAndIDAreTrimmedAndRecorded() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids, .proxy, proxy: "  Per Hansen ", proxyID: " pass …1234 ")
        #expect(shop.state.parcels[shop.ids[0]]?.status
            == .handedOut(handOut: HandOut(at: Fixtures.now, staff: "kari", verification: .proxy, proxyName: "Per Hansen",
                                           proxyID: "pass …1234")))
    }

    @Test func aProxysNameTakesAtMostTheRegisteredNameLimit() throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.invalidProxyName(limit: 80)) {
            try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .proxy, proxyName: String(repeating: "Å", count: 81),
                                                  proxyID: "pass …1234"), Fixtures.context())
        }
        _ = try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .proxy, proxyName: String(repeating: "Å", count: 80),
                                                  proxyID: "pass …1234"), Fixtures.context())
    }

    @Test(arguments: [nil, "", "   ", String(repeating: "4", count: 41)] as [String?])
    func proxyNeedsANoteOfTheirOwnID(_ note: String?) throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.invalidProxyID(limit: 40)) {
            try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .proxy, proxyName: "Per Hansen", proxyID: note),
                                   Fixtures.context())
        }
        #expect(DomainError.invalidProxyID(limit: 40).english
            == "A proxy hand-out needs a note of the proxy's own ID in 1 to 40 characters, like \"førerkort …4521\" (the last digits are enough).")
        let forty = String(repeating: "4", count: 40)
        _ = try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .proxy, proxyName: "Per Hansen", proxyID: forty),
                                   Fixtures.context())
    }

    @Test func proxyNameAndIDAreDroppedForOtherVerifications() throws {
        let shop = try MariaShop()
        let request = HandOutRequest(parcels: shop.ids, verification: .id, proxyName: "Per", proxyID: "pass …1234")
        let decision = try shop.state.handOut(request, Fixtures.context())
        #expect(decision.events == [.parcelsHandedOut(parcels: shop.ids, verification: .id, proxyName: nil, proxyID: nil)])
        #expect(decision.outcome.unregisteredProxy == false)
    }

    @Test func aRegisteredProxyIsNotFlaggedAnUnregisteredOneIsButStillGetsTheParcels() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        shop.state.commit(try shop.state.authoriseProxy("Per Hansen", for: shop.maria.id, Fixtures.context()), Fixtures.context())
        let registered = HandOutRequest(parcels: [shop.ids[0]], verification: .proxy, proxyName: "per hansen", proxyID: "pass …1234")
        #expect(try shop.state.handOut(registered, Fixtures.context()).outcome.unregisteredProxy == false)

        let stranger = HandOutRequest(parcels: shop.ids, verification: .proxy, proxyName: "Ola Nordmann", proxyID: "førerkort …4521")
        let decision = try shop.state.handOut(stranger, Fixtures.context())
        #expect(decision.outcome.unregisteredProxy)
        #expect(decision.outcome.parcels.map(\.id) == shop.ids)
        #expect(decision.events.first == .parcelsHandedOut(parcels: shop.ids, verification: .proxy, proxyName: "Ola Nordmann",
                                                           proxyID: "førerkort …4521"))
    }

    @Test func nothingOrUnknownIsRefused() throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.nothingGiven) {
            try shop.state.handOut(HandOutRequest(parcels: [], verification: .id), Fixtures.context())
        }
        #expect(throws: DomainError.unknownParcel("P42")) {
            try shop.state.handOut(HandOutRequest(parcels: [ParcelID(42)], verification: .id), Fixtures.context())
        }
    }

    @Test func returningParcelCanStillBeHandedOut() throws {
        var shop = try MariaShop()
        shop.state.commit(try shop.state.returnToSender(shop.ids[0], Fixtures.context()), Fixtures.context())
        try shop.handOut(shop.ids)
        #expect(shop.state.parcels[shop.ids[0]]?.status
            == .handedOut(handOut: HandOut(at: Fixtures.now, staff: "kari", verification: .id, proxyName: nil)))
        #expect(shop.state.parcelInShop(TrackingNumber("RR000000001SE")) == nil)
    }

    @Test func collectedParcelIsNotWaiting() throws {
        var shop = try MariaShop()
        shop.state.commit(try shop.state.returnToSender(shop.ids[0], Fixtures.context()), Fixtures.context())
        shop.state.commit(try shop.state.collectByDriver(shop.ids, Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.notWaiting(tracking: TrackingNumber("RR000000001SE"), status: .collected)) {
            try shop.state.handOut(HandOutRequest(parcels: shop.ids, verification: .id), Fixtures.context())
        }
    }
}

@Suite struct UndoHandOutTests {
    static let window: TimeInterval = 10 * 60

    @Test func undoPutsItBackInItsSlot() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        let later = Fixtures.later(300)
        let decision = try shop.state.undoHandOut(shop.ids, within: Self.window, later)
        #expect(decision.events == [.handOutUndone(parcels: shop.ids)])
        #expect(decision.outcome == shop.parcels)
        shop.state.commit(decision, later)
        #expect(shop.state.parcels[shop.ids[0]] == shop.parcels[0])
        #expect(shop.state.load(of: Fixtures.a1) == 1)
        #expect(shop.state.parcelInShop(TrackingNumber("RR000000001SE"))?.id == shop.ids[0])
    }

    @Test func undoAtTheEdgeOfTheWindowAndNotAfter() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        _ = try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.later(Self.window))
        #expect(throws: DomainError.undoTooLate(tracking: TrackingNumber("RR000000001SE"), minutes: 10)) {
            try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.later(Self.window + 1))
        }
        #expect(DomainError.undoTooLate(tracking: TrackingNumber("RR000000001SE"), minutes: 10).english
            == "RR000000001SE was handed out more than 10 minutes ago; it can no longer be undone here.")
    }

    @Test func undoNeedsAHandedOutParcel() throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.notHandedOut(tracking: TrackingNumber("RR000000001SE"))) {
            try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.context())
        }
        #expect(throws: DomainError.nothingGiven) { try shop.state.undoHandOut([], within: Self.window, Fixtures.context()) }
        #expect(throws: DomainError.unknownParcel("P9")) {
            try shop.state.undoHandOut([ParcelID(9)], within: Self.window, Fixtures.context())
        }
    }

    @Test func slotFilledMeanwhileGetsANewSlot() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        // Two parcels for Ola fill A1 (all slots empty: first in shelf order, then shared).
        let ola = try shop.state.addTestCustomer("Ola Nordmann")
        #expect(try shop.state.receiveTestParcel("RR000000002SE", for: ola).slot == Fixtures.a1)
        #expect(try shop.state.receiveTestParcel("RR000000003SE", for: ola).slot == Fixtures.a1)
        let later = Fixtures.later(120)
        let decision = try shop.state.undoHandOut(shop.ids, within: Self.window, later)
        #expect(decision.events == [.handOutUndone(parcels: shop.ids), .parcelMoved(parcel: shop.ids[0], to: Fixtures.a2)])
        #expect(decision.outcome.map(\.slot) == [Fixtures.a2])
        #expect(decision.outcome.first?.status == .waiting)
        shop.state.commit(decision, later)
        #expect(shop.state.load(of: Fixtures.a1) == 2)
        #expect(shop.state.load(of: Fixtures.a2) == 1)
    }

    @Test func onlyTheExcessIsMoved() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        try shop.handOut(shop.ids)
        let ola = try shop.state.addTestCustomer("Ola Nordmann")
        #expect(try shop.state.receiveTestParcel("RR000000003SE", for: ola).slot == Fixtures.a1)
        let decision = try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.context())
        #expect(decision.events == [.handOutUndone(parcels: shop.ids), .parcelMoved(parcel: shop.ids[0], to: Fixtures.a2)])
        #expect(decision.outcome.map(\.slot) == [Fixtures.a2, Fixtures.a1])
    }

    @Test func everythingFullMeansTheFloor() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        for (i, name) in ["Ada Berg", "Bo Dahl", "Cy Eik"].enumerated() {
            let customer = try shop.state.addTestCustomer(name)
            try shop.state.receiveTestParcel("RR00000001\(i)SE", for: customer)
            try shop.state.receiveTestParcel("RR00000002\(i)SE", for: customer)
        }
        let decision = try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.context())
        #expect(decision.events.last == .parcelMoved(parcel: shop.ids[0], to: Fixtures.floor))
        shop.state.commit(decision, Fixtures.context())
        #expect(shop.state.load(of: Fixtures.a1) == 2)
    }

    @Test func undoFromTheFloorStaysOnTheFloor() throws {
        var shop = try MariaShop()
        shop.state.commit(try shop.state.move(shop.ids[0], to: Fixtures.floor, Fixtures.context()), Fixtures.context())
        try shop.handOut(shop.ids)
        let decision = try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.context())
        #expect(decision.events == [.handOutUndone(parcels: shop.ids)])
        #expect(decision.outcome.map(\.slot) == [Fixtures.floor])
    }

    @Test func undoOfAParcelTakenFromTheOutboundAreaReturnsItThere() throws {
        var shop = try MariaShop()
        shop.state.commit(try shop.state.returnToSender(shop.ids[0], Fixtures.context()), Fixtures.context())
        try shop.handOut(shop.ids)
        let later = Fixtures.later(60)
        let decision = try shop.state.undoHandOut(shop.ids, within: Self.window, later)
        shop.state.commit(decision, later)
        let parcel = try #require(shop.state.parcels[shop.ids[0]])
        #expect(parcel.slot == Fixtures.out)
        #expect(parcel.status == .returning(since: later.now))
        #expect(decision.outcome == [parcel])
        #expect(shop.state.load(of: Fixtures.out) == 0)
        // The driver can take it again.
        _ = try shop.state.collectByDriver(shop.ids, later)
    }

    @Test func undoIsRefusedWhenTheTrackingNumberIsBackOnTheShelf() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        let again = try shop.state.receiveTestParcel("RR000000001SE", for: .customer(shop.maria.id), again: true, Fixtures.later(60))
        #expect(throws: DomainError.alreadyInShop(tracking: TrackingNumber("RR000000001SE"), slot: again.parcel.slot, key: "MM")) {
            try shop.state.undoHandOut(shop.ids, within: Self.window, Fixtures.later(120))
        }
    }
}
