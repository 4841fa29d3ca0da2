import ButikDomain
import ButikGrid
import Foundation
import Testing
@testable import ButikUI

/// Handing parcels out at the counter: identity check, a scan of each parcel, a parcel of
/// somebody else refused loudly, undo.
@Suite struct HandOutScenarioTests {
    /// Opens a hand-out for the demo's Kari Hansen (key KH2, two parcels waiting).
    ///
    /// The hand-out's rows count from its ─── line, `h.counterDetailRow()`: + 1 who, + 2 the
    /// step's prompt, + 3 the last scan's result or a hint, + 4 the parcels' header, + 5 the
    /// first parcel. Once it ends, its notice takes the ─── line's place.
    static func startForKariHansen(_ h: Harness) throws -> (customer: Customer, parcels: [Parcel]) {
        let customer = try #require(h.store.state.customer(withKey: "KH2"))
        let parcels = h.store.state.parcelsInShop(for: customer.id).filter { $0.status == .waiting }
        #expect(parcels.count == 2)
        h.type("KH2")
        h.press(.enter)
        #expect(h.state.counter.handOut?.step == .verifying)
        let top = h.counterDetailRow()
        #expect(h.screen()[top] == " " + String(repeating: "─", count: 78))
        #expect(h.screen()[top + 1] == " Hand out to KH2  Kari Hansen: 2 parcels")
        return (customer, parcels)
    }

    static func status(_ h: Harness, _ parcel: Parcel) -> ParcelStatus? { h.store.state.parcels[parcel.id]?.status }

    @Test func eachParcelIsScannedAndAnotherCustomersParcelIsRefused() throws {
        let h = try Harness()
        let (_, parcels) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("3")
        #expect(h.screen()[top + 2].hasPrefix(" Scan each parcel (0 of 2)  ·  known regular"))
        h.scan(parcels[0].tracking.value)
        #expect(h.takeEffects() == [])
        #expect(h.screen()[top + 3] == " ✓ \(parcels[0].tracking) from \(parcels[0].slot): 1 of 2.")

        let other = try #require(h.store.state.parcelsInShop.first { $0.key == "JEDS" && $0.status == .waiting })
        h.scan(other.tracking.value)
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen(width: 160)[top + 3] == " STOP: \(other.tracking) is not Kari Hansen's parcel. It is for JEDS (Janne Eline Dahl Solberg), slot \(other.slot). Put it back.")
        #expect(h.frame().styleMask[top + 3].hasPrefix(".$$$$"), "the refusal stands out in reverse danger")
        #expect(Self.status(h, other) == .waiting)

        h.scan(parcels[1].tracking.value)
        #expect(h.state.counter.handOut == nil)
        for parcel in parcels {
            guard case .handedOut(let handOut)? = Self.status(h, parcel) else {
                Issue.record("\(parcel.tracking) was not handed out")
                continue
            }
            #expect(handOut.verification == .known)
            #expect(handOut.staff == "maria")
        }
        #expect(h.screen()[top] == " Handed out 2 parcels to Kari Hansen (known regular). Ctrl-Z undoes it.")

