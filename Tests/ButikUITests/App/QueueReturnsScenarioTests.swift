import ButikDomain
import Foundation
import Testing
@testable import ButikUI

/// Returns on F5: a customer's drop-off with its receipt, and the driver's handover counted
/// by scanning what leaves.
@Suite struct QueueReturnsScenarioTests {
    @Test func dTakesInADropOffTypedOrScannedAndShowsTheReceipt() throws {
        let h = try Harness()
        h.press(.function(5))
        let typed = Harness.s10("11111111")
        h.press(.character("d"))
        #expect(h.state.queue.prompt?.purpose == .dropOff)
        h.type("\(typed) dhl")
        h.press(.enter)
        let first = try #require(h.store.state.dropOffsWaiting().first)
        #expect(first.carrier == "dhl")
        #expect(h.screen(width: 120, height: 40)[5] == " Receipt R0001: \(typed) (dhl) waits in OUT for the driver.")

        let scanned = Harness.s10("22222222")
        h.press(.character("d"))
        h.scan(scanned)
        #expect(h.state.tab == .queue, "the scan fills the prompt instead of opening the counter")
        #expect(h.state.queue.prompt?.text == scanned + " ")
        h.type("ups")
        h.press(.enter)
        #expect(h.store.state.dropOffsWaiting().map(\.carrier) == ["dhl", "ups"])
        #expect(h.state.queue.notice?.text(h.state.words).hasPrefix("Receipt R0002: ") == true)

        // The same number twice is the domain's refusal.
        h.press(.character("d"))
        h.type(typed)
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.queue.notice?.isProblem == true)
    }

    @Test func hCountsTheHandoverAndEnterListsWhatIsMissingFirst() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("o"), .character("y"))
        let returning = h.store.state.parcelsInShop.filter { $0.status != .waiting }
        #expect(returning.count == 9)
        h.press(.character("h"))
        #expect(h.screen()[5].hasPrefix(" Driver handover: 0 of 9 scanned"))
        for parcel in returning.dropLast() { h.scan(parcel.tracking.value) }
        #expect(h.screen()[5].hasPrefix(" Driver handover: 8 of 9 scanned"))
        h.scan(Harness.s10("33333333"))
        #expect(h.takeEffects() == [.beep], "not ours: it stays here")
        h.press(.enter)
        #expect(h.screen(width: 160)[5].hasPrefix(" Missing 1: \(returning.last!.tracking) · Enter records 8 of 9 as taken"))
        #expect(h.store.state.parcelsInShop.count == 193, "nothing recorded yet")
        h.press(.enter)
        #expect(h.state.queue.handover == nil)
        #expect(h.store.state.parcelsInShop.filter { $0.status != .waiting }.map(\.id) == [returning.last!.id])
        #expect(h.state.queue.notice?.text(h.state.words) == "The driver took 8 of 9. Missing 1: \(returning.last!.tracking). Not ours: \(Harness.s10("33333333")).")
    }

    /// During a handover the lower list is what the driver is to take, not the parcels waiting
    /// for customers.
    @Test func theHandoversListIsWhatTheDriverTakes() throws {
        let h = try Harness()
        h.press(.function(5), .character("o"), .character("y"))
        let returning = Set(h.store.state.parcelsInShop.filter { $0.status != .waiting }.map(\.tracking))
        h.press(.character("h"))
        let listed = h.state.queue.parcels(h.state.context).map(\.tracking)
        #expect(!listed.isEmpty)
        #expect(Set(listed) == returning, "the list shows \(listed.count) parcels, \(returning.count) are for the driver")
        h.scan(listed[0].value)
        let row = try #require(h.screen(width: 100).first { $0.contains(listed[0].value) })
        #expect(row.contains("scanned ✓"), "a scanned parcel is marked: \(row)")
    }

    @Test func aParcelWaitingForACustomerIsRefusedAndTheCountIsTheCarriers() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("o"), .character("y"))
        let returning = h.store.state.parcelsInShop.filter { $0.status != .waiting && $0.carrier == "postnord" }
        #expect(!returning.isEmpty)
        #expect(h.screen()[6].hasSuffix(" 9 for the driver"))
        h.press(.character("c"))
        h.press(.character("h"))
        #expect(h.screen()[5].hasPrefix(" Driver handover (PostNord): 0 of \(returning.count) scanned"))
        #expect(h.screen()[6] == " cancels", "the handover's line wraps at 80 columns")
        #expect(h.screen()[7].contains(" \(returning.count) for the driver"), "the same count beside it")
        let jeds = try #require(h.store.state.parcelsInShop.first { $0.key == "JEDS" && $0.status == .waiting })
        h.scan(jeds.tracking.value)
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen(width: 120)[6] == " STOP: \(jeds.tracking) waits for JEDS in slot \(jeds.slot); it does not go with the driver. Put it back.")
        #expect(h.state.queue.handover?.scanned == [], "not counted")
        for parcel in returning { h.scan(parcel.tracking.value) }
        #expect(h.screen()[5].hasPrefix(" Driver handover (PostNord): \(returning.count) of \(returning.count) scanned"))
        h.press(.enter)
        #expect(h.state.queue.handover == nil)
        #expect(h.store.state.parcels[jeds.id]?.status == .waiting)
        #expect(h.store.state.parcelsInShop.filter { $0.status != .waiting }.allSatisfy { $0.carrier != "postnord" })
        #expect(h.state.queue.notice?.text(h.state.words) == "The driver took \(returning.count) of \(returning.count).")
    }

    /// In the returns view, b takes the selected parcel from OUT back to a shelf slot, by the
    /// same rule as `butik return undo`.
    @Test func bTakesAReturningParcelBackToAShelf() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("o"), .character("y"), .tab)
        #expect(!h.state.keys.binds(.character("b")), "a waiting parcel is selected: no b")
        h.press(.character("s"), .character("s"), .character("s"))
        let parcel = try #require(h.state.queue.selectedParcel(h.state.context))
        guard case .returning = parcel.status else { Issue.record("\(parcel.status)"); return }
        h.press(.character("b"))
        #expect(h.state.queue.prompt?.purpose == .backToShelf(parcel.id))
        #expect(h.screen().contains { $0.contains("\(parcel.tracking) (\(parcel.key)) is in OUT for return to") })
        h.type("zz9")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep], "no such slot: the domain's refusal")
        #expect(h.state.queue.notice?.isProblem == true)
        let free = try #require(h.store.layout.slots.first { $0.size == .small && h.store.state.load(of: $0.id) < $0.capacity }).id
        h.press(.character("b"))
        h.type(free.value.lowercased())
        h.press(.enter)
        let back = try #require(h.store.state.parcels[parcel.id])
        #expect(back.status == .waiting)
        #expect(back.slot == free)
        #expect(h.state.queue.notice?.text(h.state.words).hasPrefix("\(parcel.tracking) (\(parcel.key)) is back in \(free), waiting for its customer") == true)
        #expect(h.state.queue.parcels(h.state.context).count == 8, "the returns view lists the 8 left in OUT")
    }

    @Test func escCancelsTheHandover() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("h"))
        h.press(.enter)
        #expect(h.takeEffects() == [.beep], "nothing scanned")
        h.press(.escape)
        #expect(h.state.queue.handover == nil)
        #expect(h.screen()[5] == " Handover cancelled; nothing was recorded.")
    }
}
