import Foundation
import Testing
@testable import ButikDomain

@Suite struct MoveTests {
    @Test func moveToAnotherSlot() throws {
        var shop = try MariaShop()
        let id = shop.ids[0]
        let decision = try shop.state.move(id, to: SlotID("a2"), Fixtures.context())
        #expect(decision.events == [.parcelMoved(parcel: id, to: Fixtures.a2)])
        #expect(decision.outcome.slot == Fixtures.a2)
        #expect(decision.outcome.status == .waiting)
        shop.state.commit(decision, Fixtures.context())
        #expect(shop.state.parcels[id]?.slot == Fixtures.a2)
        #expect(shop.state.load(of: Fixtures.a1) == 0)
        #expect(shop.state.load(of: Fixtures.a2) == 1)
        #expect(shop.state.slotLoad == [Fixtures.a2: 1])
    }

    @Test func moveToTheFloorHasNoLimit() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE", "RR000000003SE"])
        for id in shop.ids { shop.state.commit(try shop.state.move(id, to: Fixtures.floor, Fixtures.context()), Fixtures.context()) }
        #expect(shop.state.load(of: Fixtures.floor) == 3)
    }

    @Test func moveIntoAFullSlotIsRefused() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE", "RR000000003SE"])
        #expect(shop.parcels.map(\.slot) == [Fixtures.a1, Fixtures.a1, Fixtures.a2])
        #expect(throws: DomainError.slotFull(slot: Fixtures.a1, capacity: 2)) {
            try shop.state.move(shop.ids[2], to: Fixtures.a1, Fixtures.context())
        }
        #expect(DomainError.slotFull(slot: Fixtures.a1, capacity: 2).english
            == "Slot A1 is full (2 parcels). Choose another slot or the floor.")
        // One place left in A2 after the move of one parcel there.
        shop.state.commit(try shop.state.move(shop.ids[0], to: Fixtures.a2, Fixtures.context()), Fixtures.context())
        #expect(shop.state.load(of: Fixtures.a2) == 2)
        #expect(throws: DomainError.slotFull(slot: Fixtures.a2, capacity: 2)) {
            try shop.state.move(shop.ids[1], to: Fixtures.a2, Fixtures.context())
        }
    }

    @Test func aLargeParcelDoesNotGoToASmallSlotButASmallOneGoesToALargeSlot() throws {
        var shop = try MariaShop()
        let large = try shop.state.receiveTestParcel("RR000000002SE", for: shop.maria, size: .large)
        #expect(large.slot == Fixtures.l1)
        #expect(throws: DomainError.tooLargeForSlot(tracking: large.tracking, slot: Fixtures.a2)) {
            try shop.state.move(large.id, to: Fixtures.a2, Fixtures.context())
        }
        #expect(DomainError.tooLargeForSlot(tracking: large.tracking, slot: Fixtures.a2).english
            == "RR000000002SE is large and A2 takes small parcels. Choose a large slot or the floor.")
        shop.state.commit(try shop.state.move(large.id, to: Fixtures.floor, Fixtures.context()), Fixtures.context())
        shop.state.commit(try shop.state.move(shop.ids[0], to: Fixtures.l1, Fixtures.context()), Fixtures.context())
        #expect(shop.state.parcels[shop.ids[0]]?.slot == Fixtures.l1)
    }

    @Test func largeSlotCapacityIsRespected() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        shop.state.commit(try shop.state.move(shop.ids[0], to: Fixtures.l1, Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.slotFull(slot: Fixtures.l1, capacity: 1)) {
            try shop.state.move(shop.ids[1], to: Fixtures.l1, Fixtures.context())
        }
    }

    @Test(arguments: ["A4", "B1", "OUT", "out"])
    func unknownOrOutboundTargetIsRefused(_ target: String) throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.unknownSlot(target.uppercased())) {
            try shop.state.move(shop.ids[0], to: SlotID(target), Fixtures.context())
        }
    }

    @Test func sameSlotIsRefused() throws {
        let shop = try MariaShop()
        #expect(throws: DomainError.alreadyInSlot(tracking: TrackingNumber("RR000000001SE"), slot: Fixtures.a1)) {
            try shop.state.move(shop.ids[0], to: Fixtures.a1, Fixtures.context())
        }
        #expect(DomainError.alreadyInSlot(tracking: TrackingNumber("RR000000001SE"), slot: Fixtures.a1).english
            == "RR000000001SE is already in A1.")
    }

    @Test func onlyWaitingParcelsMove() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        try shop.handOut([shop.ids[0]])
        shop.state.commit(try shop.state.returnToSender(shop.ids[1], Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.notWaiting(tracking: TrackingNumber("RR000000001SE"), status: .handedOut)) {
            try shop.state.move(shop.ids[0], to: Fixtures.a2, Fixtures.context())
        }
        #expect(throws: DomainError.notWaiting(tracking: TrackingNumber("RR000000002SE"), status: .returning)) {
            try shop.state.move(shop.ids[1], to: Fixtures.a2, Fixtures.context())
        }
        #expect(throws: DomainError.unknownParcel("P7")) { try shop.state.move(ParcelID(7), to: Fixtures.a2, Fixtures.context()) }
    }
}

