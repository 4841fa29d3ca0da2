import ButikDomain
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
            try store.perform(staff: "siv", now: Harness.now.addingTimeInterval(-2 * 86_400)) { state, context throws(DomainError) in
                try state.refuseHandOut(kari.id, parcels: [], reason: "No ID with her", context)
            }
        }
    }

    @Test func theCardShowsTheRefusalProxiesAndWhenEachParcelArrived() throws {
        let h = try Self.shop()
        h.type("KH2")
        let parcels = h.store.state.parcelsInShop(for: try #require(h.store.state.customer(withKey: "KH2")).id)
        #expect(parcels.map { Day($0.receivedAt, in: h.store.layout.zone) } == [Day(iso: "2026-11-20")!, Day(iso: "2026-11-20")!])
        #expect(h.screen()[14...20] == [
            " KH2  Kari Hansen  ☎ 91818294",
            " Refused 21.11 by siv: No ID with her",
            " Proxies: Ola Nordmann, Åse Ødegård",
            " Tracking             Slot   Carrier   Arrived Due",
            " \(parcels[0].tracking)   A2     posten    20.11   4d left (27.11)",
            " \(parcels[1].tracking)   A2     posten    20.11   4d left (27.11)",
            "",
        ])
        #expect(h.frame().styleMask[15].dropFirst().hasPrefix("ddddddd"), "a refusal stands out in the danger colour")
    }

    @Test func theNewestThreeLogEntriesComeFirst() throws {
        let h = try Self.shop()
        let kari = try #require(h.store.state.customer(withKey: "KH2"))
        for (n, reason) in ["Name on the ID differs", "Came with a copy of the ID", "Proxy without ID"].enumerated() {
            try h.store.perform(staff: "per", now: Harness.now.addingTimeInterval(Double(n - 3) * 3600)) { state, context throws(DomainError) in
                try state.refuseHandOut(kari.id, parcels: [], reason: reason, context)
            }
        }
        h.wait(1.5)
        h.type("KH2")
        #expect(h.screen()[15...18] == [
            " Refused 23.11 by per: Proxy without ID",
            " Refused 23.11 by per: Came with a copy of the ID",
            " Refused 23.11 by per: Name on the ID differs",
            " Proxies: Ola Nordmann, Åse Ødegård",
        ])
        #expect(h.screen()[19] == " Tracking             Slot   Carrier   Arrived Due")
    }

    @Test func aSmallWindowSumsTheParcelsUpInOneLine() throws {
        let h = try Self.shop()
        h.type("KH2")
        let lines = h.screen(width: 60, height: 16)
        #expect(lines[9...13] == [
            " " + String(repeating: "─", count: 58),
            " KH2  Kari Hansen  ☎ 91818294",
            " Refused 21.11 by siv: No ID with her",
            " Proxies: Ola Nordmann, Åse Ødegård",
            " 2 parcels in A2 (a larger window lists them)",
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
