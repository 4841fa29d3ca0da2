import Foundation
import Testing
@testable import ButikDomain

@Suite struct QueueTests {
    /// Maria (C1) with P1 and P2 in A1; Thomas (C2) with P3 in A2; Nils (C3) with nothing.
    static func shop() throws -> ShopState {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Mossestad")
        let thomas = try state.addTestCustomer("Thomas Schjønningsen")
        try state.addTestCustomer("Nils Berg")
        try state.receiveTestParcel("RR000000001SE", for: maria)
        try state.receiveTestParcel("RR000000002SE", for: maria)
        try state.receiveTestParcel("RR000000003SE", for: thomas)
        return state
    }

    static let maria = CustomerID(1), thomas = CustomerID(2), nils = CustomerID(3)

    @Test func addingPutsACustomerInTheQueueOnce() throws {
        var state = try Self.shop()
        let context = Fixtures.later(60)
        let entry = state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: "  red coat ", context), context)
        #expect(entry == QueueEntry(id: QueueEntryID(1), customer: Self.maria, announcedFor: nil, note: "red coat",
                                    addedAt: context.now, addedBy: "kari"))
        #expect(state.openQueueEntry(for: Self.maria) == entry)
        #expect(state.nextQueueNumber == 2)
        #expect(throws: DomainError.alreadyQueued(key: "MM", status: .waiting)) {
            try state.addToQueue(Self.maria, announcedFor: nil, note: nil, context)
        }
        #expect(throws: DomainError.unknownCustomer("C9")) { try state.addToQueue(CustomerID(9), announcedFor: nil, note: nil, context) }
        let blank = try state.addToQueue(Self.thomas, announcedFor: nil, note: "  ", context)
        #expect(blank.outcome.note == nil)
    }

    @Test func theQueueIsOrderedByWhenEachCustomerIsAtTheCounter() throws {
        var state = try Self.shop()
        let at1305 = Fixtures.later(5 * 60), at1310 = Fixtures.later(10 * 60)
        state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: nil, at1310), at1310)
        state.commit(try state.addToQueue(Self.thomas, announcedFor: Fixtures.now.addingTimeInterval(2 * 3600), note: nil, at1305), at1305)
        state.commit(try state.addToQueue(Self.nils, announcedFor: Fixtures.now.addingTimeInterval(8 * 60), note: nil, at1305), at1305)
        #expect(state.openQueue.map(\.customer) == [Self.nils, Self.maria, Self.thomas])
        #expect(state.openQueue.map(\.id) == [QueueEntryID(3), QueueEntryID(1), QueueEntryID(2)])
    }

    @Test func anEntryGoesFromWaitingThroughFetchingToReady() throws {
        var state = try Self.shop()
        state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: nil, Fixtures.context()), Fixtures.context())
        let per = Fixtures.later(30, staff: "per")
        let fetching = state.commit(try state.startFetching(for: Self.maria, per), per)
        #expect(fetching.status == .fetching)
        #expect(fetching.fetchingBy == "per")
        #expect(throws: DomainError.queueStep(key: "MM", status: .fetching, step: .fetching)) {
            try state.startFetching(for: Self.maria, Fixtures.context())
        }
        let ready = state.commit(try state.markReady(for: Self.maria, per), per)
        #expect(ready.status == .ready)
        #expect(ready.fetchingBy == "per")
        #expect(throws: DomainError.queueStep(key: "MM", status: .ready, step: .ready)) { try state.markReady(for: Self.maria, per) }
        #expect(throws: DomainError.notQueued(key: "TS")) { try state.markReady(for: Self.thomas, per) }
    }

    @Test func aWaitingEntryCanBeMarkedReadyWithoutFetchingFirst() throws {
        var state = try Self.shop()
        state.commit(try state.addToQueue(Self.thomas, announcedFor: nil, note: nil, Fixtures.context()), Fixtures.context())
        let ready = state.commit(try state.markReady(for: Self.thomas, Fixtures.context()), Fixtures.context())
        #expect(ready.status == .ready)
        #expect(ready.fetchingBy == nil)
    }

    @Test func closingTakesTheEntryOutOfTheQueueAndTheCustomerCanComeAgain() throws {
        var state = try Self.shop()
        state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: nil, Fixtures.context()), Fixtures.context())
        let later = Fixtures.later(600)
        let closed = state.commit(try state.closeQueueEntry(for: Self.maria, as: .cancelled, later), later)
        #expect(closed.status == .cancelled)
        #expect(closed.closedAt == later.now)
        #expect(state.openQueue.isEmpty)
        #expect(state.queue[QueueEntryID(1)] == closed)
        #expect(throws: DomainError.notQueued(key: "MM")) { try state.closeQueueEntry(for: Self.maria, as: .done, later) }
        let again = state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: nil, later), later)
        #expect(again.id == QueueEntryID(2))
        #expect(state.openQueue == [again])
    }

    @Test func handingOutEveryWaitingParcelClosesTheEntryAsDone() throws {
        var state = try Self.shop()
        state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: nil, Fixtures.context()), Fixtures.context())
        state.commit(try state.addToQueue(Self.thomas, announcedFor: nil, note: nil, Fixtures.context()), Fixtures.context())
        let context = Fixtures.later(120)
        let his = try state.handOut(HandOutRequest(parcels: [ParcelID(3)], verification: .id), context)
        #expect(his.events == [.parcelsHandedOut(parcels: [ParcelID(3)], verification: .id, proxyName: nil, proxyID: nil),
                               .queueEntryClosed(entry: QueueEntryID(2), as: .done)], "Thomas has nothing left")
        state.commit(his, context)
        let partial = try state.handOut(HandOutRequest(parcels: [ParcelID(1)], verification: .id), context)
        #expect(partial.events == [.parcelsHandedOut(parcels: [ParcelID(1)], verification: .id, proxyName: nil, proxyID: nil)],
                "Maria still has P2 waiting")
        state.commit(partial, context)
        #expect(state.openQueue.map(\.customer) == [Self.maria])
        #expect(state.queue[QueueEntryID(2)]?.status == .done)
        #expect(state.queue[QueueEntryID(2)]?.closedAt == context.now)

        let rest = try state.handOut(HandOutRequest(parcels: [ParcelID(2)], verification: .id), context)
        #expect(rest.events.last == .queueEntryClosed(entry: QueueEntryID(1), as: .done))
        state.commit(rest, context)
        #expect(state.openQueue.isEmpty)
        let undone = try state.undoHandOut([ParcelID(2)], within: 600, context)
        #expect(undone.events == [.handOutUndone(parcels: [ParcelID(2)])], "an undo does not reopen the entry")
    }

    @Test func closedEntriesAreCompactedAwayAfterTheRetentionAndTheQueueSurvivesCoding() throws {
        var state = try Self.shop()
        state.commit(try state.addToQueue(Self.maria, announcedFor: nil, note: "n", Fixtures.context()), Fixtures.context())
        state.commit(try state.closeQueueEntry(for: Self.maria, as: .done, Fixtures.context()), Fixtures.context())
        let weekLater = Fixtures.later(7 * 86_400)
        state.commit(try state.addToQueue(Self.thomas, announcedFor: nil, note: nil, weekLater), weekLater)
        #expect(try JournalCoding.roundTrip(state) == state)
        #expect(try JournalCoding.roundTrip(state).openQueueByCustomer == [Self.thomas: QueueEntryID(2)])
        let compacted = state.compacted()
        #expect(compacted.queue.keys.sorted() == [QueueEntryID(2)])
        #expect(compacted.nextQueueNumber == 3)
        #expect(state.compacted() == state.compacted())
    }

    @Test func aSnapshotWithoutAQueueDecodesEmpty() throws {
        let json = #"{"customers":[],"parcels":[],"nextCustomerNumber":1,"nextParcelNumber":1}"#
        let state = try JournalCoding.decoder().decode(ShopState.self, from: Data(json.utf8))
        #expect(state.queue.isEmpty)
        #expect(state.nextQueueNumber == 1)
    }
}