        h.press(.control("z"))
        #expect(parcels.allSatisfy { Self.status(h, $0) == .waiting })
        #expect(h.screen()[top].hasPrefix(" Undone: 2 parcels are waiting again in "))
    }

    /// The rule of `butik handout`: a parcel already in the outbound area still goes to its late customer.
    @Test func aLateCustomerCollectsAParcelFromTheOutboundArea() throws {
        let h = try Harness()
        let kari = try #require(h.store.state.customer(withKey: "KH2"))
        let late = try #require(h.store.state.parcelsInShop(for: kari.id).first)
        _ = try h.store.perform(staff: "siv", now: h.now) { state, context throws(DomainError) in
            try state.returnToSender(late.id, context)
        }
        h.wait(1.5)
        h.type("KH2")
        h.press(.enter)
        let flow = try #require(h.state.counter.handOut)
        #expect(flow.parcels.count == 2)
        #expect(flow.parcels.last == late.id, "fetched last, from \(h.store.layout.outboundID)")
        #expect(h.screen()[h.counterDetailRow() + 6].contains(" OUT "))
        h.type("1")
        for id in flow.parcels { h.scan(h.store.state.parcels[id]!.tracking.value) }
        #expect(h.store.state.parcels[late.id]?.status.kind == .handedOut)
    }

    @Test func aScanBeforeTheIdentityCheckIsRefusedAndChangesNothing() throws {
        let h = try Harness()
        let (_, parcels) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.scan(parcels[0].tracking.value)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.counter.field.text == "KH2", "the search stays on the customer")
        #expect(h.state.counter.handOut?.step == .verifying)
        #expect(h.state.counter.handOut?.scanned.isEmpty == true)
        #expect(h.screen(width: 120)[top + 3] == " Finish the identity check first, then scan \(parcels[0].tracking) (Esc cancels the hand-out).")
        h.type("1")
        #expect(h.state.counter.handOut?.step == .scanning)
        h.scan(parcels[1].tracking.value)
        #expect(h.state.counter.handOut?.scanned == [parcels[1].id])
    }

    @Test func aProxyGivesTheirNameThenANoteOfTheirID() throws {
        let h = try Harness()
        let (_, parcels) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("4")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep], "a proxy without a name is not enough")
        h.type("Per Hansen")
        h.press(.enter)
        #expect(h.screen()[top + 2] == " Proxy's ID: the kind of ID and its last digits, like førerkort …4521")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep], "nor is a proxy without a note of their ID")
        h.type("pass …1234")
        h.press(.enter)
        #expect(h.screen()[top + 2].hasPrefix(" Scan each parcel (0 of 2)  ·  proxy Per Hansen, pass …1234"))
        for parcel in parcels { h.scan(parcel.tracking.value) }
        guard case .handedOut(let handOut)? = Self.status(h, parcels[0]) else {
            Issue.record("not handed out")
            return
        }
        #expect(handOut.verification == .proxy)
        #expect(handOut.proxyName == "Per Hansen")
        #expect(handOut.proxyID == "pass …1234")
        #expect(h.screen(width: 120)[top]
            == " Handed out 2 parcels to Kari Hansen (proxy Per Hansen, pass …1234, not a registered proxy). Ctrl-Z undoes it.")
    }

    @Test func enterWithSomeUnscannedAsksThenHandsOutOnlyTheScanned() throws {
        let h = try Harness()
        let (_, parcels) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("1")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep], "nothing scanned yet")
        h.scan(parcels[1].tracking.value)
        h.press(.enter)
        #expect(h.screen()[top + 3] == " Only 1 of 2 scanned. Enter again hands out just those; Esc cancels.")
        #expect(Self.status(h, parcels[1]) == .waiting)
        h.press(.enter)
        #expect(Self.status(h, parcels[0]) == .waiting)
        if case .handedOut? = Self.status(h, parcels[1]) {} else { Issue.record("the scanned parcel should be handed out") }
    }

    @Test func aRefusalIsNotedInTheCustomersLogInTwoKeys() throws {
        let h = try Harness()
        let (customer, parcels) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.press(.control("r"))
        #expect(h.screen(width: 120)[top + 2] == " Refused because: \(HandOutFlow.defaultRefusal(.english))")
        h.press(.enter)
        let log = h.store.state.log(of: customer.id)
        #expect(log.map(\.text) == [HandOutFlow.defaultRefusal(.english)])
        #expect(log.first?.staff == "maria")
        #expect(log.first?.parcels == parcels.map(\.tracking))
        #expect(parcels.allSatisfy { Self.status(h, $0) == .waiting }, "nothing was handed out")
        #expect(h.state.counter.handOut == nil)
        #expect(h.screen(width: 140)[top] == " Refused and noted in Kari Hansen's log: \(HandOutFlow.defaultRefusal(.english))")
    }

    /// The usual reason is a suggestion: typing replaces it, it is never joined to what is typed.
    @Test func aTypedReasonReplacesTheSuggestedOne() throws {
        let h = try Harness()
        let (customer, _) = try Self.startForKariHansen(h)
        h.press(.control("r"))
        h.type("Came without ID")
        #expect(h.screen(width: 120)[h.counterDetailRow() + 2] == " Refused because: Came without ID")
        h.press(.enter)
        #expect(h.store.state.log(of: customer.id).map(\.text) == ["Came without ID"])
    }

    /// A proxy sent away is named in the log, the notice and the card; a refusal of the
    /// customer themself names nobody.
    @Test func aRefusedProxyIsNamed() throws {
        let h = try ProxyHandOutScenarioTests.shopWithProxies()
        let (customer, _) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("4")
        h.type("Per Hansen")
        h.press(.enter)
        #expect(h.state.counter.handOut?.step == .proxyID)
        h.press(.control("r"))
        h.type("No fullmakt")
        h.press(.enter)
        #expect(h.store.state.log(of: customer.id).last?.proxyName == "Per Hansen")
        #expect(h.screen(width: 140)[top] == " Refused proxy Per Hansen and noted in Kari Hansen's log: No fullmakt")

        h.press(.escape)
        h.type("KH2")
        h.press(.enter)
        h.type("4")
        h.type("1")
        h.press(.control("r"))
        h.press(.enter)
        #expect(h.store.state.log(of: customer.id).last?.proxyName == "Ola Nordmann", "a registered proxy picked by number")

        h.press(.escape)
        h.type("KH2")
        h.press(.enter)
        h.press(.control("r"))
        h.press(.enter)
        #expect(h.store.state.log(of: customer.id).last?.proxyName == nil)
        h.press(.escape)
        h.type("KH2")
        #expect(h.screen(width: 140).contains { $0.contains("Refused 23.11 by maria, proxy Ola Nordmann: \(HandOutFlow.defaultRefusal(.english))") })
    }

    @Test func enterWithoutScansHandsOutOnlyWhereTheShopAllowsIt() throws {
        let allowing = Harness.layoutJSON.replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1, \"handOutWithoutScan\": true,")
        #expect(allowing != Harness.layoutJSON)
        let h = try Harness(layout: allowing)
        let (_, parcels) = try Self.startForKariHansen(h)
        h.type("3")
        h.press(.enter)
        #expect(parcels.allSatisfy { if case .handedOut? = Self.status(h, $0) { true } else { false } })

        let strict = try Harness()
        let (_, others) = try Self.startForKariHansen(strict)
        strict.type("3")
        strict.press(.enter)
        #expect(strict.takeEffects() == [.beep])
        #expect(others.allSatisfy { Self.status(strict, $0) == .waiting })
    }

    @Test func escCancelsAndNothingIsHandedOut() throws {
        let h = try Harness()
        let (_, parcels) = try Self.startForKariHansen(h)
        let top = h.counterDetailRow()
        h.type("3")
        h.scan(parcels[0].tracking.value)
        h.press(.escape)
        #expect(h.state.counter.handOut == nil)
        #expect(parcels.allSatisfy { Self.status(h, $0) == .waiting })
        #expect(h.screen()[top] == " Hand-out cancelled; nothing was handed out.")
        // Outside a hand-out a scan is a search again.
        h.scan(parcels[0].tracking.value)
        #expect(h.state.counter.field.text == parcels[0].tracking.value)
    }
}
