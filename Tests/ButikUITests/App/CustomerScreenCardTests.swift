import ButikDomain
import ButikGrid
import ButikRuntime
import ButikStore
import ButikText
import Foundation
import Testing
@testable import ButikUI

/// F6: Enter opens a customer on a card with their record, the parcels in the shop and their
/// timeline from the store's history, a page at a time; Esc goes back to the list as it was;
/// `a` adds a customer, `p` and `P` register and withdraw a proxy.
@Suite struct CustomerScreenCardTests {
    /// A regular, Vera Vik (VV), with 23 parcels received and handed out over the last weeks
    /// (46 timeline entries: more than a page) and one waiting since this morning.
    static func shopWithARegular() throws -> Harness {
        try Harness { store in
            let vera = try store.addCustomer(NewCustomer(name: "Vera Vik", key: "VV", phones: ["41122334"]), at: Harness.now.addingTimeInterval(-40 * 86_400))
            for n in 0..<23 {
                let received = Harness.now.addingTimeInterval(Double(n - 30) * 86_400)
                let parcel = try store.receive(Harness.s10(String(format: "7700%04d", n)), for: vera.id, at: received)
                _ = try store.perform(staff: "per", now: received.addingTimeInterval(3600)) { state, context throws(DomainError) in
                    try state.handOut(HandOutRequest(parcels: [parcel.id], verification: .id), context)
                }
            }
            try store.receive(Harness.s10("77009999"), for: vera.id, at: Harness.now.addingTimeInterval(-2 * 3600))
        }
    }

    /// The harness with Vera Vik's card open from the filtered list.
    static func veraOpen() throws -> Harness {
        let h = try shopWithARegular()
        h.press(.function(6))
        h.type("vera")
        h.press(.enter)
        return h
    }