/// PostNord holds 7 days and lets a parcel wait 14 in all (the default): Maria's parcel,
/// received 2026-03-10, is due 2026-03-17 and can be kept until 2026-03-24.
@Suite struct ExtendDeadlineTests {
    static let tracking = TrackingNumber("RR000000001SE")

    @Test func extendToALaterDay() throws {
        var shop = try MariaShop()
        let id = shop.ids[0]
        #expect(shop.parcels[0].deadline.description == "2026-03-17")
        let day = Day(iso: "2026-03-20")!
        let decision = try shop.state.extendDeadline(id, .to(day), Fixtures.context())
        #expect(decision.events == [.deadlineExtended(parcel: id, to: day)])
        #expect(decision.outcome.deadline == day)
        shop.state.commit(decision, Fixtures.context())
        #expect(shop.state.parcels[id]?.deadline == day)
    }

    @Test(arguments: ["2026-03-17", "2026-03-16", "2026-03-01"])
    func sameOrEarlierDayIsRefused(_ text: String) throws {
        let shop = try MariaShop()
        let deadline = Day(iso: "2026-03-17")!
        #expect(throws: DomainError.extensionNotLater(tracking: Self.tracking, deadline: deadline)) {
            try shop.state.extendDeadline(shop.ids[0], .to(Day(iso: text)!), Fixtures.context())
        }
        #expect(DomainError.extensionNotLater(tracking: Self.tracking, deadline: deadline).english
            == "The new deadline for RR000000001SE must be later than 17.03.2026.")
    }

    @Test func overdueParcelMustBeExtendedToTodayOrLater() throws {
        let shop = try MariaShop()
        let in10Days = Fixtures.later(10 * 86_400) // 2026-03-20, deadline was 03-17
        #expect(throws: DomainError.extensionNotLater(tracking: Self.tracking, deadline: Day(iso: "2026-03-19")!)) {
            try shop.state.extendDeadline(shop.ids[0], .to(Day(iso: "2026-03-19")!), in10Days)
        }
        #expect(try shop.state.extendDeadline(shop.ids[0], .to(Day(iso: "2026-03-20")!), in10Days).outcome.deadline.description
            == "2026-03-20")
    }

    @Test func daysMoreCountFromTheDeadlineOrFromTodayWhenItHasPassed() throws {
        let shop = try MariaShop()
        let id = shop.ids[0]
        #expect(try shop.state.extendDeadline(id, .days(3), Fixtures.context()).outcome.deadline.description == "2026-03-20")
        let in10Days = Fixtures.later(10 * 86_400) // 2026-03-20, overdue since 03-17
        #expect(try shop.state.extendDeadline(id, .days(3), in10Days).outcome.deadline.description == "2026-03-23")
        for none in [0, -1, Int.min] {
            #expect(throws: DomainError.extensionNotLater(tracking: Self.tracking, deadline: Day(iso: "2026-03-17")!)) {
                try shop.state.extendDeadline(id, .days(none), Fixtures.context())
            }
        }
        #expect(throws: DomainError.extensionNotLater(tracking: Self.tracking, deadline: Day(iso: "2026-03-20")!)) {
            try shop.state.extendDeadline(id, .days(0), in10Days)
        }
    }

    @Test func noLongerThanTheCarrierLetsAParcelWaitAfterItArrived() throws {
        var shop = try MariaShop()
        let id = shop.ids[0]
        let latest = Day(iso: "2026-03-24")!
        #expect(Fixtures.layout.latestDeadline(of: shop.parcels[0]) == latest)
        let tooLong = DomainError.extensionTooLong(tracking: Self.tracking, carrier: "PostNord", maxHoldDays: 14, latest: latest)
        for request in [DeadlineExtension.to(Day(iso: "2026-03-25")!), .to(Day(iso: "9999-12-31")!), .days(8), .days(Int.max)] {
            #expect(throws: tooLong) { try shop.state.extendDeadline(id, request, Fixtures.context()) }
        }
        #expect(tooLong.english
            == "PostNord lets a parcel wait at most 14 days after it arrived: RR000000001SE can wait until 24.03.2026 at the latest.")
        // In two steps up to the limit, then no more.
        shop.state.commit(try shop.state.extendDeadline(id, .days(3), Fixtures.context()), Fixtures.context())
        shop.state.commit(try shop.state.extendDeadline(id, .to(latest), Fixtures.context()), Fixtures.context())
        let noMore = DomainError.extensionTooLong(tracking: Self.tracking, carrier: "PostNord", maxHoldDays: 14, latest: nil)
        #expect(throws: noMore) { try shop.state.extendDeadline(id, .days(1), Fixtures.context()) }
        #expect(noMore.english == "RR000000001SE already waits as long as PostNord allows (14 days after it arrived): it cannot be extended.")
        // Overdue past the limit: it cannot be kept at all.
        let late = try MariaShop()
        #expect(throws: noMore) { try late.state.extendDeadline(late.ids[0], .days(1), Fixtures.later(20 * 86_400)) }
    }

    @Test func theShopFileSetsEachCarriersLimit() throws {
        var layout = Fixtures.layout
        layout.carriers[0].maxHoldDays = 21
        layout.carriers[1].maxHoldDays = 14
        #expect(layout.problems.isEmpty)
        var shop = try MariaShop()
        let context = Fixtures.context(layout: layout)
        #expect(try shop.state.extendDeadline(shop.ids[0], .to(Day(iso: "2026-03-31")!), context).outcome.deadline.description == "2026-03-31")
        #expect(throws: DomainError.extensionTooLong(tracking: Self.tracking, carrier: "PostNord", maxHoldDays: 21,
                                                     latest: Day(iso: "2026-03-31")!)) {
            try shop.state.extendDeadline(shop.ids[0], .days(15), context)
        }
        // Amazon holds 14 days and allows no more: its parcels cannot be extended.
        let amazon = try shop.state.receiveTestParcel("TBA123456789012", for: .customer(shop.maria.id), carrier: "amazon", context).parcel
        #expect(throws: DomainError.extensionTooLong(tracking: amazon.tracking, carrier: "Amazon", maxHoldDays: 14, latest: nil)) {
            try shop.state.extendDeadline(amazon.id, .days(1), context)
        }
        layout.carriers[0].maxHoldDays = 6
        layout.carriers[1].maxHoldDays = 91
        #expect(layout.problems == ["carrier postnord's maxHoldDays must be its holdDays (7) to 90, not 6",
                                    "carrier amazon's maxHoldDays must be its holdDays (14) to 90, not 91"])
    }

    @Test func onlyWaitingParcels() throws {
        var shop = try MariaShop()
        try shop.handOut(shop.ids)
        #expect(throws: DomainError.notWaiting(tracking: Self.tracking, status: .handedOut)) {
            try shop.state.extendDeadline(shop.ids[0], .to(Day(iso: "2026-03-20")!), Fixtures.context())
        }
    }
}

