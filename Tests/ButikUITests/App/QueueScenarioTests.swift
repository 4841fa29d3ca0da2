import ButikDomain
import ButikGrid
import ButikRuntime
import ButikStore
import Foundation
import Testing
@testable import ButikUI

/// The pickup queue on F5: customers added at the counter or announced, fetched by a
/// colleague, ready, and handed out on the counter.
@Suite struct QueueScenarioTests {
    static func entry(_ h: Harness, _ key: String) throws -> QueueEntry? {
        let customer = try #require(h.store.state.customer(withKey: key))
        return h.store.state.openQueueEntry(for: customer.id)
    }

    /// The slots of the customer's waiting parcels, as the queue lists them.
    static func slots(_ h: Harness, _ key: String) throws -> String {
        let customer = try #require(h.store.state.customer(withKey: key))
        return Set(h.store.state.parcelsInShop(for: customer.id).filter { $0.status == .waiting }.map(\.slot.value))
            .sorted().joined(separator: " ")
    }

    static func add(_ h: Harness, _ text: String) {
        h.press(.character("a"))
        h.type(text)
        h.press(.enter)
    }

    @Test func aCustomerAtTheCounterAndAnAnnouncedOneAreListedWithTheirSlots() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("a"))
        #expect(h.screen().contains { $0.contains("Customer's key, and HH:MM if they are coming later:") })
        h.type("kh2")
        h.press(.enter)
        #expect(try Self.entry(h, "KH2")?.status == .waiting)
        #expect(try Self.entry(h, "KH2")?.announcedFor == nil)
        Self.add(h, "JEDS 15:00")
        let announced = try #require(try Self.entry(h, "JEDS"))
        #expect(LocalTime.minute(try #require(announced.announcedFor), in: h.store.layout.zone) == "15:00")

        let lines = h.screen(width: 120, height: 40)
        #expect(lines[2] == " Pickup queue: 2 · 0 fetching · 0 ready")
        #expect(lines[4].hasPrefix(" Q1   KH2    Kari Hansen"))
        #expect(lines[4].hasSuffix("here      waiting            \(try Self.slots(h, "KH2"))"))
        #expect(lines[5].hasPrefix(" Q2   JEDS   Janne Eline Dahl Solberg"))
        #expect(lines[5].contains("at 15:00  waiting"))
        #expect(lines[6] == " JEDS (Janne Eline Dahl Solberg) is announced for 15:00.")
        #expect(h.frame(width: 120, height: 40).styleMask[5].dropFirst().hasPrefix("ssss"), "the new entry is selected")
    }

    @Test func aWrongKeyOrTimeKeepsThePromptOpenAndSaysWhy() throws {
        let h = try Harness()
        h.press(.function(5))
        Self.add(h, "NOSUCH")
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.queue.prompt != nil)
        #expect(h.state.queue.notice?.text(h.state.words) == "No customer has the key NOSUCH.")
        h.press(.control("u"))
        h.type("KH2 25:00")
        h.press(.enter)
        #expect(h.state.queue.notice?.text(h.state.words) == "Type the time as HH:MM, e.g. 15:00.")
        h.press(.escape)
        #expect(h.state.queue.prompt == nil)
        #expect(try Self.entry(h, "KH2") == nil)
        // Queueing a customer twice is the domain's refusal, shown on the screen.
        Self.add(h, "KH2")
        _ = h.takeEffects()
        Self.add(h, "KH2")
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.queue.notice?.isProblem == true)
    }

    @Test func fetchReadyThenEnterHandsOutOnTheCounterAndClosesTheEntry() throws {
        let h = try Harness()
        h.press(.function(5))
        Self.add(h, "KH2")
        h.press(.character("f"))
        #expect(try Self.entry(h, "KH2")?.status == .fetching)
        #expect(try Self.entry(h, "KH2")?.fetchingBy == "maria")
        #expect(h.screen(width: 120, height: 40)[4].contains("fetching (maria)"))
        let kari = try #require(h.store.state.customer(withKey: "KH2"))
        let fetch = h.store.state.fetchList(for: kari.id, h.store.layout)
        #expect(h.screen(width: 160)[5] == " You are fetching KH2 (Kari Hansen)'s parcels: "
            + fetch.stops.map { "\($0.slot) (\($0.parcels.count))" }.joined(separator: ", ") + ".")
        #expect(h.screen(width: 120, height: 40)[4].hasSuffix(" " + fetch.slots.map(\.value).joined(separator: " ")))
        h.press(.character("r"))
        #expect(try Self.entry(h, "KH2")?.status == .ready)
        #expect(h.screen(width: 120, height: 40)[4].hasSuffix(" at counter"), "a parcel made ready is at the counter")
        #expect(h.screen()[5] == " KH2 (Kari Hansen)'s parcels are ready at the counter. Enter hands them out.")
        #expect(h.frame().styleMask[4].dropFirst().hasPrefix("SSS"))

        h.press(.enter)
        #expect(h.state.tab == .counter)
        #expect(h.state.counter.handOut?.step == .verifying)
        #expect(h.screen()[h.counterDetailRow() + 1] == " Hand out to KH2  Kari Hansen: 2 parcels")
        h.type("1")
        let customer = try #require(h.store.state.customer(withKey: "KH2"))
        for parcel in h.store.state.parcelsInShop(for: customer.id) where parcel.status == .waiting {
            h.scan(parcel.tracking.value)
        }
        #expect(h.store.state.parcelsInShop(for: customer.id).allSatisfy { $0.status != .waiting })
        #expect(try Self.entry(h, "KH2") == nil, "the hand-out closes the entry as done")
        h.press(.function(5))
        #expect(h.screen()[2] == " Pickup queue: 0 · 0 fetching · 0 ready")
    }

    @Test func xCancelsTheEntryAndKeysWithoutAnEntrySaySo() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("f"))
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen()[5] == " Nobody in the queue is selected. a adds a customer.")
        Self.add(h, "KH2")
        Self.add(h, "JEDS")
        h.press(.up)
        h.press(.character("x"))
        #expect(try Self.entry(h, "KH2") == nil)
        #expect(try Self.entry(h, "JEDS")?.status == .waiting)
        #expect(h.screen()[5] == " KH2 (Kari Hansen) is out of the queue.")
        // Marking ready twice is refused by the domain.
        h.press(.character("r"))
        h.press(.character("r"))
        #expect(h.takeEffects().last == .beep)
    }

    @Test func anEntryAddedAtAnotherCounterShowsAfterTheRefresh() throws {
        let h = try Harness()
        h.press(.function(5))
        let other = try ShopStore.open(folder: h.folder, defaultLayout: Data(Harness.layoutJSON.utf8))
        let customer = try #require(other.state.customer(withKey: "KH2"))
        _ = try other.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
            try state.addToQueue(customer.id, announcedFor: nil, note: nil, context)
        }
        #expect(h.screen()[2] == " Pickup queue: 0 · 0 fetching · 0 ready")
        h.wait(AppDriver.refreshInterval + 0.1)
        #expect(h.screen()[2] == " Pickup queue: 1 · 0 fetching · 0 ready")
        #expect(h.screen()[4].hasPrefix(" Q1   KH2    Kari Hansen"))
        // And our fetch shows there.
        h.press(.character("f"))
        try other.refresh()
        #expect(other.state.openQueueEntry(for: customer.id)?.fetchingBy == "maria")
    }

    @Test func tabMovesTheArrowsToTheParcelListAndEnterThereHandsOutThatCustomer() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.tab)
        #expect(h.state.queue.focus == .parcels)
        h.press(.down)
        #expect(h.state.queue.selection.index == 1)
        h.press(.enter)
        #expect(h.state.tab == .counter)
        #expect(h.screen()[h.counterDetailRow() + 1] == " Hand out to JEDS  Janne Eline Dahl Solberg: 17 parcels")
    }
}
