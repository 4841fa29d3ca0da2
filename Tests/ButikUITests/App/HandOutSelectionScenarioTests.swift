import ButikDomain
import ButikGrid
import Foundation
import Testing
@testable import ButikUI

/// Every waiting parcel is in a hand-out unless the clerk leaves it out: ↑/↓ and Space.
@Suite struct HandOutSelectionScenarioTests {
    static func isHandedOut(_ h: Harness, _ parcel: Parcel) -> Bool {
        h.store.state.parcels[parcel.id]?.status.handOut != nil
    }

    @Test func spaceLeavesAParcelOutSoOnlyTheOtherIsHandedOut() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        let top = h.counterDetailRow()
        #expect(h.screen()[top + 5].hasPrefix(" ·  \(parcels[0].tracking)"))
        h.press(.down)
        h.type(" ")
        #expect(h.state.counter.handOut?.selected == [parcels[0].id])
        #expect(h.screen()[top + 1] == " Hand out to KH2  Kari Hansen: 1 of 2 parcels")
        #expect(h.screen()[top + 6] == " –  \(parcels[1].tracking.value.padding(toLength: 20, withPad: " ", startingAt: 0)) "
            + "\(parcels[1].slot.value.padding(toLength: 6, withPad: " ", startingAt: 0)) "
            + "\(parcels[1].carrier.value.padding(toLength: 10, withPad: " ", startingAt: 0)) left out")
        h.press(.up)
        #expect(h.frame().styleMask[top + 6].dropFirst().hasPrefix("mmmm"), "a parcel left out is drawn muted")
        h.type("3")
        #expect(h.screen()[top + 2].hasPrefix(" Scan each parcel (0 of 1)  ·  known regular"))
        h.scan(parcels[0].tracking.value)
        #expect(Self.isHandedOut(h, parcels[0]))
        #expect(!Self.isHandedOut(h, parcels[1]), "the parcel left out still waits")
        #expect(h.screen()[top] == " Handed out 1 parcel to Kari Hansen (known regular). Ctrl-Z undoes it.")
    }

    @Test func aListLongerThanTheRoomSaysSoAndScrolls() throws {
        let h = try Harness()
        let jeds = try #require(h.store.state.customer(withKey: "JEDS"))
        let parcels = h.store.state.parcelsInShop(for: jeds.id).filter { $0.status == .waiting }
        #expect(parcels.count == 17)
        h.type("JEDS")
        h.press(.enter)
        let lines = h.screen()
        let header = try #require(lines.firstIndex { $0.hasPrefix("    Tracking ") })
        let shown = 24 - 2 - header - 1 // above the status and help lines, below the header
        #expect(lines[header].hasSuffix("\(shown) of 17 shown, ↑↓ scrolls"))
        let last = try #require(h.state.counter.handOut?.parcels.last.flatMap { h.store.state.parcels[$0] })
        #expect(!h.screen().contains { $0.contains(last.tracking.value) })
        for _ in 1..<17 { h.press(.down) }
        #expect(h.screen().contains { $0.contains(last.tracking.value) }, "the last parcel scrolls into view")
    }

    @Test func spacePutsAParcelBackAndTheLastOneStays() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type(" ")
        #expect(h.state.counter.handOut?.selected == [parcels[1].id])
        h.press(.down)
        h.type(" ")
        #expect(h.takeEffects() == [.beep], "at least one parcel stays in the hand-out")
        #expect(h.screen()[top + 3] == " At least one parcel stays in the hand-out; Esc cancels it.")
        #expect(h.state.counter.handOut?.selected == [parcels[1].id])
        h.press(.up)
        h.type(" ")
        #expect(h.state.counter.handOut?.selected == parcels.map(\.id))
        #expect(h.screen()[top + 1] == " Hand out to KH2  Kari Hansen: 2 parcels")
    }

    @Test func scanningAParcelLeftOutPutsItBack() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type(" ")
        #expect(h.state.counter.handOut?.selected == [parcels[1].id])
        h.type("1")
        h.scan(parcels[0].tracking.value)
        #expect(h.state.counter.handOut?.selected == parcels.map(\.id))
        #expect(h.screen()[top + 3] == " ✓ \(parcels[0].tracking) from \(parcels[0].slot), back in the hand-out: 1 of 2.")
        #expect(!Self.isHandedOut(h, parcels[0]), "the hand-out waits for the other parcel too")
        h.scan(parcels[1].tracking.value)
        #expect(parcels.allSatisfy { Self.isHandedOut(h, $0) })
    }

    @Test func leavingTheUnscannedOutCompletesWithEnter() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        h.type("3")
        h.scan(parcels[0].tracking.value)
        h.press(.down)
        h.type(" ")
        h.press(.enter)
        #expect(Self.isHandedOut(h, parcels[0]))
        #expect(!Self.isHandedOut(h, parcels[1]))
    }

    @Test func enterWithoutScansHandsOutOnlyTheSelectedWhereTheShopAllowsIt() throws {
        let allowing = Harness.layoutJSON.replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1, \"handOutWithoutScan\": true,")
        let h = try Harness(layout: allowing)
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        h.type(" ")
        h.type("3")
        h.press(.enter)
        #expect(!Self.isHandedOut(h, parcels[0]))
        #expect(Self.isHandedOut(h, parcels[1]))
    }

    @Test func thePromptFitsAndTheHelpLineShowsTheHandOutKeys() throws {
        let h = try Harness()
        _ = try HandOutScenarioTests.startForKariHansen(h)
        #expect(h.screen()[h.counterDetailRow() + 2] == " How was identity checked?  1 photo ID  2 pickup code  3 known regular  4 proxy")
        #expect(h.screen(width: 70)[h.counterDetailRow() + 2] == " Identity:  1 photo ID  2 pickup code  3 known regular  4 proxy")
        #expect(h.screen(width: 60)[h.counterDetailRow() + 2] == " Identity:  1 ID  2 code  3 known  4 proxy")
        #expect(h.screen(width: 120)[23].hasPrefix("1-4 how identity was checked  ↑↓ parcel  Space leave out/put back  Ctrl-R refuse  Esc cancel"))
        h.type("3")
        #expect(h.screen(width: 120)[23].hasPrefix("scan confirm  Enter hand out  ↑↓ parcel  Space leave out/put back"))
        h.press(.escape)
        // One customer found: nothing to select with ↑↓.
        #expect(h.screen()[23].hasPrefix("type search  Enter hand out  Ctrl-Z undo hand-out  Esc clear"))
    }
}
