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
    static func entry(_ h: Harness, _ key: CustomerKey) throws -> QueueEntry? {
        let customer = try #require(h.store.state.customer(withKey: key))
        return h.store.state.openQueueEntry(for: customer.id)
    }

    /// The slots of the customer's waiting parcels, as the queue lists them.
    static func slots(_ h: Harness, _ key: CustomerKey) throws -> String {
        let customer = try #require(h.store.state.customer(withKey: key))
        return Set(h.store.state.parcelsInShop(for: customer.id).filter { $0.status == .waiting }.map(\.slot.value))
            .sorted().joined(separator: " ")
    }

    /// a: finds the customer by `search` and takes the first match, then `timeAndNote`.
    static func add(_ h: Harness, _ search: String, _ timeAndNote: String = "") {
        h.press(.character("a"))
        h.type(search)
        h.press(.enter)
        h.type(timeAndNote)
        h.press(.enter)
    }

    @Test func aCustomerAtTheCounterAndAnAnnouncedOneAreListedWithTheirSlots() throws {
        let h = try Harness()
        h.press(.function(5))
        Self.add(h, "kh2")
        #expect(try Self.entry(h, "KH2")?.status == .waiting)
        #expect(try Self.entry(h, "KH2")?.announcedFor == nil)
        Self.add(h, "JEDS", "15:00")
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

    /// a takes any fragment the Counter's search takes, lists the matches to choose from, then
    /// a time (typed as it comes) and a note for whoever fetches.
    @Test func aFindsTheCustomerByAnyFragmentAndTakesATimeAndANote() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("a"))
        h.type("nordmann")
        let matches = h.state.context.shop.search("nordmann", limit: 40).customers
        try #require(matches.count > 1)
        let screen = h.screen(width: 100, height: 30)
        let second = try #require(h.store.state.customers[matches[1]])
        #expect(screen.contains { $0.contains("▸ \(h.store.state.customers[matches[0]]!.key)") }, "the first match is chosen")
        #expect(screen.contains { $0.contains("· \(second.key) \(second.name)") })
        h.press(.down, .enter)
        #expect(h.state.queue.prompt?.purpose == .announce(second.id))
        #expect(h.screen().contains { $0.contains("\(second.key) \(second.name): when do they come") })
        h.type("9.15 red coat")
        h.press(.enter)
        let entry = try #require(try Self.entry(h, second.key))
        #expect(LocalTime.minute(try #require(entry.announcedFor), in: h.store.layout.zone) == "09:15")
        #expect(entry.note == "red coat")
        #expect(h.screen(width: 120, height: 40)[4].contains("\(second.name) · red coat"), "the note shows for whoever fetches")

        // A phone number, and a time without its separator.
        let kari = try #require(h.store.state.customer(withKey: "KH2"))
        let phone = try #require(kari.phones.first)
        Self.add(h, phone, "0915")
        #expect(try Self.entry(h, "KH2")?.announcedFor.map { LocalTime.minute($0, in: h.store.layout.zone) } == "09:15")
        #expect(try Self.entry(h, "KH2")?.note == nil)
    }

    @Test func nothingFoundOrABadTimeKeepsThePromptOpenAndSaysWhy() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("a"))
        h.type("NOSUCH")
        #expect(h.screen().contains { $0.contains("Nobody matches \"NOSUCH\".") })
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.queue.prompt?.purpose == .add)
        h.press(.control("u"))
        h.type("KH2")
        h.press(.enter)
        h.type("25:00 soon")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.queue.notice?.text(h.state.words) == "Type the time as 9:15 or 15:00, then a note if any.")
        #expect(h.state.queue.prompt?.text == "25:00 soon", "what was typed stays")
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
        #expect(h.screen().contains { $0.contains("Take KH2 (Kari Hansen) out of the queue?") }, "x asks first")
        h.press(.character("n"))
        #expect(try Self.entry(h, "KH2")?.status == .waiting, "n keeps them")
        h.press(.character("x"), .character("y"))
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
