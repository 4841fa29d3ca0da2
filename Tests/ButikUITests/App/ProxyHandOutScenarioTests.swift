import ButikDomain
import ButikStore
import Foundation
import Testing
@testable import ButikUI

/// A proxy collecting at the counter: a registered one picked by number, anybody else typed
/// and flagged; both give a note of their own ID.
@Suite struct ProxyHandOutScenarioTests {
    /// The demo shop with Ola Nordmann and Åse Ødegård registered as Kari Hansen's (KH2) proxies.
    static func shopWithProxies() throws -> Harness {
        try Harness(setUp: authoriseKarisProxies)
    }

    /// Registers Ola Nordmann and Åse Ødegård as Kari Hansen's (KH2) proxies.
    static func authoriseKarisProxies(_ store: ShopStore) throws {
        let kari = try #require(store.state.customer(withKey: "KH2"))
        for name in ["Ola Nordmann", "Åse Ødegård"] {
            _ = try store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
                try state.authoriseProxy(name, for: kari.id, context)
            }
        }
    }

    @Test func aRegisteredProxyIsPickedByNumber() throws {
        let h = try Self.shopWithProxies()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("4")
        #expect(h.screen()[top + 2] == " Proxy's name: the proxy's full name, as on their ID")
        #expect(h.screen()[top + 3] == " Registered proxies, press the number:  1 Ola Nordmann   2 Åse Ødegård")
        h.type("3")
        // There is no third proxy: the key is not in the step's table, and a name has no digits.
        #expect(h.takeEffects() == [])
        #expect(h.state.counter.handOut?.proxyField.text == "")
        h.type("2")
        #expect(h.state.counter.handOut?.step == .proxyID)
        #expect(h.screen()[top + 3] == " Åse Ødegård is a registered proxy for KH2.")
        h.type("førerkort …4521")
        h.press(.enter)
        for parcel in parcels { h.scan(parcel.tracking.value) }
        let handOut = try #require(h.store.state.parcels[parcels[0].id]?.status.handOut)
        #expect(handOut.verification == .proxy)
        #expect(handOut.proxyName == "Åse Ødegård")
        #expect(handOut.proxyID == "førerkort …4521")
        #expect(h.screen(width: 120)[top] == " Handed out 2 parcels to Kari Hansen (proxy Åse Ødegård, førerkort …4521). Ctrl-Z undoes it.")
    }

    @Test func aTypedNameIsCheckedAgainstTheRegisteredOnes() throws {
        let h = try Self.shopWithProxies()
        _ = try HandOutScenarioTests.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("4")
        h.type("ola nordmann")
        h.press(.enter)
        #expect(h.screen()[top + 3] == " ola nordmann is a registered proxy for KH2.")
        h.press(.escape, .escape)

        _ = try HandOutScenarioTests.startForKariHansen(h)
        h.type("4")
        h.type("Per Hansen")
        h.press(.enter)
        #expect(h.screen()[top + 3] == " Per Hansen is not a registered proxy: check both IDs and note theirs.")
    }

    @Test func withoutRegisteredProxiesTheStepSaysSo() throws {
        let h = try Harness()
        _ = try HandOutScenarioTests.startForKariHansen(h)
        h.type("4")
        #expect(h.screen(width: 120)[h.counterDetailRow() + 3] == " KH2 has no registered proxies: type the name as on their ID; they show both IDs.")
        h.type("1")
        // No proxy to pick: the key is not in the step's table, and a name has no digits.
        #expect(h.takeEffects() == [])
        #expect(h.state.counter.handOut?.step == .proxyName)
        #expect(h.state.counter.handOut?.proxyField.text == "")
    }
}

extension ParcelStatus {
    /// The hand-out, when the parcel was handed out.
    var handOut: HandOut? {
        if case .handedOut(let handOut) = self { handOut } else { nil }
    }
}
