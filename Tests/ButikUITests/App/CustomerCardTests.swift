import ButikDomain
import ButikGrid
import ButikStore
import Foundation
import Testing
@testable import ButikUI

/// The customer card on the counter: parcels with arrival and days left; note, the newest log
/// entries and registered proxies, as far as the window has room.
@Suite struct CustomerCardTests {
    /// The demo shop with two proxies for Kari Hansen (KH2) and a refusal noted two days ago.
    static func shop() throws -> Harness {
        try Harness { store in
            try ProxyHandOutScenarioTests.authoriseKarisProxies(store)
            let kari = try #require(store.state.customer(withKey: "KH2"))
            _ = try store.perform(staff: "siv", now: Harness.now.addingTimeInterval(-2 * 86_400)) { state, context throws(DomainError) in
                try state.refuseHandOut(kari.id, parcels: [], reason: "No ID with her", context)
            }
        }
    }

    @Test func theCardShowsTheRefusalProxiesAndWhenEachParcelArrived() throws {
        let h = try Self.shop()
        h.type("KH2")
        let parcels = h.store.state.parcelsInShop(for: try #require(h.store.state.customer(withKey: "KH2")).id)
        #expect(parcels.map { Day($0.receivedAt, in: h.store.layout.zone) } == [Day(iso: "2026-11-20")!, Day(iso: "2026-11-20")!])
        let top = h.counterDetailRow()
        #expect(h.screen()[top...(top + 7)] == [
            " " + String(repeating: "─", count: 78),
            " KH2  Kari Hansen  ☎ 91818294",
            " Refused 21.11 by siv: No ID with her",
            " Proxies: Ola Nordmann, Åse Ødegård",
            " Tracking             Slot   Carrier   Arrived Due",
            " \(parcels[0].tracking)   A2     posten    20.11   4d left (27.11)",
            " \(parcels[1].tracking)   A2     posten    20.11   4d left (27.11)",
            "",
        ])
        #expect(h.frame().styleMask[top + 2].dropFirst().hasPrefix("ddddddd"), "a refusal stands out in the danger colour")
    }

    /// Three more refusals of Kari Hansen's this morning, then the refresh that shows them.
    static func refuseThreeMore(_ h: Harness) throws {
        let kari = try #require(h.store.state.customer(withKey: "KH2"))
        for (n, reason) in ["Name on the ID differs", "Came with a copy of the ID", "Proxy without ID"].enumerated() {
            _ = try h.store.perform(staff: "per", now: Harness.now.addingTimeInterval(Double(n - 3) * 3600)) { state, context throws(DomainError) in
                try state.refuseHandOut(kari.id, parcels: [], reason: reason, context)
            }
        }
        h.wait(1.5)
    }

    @Test func theNewestThreeLogEntriesComeFirst() throws {
        let h = try Self.shop()
        try Self.refuseThreeMore(h)
        h.type("KH2")
        let top = h.counterDetailRow()
        #expect(h.screen()[(top + 2)...(top + 5)] == [
            " Refused 23.11 by per: Proxy without ID",
            " Refused 23.11 by per: Came with a copy of the ID",
            " Refused 23.11 by per: Name on the ID differs",
            " Proxies: Ola Nordmann, Åse Ødegård",
        ])
        #expect(h.screen()[top + 6] == " Tracking             Slot   Carrier   Arrived Due")
    }

    @Test func aSmallWindowSumsTheParcelsUpInOneLine() throws {
        let h = try Self.shop()
        h.type("KH2")
        // At the smallest size the one hit leaves room for the whole card.
        let separator = " " + String(repeating: "─", count: 58)
        #expect(h.screen(width: 60, height: 16)[7...14] == [
            separator,
            " KH2  Kari Hansen  ☎ 91818294",
            " Refused 21.11 by siv: No ID with her",
            " Proxies: Ola Nordmann, Åse Ødegård",
            " Tracking             Slot   Carrier   Arrived Due",
            " 370224155001358802   A2     posten    20.11   4d left",
            " 370594040573678136   A2     posten    20.11   4d left",
            " maria │ Butik Kloster… 193 on shelf │ 18 due today │ 11:00",
        ])
        // With three more refusals not even one parcel row fits under the lines above them.
        try Self.refuseThreeMore(h)
        #expect(h.screen(width: 60, height: 16)[7...14] == [
            separator,
            " KH2  Kari Hansen  ☎ 91818294",
            " Refused 23.11 by per: Proxy without ID",
            " Refused 23.11 by per: Came with a copy of the ID",
            " Refused 23.11 by per: Name on the ID differs",
            " Proxies: Ola Nordmann, Åse Ødegård",
            " 2 parcels in A2 (a larger window lists them)",
            " maria │ Butik Kloster… 193 on shelf │ 18 due today │ 11:00",
        ])
    }

    @Test func aNarrowWindowLeavesTheDeadlineDateOut() throws {
        let h = try Harness()
        h.type("KH2")
        let lines = h.screen(width: 60, height: 30)
        let row = try #require(lines.firstIndex { $0.hasPrefix(" Tracking") })
        #expect(lines[row] == " Tracking             Slot   Carrier   Arrived Due")
        #expect(lines[row + 1].hasSuffix("A2     posten    20.11   4d left"))
    }
}