    @Test func enterOpensTheCustomerWithTheirTimelineNewestFirst() throws {
        let h = try Self.veraOpen()
        let vera = try #require(h.store.state.customer(withKey: "VV"))
        #expect(h.state.customers.card?.customer == vera.id)
        #expect(h.state.customers.card?.page?.total == 47)
        #expect(h.state.customers.card?.page?.entries.count == CustomerCard.pageSize)
        let lines = h.screen()
        #expect(lines[2...11] == [
            " VV  Vera Vik",
            " Phone: 41122334",
            " Regular: at least 20 visits in 90 days",
            " Tracking             Slot   Carrier   Arrived Due",
            " \(Harness.s10("77009999"))        D8     posten    23.11   7d left (30.11)",
            " Timeline, newest first: 47 entries, page 1 of 2",
            " 23.11.2026 09:00  siv  \(Harness.s10("77009999")) received into D8, deadline 30.11.2026",
            " 15.11.2026 12:00  per  \(Harness.s10("77000022")) handed out to the recipient, photo ID",
            "                        checked",
            " 15.11.2026 11:00  siv  \(Harness.s10("77000022")) received into D8, deadline 22.11.2026",
        ])
        // Whole entries as far as they fit, then what more the page holds.
        #expect(lines[21] == " ↓ 31 more entries on this page")
        #expect(lines[23] == "Esc back to the list  ↓ scroll  PgDn older page  p add proxy  F1 more")
    }

    @Test func theTimelineScrollsALineAndAPageAtATime() throws {
        let h = try Self.veraOpen()
        h.press(.down, .down)
        #expect(h.state.customers.card?.first == 2)
        #expect(h.screen()[8] == " ↑ 2 newer entries above")
        #expect(h.screen()[9] == " 15.11.2026 11:00  siv  \(Harness.s10("77000022")) received into D8, deadline 22.11.2026")
        // PgDn reads the older page from the store and shows it from its newest entry.
        h.press(.pageDown)
        #expect(h.state.customers.card?.page?.page == 2)
        #expect(h.state.customers.card?.first == 0)
        var lines = h.screen()
        // The last page: the oldest entries, down to the first parcel's receipt; nothing more below.
        #expect(lines[7] == " Timeline, newest first: 47 entries, page 2 of 2")
        #expect(lines[8] == " 27.10.2026 11:00  siv  \(Harness.s10("77000003")) received into D8, deadline 03.11.2026")
        #expect(lines[17...18] == [" 24.10.2026 12:00  siv  \(Harness.s10("77000000")) received into D8, deadline 31.10.2026", ""])
        #expect(!h.state.keys.binds(.pageDown) && !h.state.keys.binds(.end))
        h.press(.pageUp)
        #expect(h.state.customers.card?.page?.page == 1)
        h.press(.end)
        #expect(h.state.customers.card?.page?.page == 2)
        h.press(.home)
        #expect(h.state.customers.card?.page?.page == 1)
        lines = h.screen()
        #expect(lines[7] == " Timeline, newest first: 47 entries, page 1 of 2")
    }

    @Test func escGoesBackToTheListWhereItWas() throws {
        let h = try Self.shopWithARegular()
        h.press(.function(6), .down, .down, .down)
        let list = h.screen()
        let selected = try #require(h.state.customers.selectedCustomer(h.state.context))
        h.press(.enter)
        #expect(h.state.customers.card?.customer == selected)
        h.press(.escape)
        #expect(h.state.customers.card == nil)
        #expect(h.screen() == list)
    }

    @Test func aTimelineNotReadYetSaysWhyAndRReadsItAgain() throws {
        let h = try Self.shopWithARegular()
        let release = h.prepareHistoryUntilReleased()
        h.press(.function(6))
        h.type("vera")
        h.press(.enter)
        guard case .unread? = h.state.customers.card?.timeline else {
            Issue.record("the timeline was read while the history was being prepared")
            return
        }
        #expect(h.screen()[7...10] == [
            " Timeline",
            " The timeline could not be read: the shop's history is being brought up to date",
            " (after an update or a restore, this takes a little while); try again in a",
            " moment",
        ])
        #expect(h.state.keys.binds(.character("r")))
        release()
        h.press(.character("r"))
        #expect(h.state.customers.card?.page?.total == 47)
        #expect(!h.state.keys.binds(.character("r")))
    }

    @Test func aAddsACustomerByNameAndPhoneAndOpensThem() throws {
        let h = try Harness()
        h.press(.function(6), .character("a"))
        #expect(h.state.customers.prompt?.purpose == .name)
        // A name without a letter is refused at once, and the dialog stays.
        h.type("123")
        h.press(.enter)
        #expect(h.state.customers.prompt?.purpose == .name)
        #expect(h.state.customers.notice?.tone == .error)
        h.press(.control("u"))
        h.type("Tove Ås")
        h.press(.enter)
        #expect(h.state.customers.prompt?.purpose == .phone(name: "Tove Ås"))
        // Esc goes back to the name, as typed.
        h.press(.escape)
        #expect(h.state.customers.prompt?.text == "Tove Ås")
        h.press(.enter)
        h.type("913 00 111")
        h.press(.enter)
        let tove = try #require(h.store.state.customers.values.first { $0.name == "Tove Ås" })
        #expect(tove.phones == ["91300111"])
        #expect(h.state.customers.prompt == nil)
        #expect(h.state.customers.card?.customer == tove.id)
        #expect(h.state.customers.card?.page?.total == 0)
        let lines = h.screen()
        #expect(lines[2...8] == [
            " TÅ  Tove Ås",
            " Phone: 91300111",
            " Not a regular: 0 of 10 visits in 90 days",
            " Added TÅ Tove Ås.",
            " No parcels waiting.",
            " Timeline",
            " Nothing has happened with this customer yet.",
        ])
    }

    @Test func aBadPhoneIsRefusedAndItsDialogOpensAgain() throws {
        let h = try Harness()
        h.press(.function(6), .character("a"))
        h.type("Tove Ås")
        h.press(.enter)
        h.type("12")
        h.press(.enter)
        #expect(h.state.customers.prompt?.purpose == .phone(name: "Tove Ås"))
        #expect(h.state.customers.prompt?.text == "12")
        #expect(h.state.customers.notice?.tone == .error)
        #expect(!h.store.state.customers.values.contains { $0.name == "Tove Ås" })
    }

    @Test func pRegistersAProxyAndPWithdrawsOneByNumber() throws {
        let h = try Self.veraOpen()
        let vera = try #require(h.store.state.customer(withKey: "VV"))
        #expect(!h.state.keys.binds(.character("P")), "no proxy to withdraw")
        h.press(.character("p"))
        h.type("Petter Vik")
        h.press(.enter)
        // Their relation and last day: Enter gives none.
        #expect(h.state.customers.prompt?.purpose == .relation(vera.id, name: "Petter Vik"))
        h.press(.enter)
        #expect(h.state.customers.prompt?.purpose == .validUntil(vera.id, name: "Petter Vik", relation: ""))
        h.press(.enter)
        #expect(h.store.state.customers[vera.id]?.proxies.map(\.name) == ["Petter Vik"])
        #expect(h.state.customers.notice == Notice(Phrase("customers.proxyAuthorised", ["name": .text("Petter Vik"), "key": .text("VV")])))
        // The timeline is read again: the registration is its newest entry.
        #expect(h.state.customers.card?.page?.total == 48)
        #expect(h.state.customers.card?.page?.entries.first?.what == .proxyAuthorised(name: "Petter Vik"))
        #expect(h.screen().contains(" Proxies: 1 Petter Vik (since 23.11.2026)"))
        h.press(.character("P"))
        #expect(h.state.customers.prompt?.purpose == .withdraw(vera.id))
        h.press(.character("1"))
        #expect(h.store.state.customers[vera.id]?.proxies == [])
        #expect(h.state.customers.card?.page?.entries.first?.what == .proxyRevoked(name: "Petter Vik"))
    }

    @Test func aProxyRefusedOpensItsDialogAgainWithTheReason() throws {
        let h = try Self.veraOpen()
        h.press(.character("p"))
        h.type("1234")
        h.press(.enter)
        #expect(h.state.customers.prompt?.text == "1234")
        #expect(h.state.customers.notice?.tone == .error)
    }

    /// Vera Vik's last parcel handed out at another counter an hour ago, then her key typed on
    /// the Counter once the app has caught up: her card has no parcels.
    static func veraCollectedAllOnTheCounter() throws -> (Harness, CustomerID) {
        let h = try shopWithARegular()
        let vera = try #require(h.store.state.customer(withKey: "VV"))
        let waiting = try #require(h.store.state.parcelsInShop(for: vera.id).first)
        _ = try h.store.perform(staff: "per", now: Harness.now.addingTimeInterval(-3600)) { state, context throws(DomainError) in
            try state.handOut(HandOutRequest(parcels: [waiting.id], verification: .known), context)
        }
        h.wait(1.5)
        h.type("VV")
        return (h, vera.id)
    }

    /// The Counter's card of a customer with no parcels in the shop: the newest lines of their
    /// timeline, not only "No parcels waiting" (the issue's regular after twelve hand-outs).
    @Test func theCounterCardOfACustomerWithNoParcelsShowsTheirLastVisits() throws {
        let (h, vera) = try Self.veraCollectedAllOnTheCounter()
        #expect(h.state.counter.recent?.customer == vera)
        let top = h.counterDetailRow()
        #expect(h.screen()[(top + 1)...(top + 5)] == [
            " VV  Vera Vik  ☎ 41122334",
            " No parcels waiting. Lately:",
            " 23.11.2026 10:00  per  \(Harness.s10("77009999")) handed out to the recipient, known to the",
            "                        staff",
            " 23.11.2026 09:00  siv  \(Harness.s10("77009999")) received into D8, deadline 30.11.2026",
        ])
    }

    /// Another counter writes while the card is open: its timeline is read again within the
    /// refresh and shows the new entry, scrolled where it was; a write about nobody on the card
    /// changes nothing shown.
    @Test func theCardFollowsAnotherCountersWrites() throws {
        let h = try Self.veraOpen()
        let vera = try #require(h.store.state.customer(withKey: "VV"))
        h.press(.down)
        _ = try h.store.perform(staff: "per", now: Harness.now) { state, context throws(DomainError) in
            try state.logContact(vera.id, channel: .phone, about: .question, text: "Asks whether we open on Sunday", context)
        }
        #expect(!h.screen().joined().contains("Asks whether we open on Sunday"))
        h.wait(AppDriver.refreshInterval + 0.1)
        #expect(h.state.customers.card?.page?.total == 48)
        #expect(h.state.customers.card?.first == 1)
        h.press(.up)
        let lines = h.screen()
        #expect(lines[7] == " Timeline, newest first: 48 entries, page 1 of 2")
        #expect(lines[8].contains("Asks whether we open on Sunday"), "\(lines)")
    }

    /// The Counter's card of a customer with no parcels shows a contact another counter logged.
    @Test func theCounterCardsLastLinesFollowAnotherCountersWrites() throws {
        let (h, vera) = try Self.veraCollectedAllOnTheCounter()
        let top = h.counterDetailRow()
        #expect(h.screen()[top + 3].contains("handed out to the recipient"))
        _ = try h.store.perform(staff: "per", now: Harness.now) { state, context throws(DomainError) in
            try state.logContact(vera, channel: .phone, about: .question, text: "Asks about Sunday", context)
        }
        h.wait(AppDriver.refreshInterval + 0.1)
        #expect(h.screen()[top + 3].contains("Asks about Sunday"), "\(h.screen())")
    }
}