@Suite struct ReturnAndCollectTests {
    @Test func returnToSenderGoesToOutbound() throws {
        var shop = try MariaShop()
        let id = shop.ids[0]
        let later = Fixtures.later(7200)
        let decision = try shop.state.returnToSender(id, later)
        #expect(decision.events == [.parcelReturning(parcel: id, to: Fixtures.out)])
        #expect(decision.outcome.slot == Fixtures.out)
        #expect(decision.outcome.status == .returning(since: later.now))
        shop.state.commit(decision, later)
        #expect(shop.state.parcels[id] == decision.outcome)
        #expect(shop.state.load(of: Fixtures.a1) == 0)
        #expect(shop.state.load(of: Fixtures.out) == 0)
        #expect(shop.state.parcelInShop(TrackingNumber("RR000000001SE"))?.id == id)
        #expect(shop.state.parcelsInShop(for: shop.maria.id).map(\.id) == [id])
    }

    @Test func returnNeedsAWaitingParcel() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        shop.state.commit(try shop.state.returnToSender(shop.ids[0], Fixtures.context()), Fixtures.context())
        try shop.handOut([shop.ids[1]])
        #expect(throws: DomainError.notWaiting(tracking: TrackingNumber("RR000000001SE"), status: .returning)) {
            try shop.state.returnToSender(shop.ids[0], Fixtures.context())
        }
        #expect(throws: DomainError.notWaiting(tracking: TrackingNumber("RR000000002SE"), status: .handedOut)) {
            try shop.state.returnToSender(shop.ids[1], Fixtures.context())
        }
        #expect(DomainError.notWaiting(tracking: TrackingNumber("RR000000002SE"), status: .handedOut).english
            == "RR000000002SE is not waiting for pickup: it is handed out.")
    }

    @Test func driverCollectsReturningParcels() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE", "RR000000003SE"])
        for id in shop.ids.prefix(2) { shop.state.commit(try shop.state.returnToSender(id, Fixtures.context()), Fixtures.context()) }
        let later = Fixtures.later(86_400)
        let decision = try shop.state.collectByDriver([shop.ids[1], shop.ids[0], shop.ids[1]], later)
        #expect(decision.events == [.parcelsCollectedByDriver(parcels: [shop.ids[1], shop.ids[0]])])
        #expect(decision.outcome.map(\.status) == [.collected(at: later.now), .collected(at: later.now)])
        shop.state.commit(decision, later)
        #expect(shop.state.parcels[shop.ids[0]]?.status == .collected(at: later.now))
        #expect(shop.state.parcels[shop.ids[0]]?.slot == Fixtures.out)
        #expect(shop.state.parcelInShop(TrackingNumber("RR000000001SE")) == nil)
        #expect(shop.state.parcelsInShop.map(\.id) == [shop.ids[2]])
        #expect(shop.state.lastRecordAt == later.now)
    }

    @Test func driverTakesOnlyReturningParcels() throws {
        var shop = try MariaShop(parcels: ["RR000000001SE", "RR000000002SE"])
        shop.state.commit(try shop.state.returnToSender(shop.ids[0], Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.notReturning(tracking: TrackingNumber("RR000000002SE"))) {
            try shop.state.collectByDriver(shop.ids, Fixtures.context())
        }
        #expect(DomainError.notReturning(tracking: TrackingNumber("RR000000002SE")).english
            == "RR000000002SE is not marked for return, so the driver cannot take it.")
        shop.state.commit(try shop.state.collectByDriver([shop.ids[0]], Fixtures.context()), Fixtures.context())
        #expect(throws: DomainError.notReturning(tracking: TrackingNumber("RR000000001SE"))) {
            try shop.state.collectByDriver([shop.ids[0]], Fixtures.context())
        }
        #expect(throws: DomainError.nothingGiven) { try shop.state.collectByDriver([], Fixtures.context()) }
    }
}
