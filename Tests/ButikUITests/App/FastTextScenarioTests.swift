import ButikDomain
import ButikGrid
import Foundation
import Testing
@testable import ButikUI

/// Text typed as fast as a scanner types, or pasted, ending in Enter: in a prompt for text (a
/// proxy's name, the note of their ID, a pickup code, a reason, a manifest's path) it is text
/// and Enter answers the prompt; where a scan means something, a burst that is no tracking
/// number is put into the field as typed. Never taken for a scan and lost.
@Suite struct FastTextScenarioTests {
    @Test func aPastedProxyNameAndIDNoteAreTypedAndEnterAnswers() throws {
        let h = try ProxyHandOutScenarioTests.shopWithProxies()
        _ = try HandOutScenarioTests.startForKariHansen(h)
        h.type("4")
        #expect(h.state.counter.handOut?.step == .proxyName)
        h.paste("Per Hansen", enter: true)
        #expect(h.takeEffects() == [])
        #expect(h.state.counter.handOut?.proxyField.text == "Per Hansen")
        #expect(h.state.counter.handOut?.step == .proxyID, "Enter named the proxy")
        h.paste("ID: pass 1234", enter: true)
        #expect(h.state.counter.handOut?.proxyIDField.text == "ID: pass 1234")
        #expect(h.state.counter.handOut?.step == .scanning, "Enter noted the ID")
    }

    @Test func aPickupCodeTypedFastIsGiven() throws {
        let number = Harness.s10("47114711")
        let h = try Harness(demo: false) { store in
            let aase = try store.addCustomer(NewCustomer(name: "Åse Ødegård"))
            let parsed = try Tracking.parse(number).get()
            _ = try store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
                try state.receive(ReceiveRequest(tracking: parsed, recipient: .customer(aase.id), carrier: "postnord",
                                                 pickupCode: "471147"), context)
            }
        }
        h.type("ÅØ")
        h.press(.enter)
        h.type("2")
        h.paste("471147", enter: true)
        #expect(h.takeEffects() == [])
        #expect(h.state.counter.handOut?.step == .scanning, "the code was given")
        #expect(h.state.counter.handOut?.selected.count == 1)
    }

    @Test func aPastedReasonIsNoted() throws {
        let h = try Harness()
        let (customer, _) = try HandOutScenarioTests.startForKariHansen(h)
        h.press(.control("r"))
        h.paste("Came without ID", enter: true)
        #expect(h.state.counter.handOut == nil, "Enter noted the refusal")
        #expect(h.store.state.log(of: customer.id).last?.text == "Came without ID")
    }

    @Test func aPastedManifestPathIsImported() throws {
        let h = try Harness()
        IntakeScenarioTests.start(h)
        h.press(.control("o"))
        h.paste("/nowhere/manifest.csv", enter: true)
        #expect(h.state.intake.importField == nil, "Enter imported it")
        #expect(h.screen(width: 200).joined().contains("/nowhere/manifest.csv"), "the failure names the file")
    }

    /// The name prompt takes scans (the next parcel): a burst that is no tracking number is the
    /// name, put into the field; the parcel still waits for Enter.
    @Test func aPastedNameGoesIntoTheIntakesNameField() throws {
        let h = try Harness()
        IntakeScenarioTests.start(h)
        h.scan(IntakeScenarioTests.first)
        h.paste("Ada Lovelace 912 34 567", enter: true)
        #expect(h.state.intake.nameField.text == "Ada Lovelace 912 34 567")
        #expect(h.state.intake.step == .naming(try Tracking.parse(IntakeScenarioTests.first).get()), "the parcel still waits for its name")
        let choices = h.state.intake.suggestions(h.state.context).count
        for _ in 0..<choices { h.press(.down) }
        h.press(.enter)
        let received = try #require(h.store.state.parcelInShop(TrackingNumber(IntakeScenarioTests.first)))
        #expect(h.store.state.customers[received.customer]?.name == "Ada Lovelace")
    }

    /// The counter's search takes scans: a burst that is no tracking number is a search.
    @Test func aPastedNameGoesIntoTheCountersSearch() throws {
        let h = try Harness()
        h.paste("Kari Hansen", enter: true)
        #expect(h.state.counter.field.text == "Kari Hansen")
        #expect(h.screen().contains { $0.hasPrefix(" KH2    Kari Hansen ") })
    }

    /// A misread (a known format, its check digit wrong) is a scan that says so, not text.
    @Test func aMisreadScanInTheSearchIsStillABadScan() throws {
        let h = try Harness()
        h.scan("RB123456786US")
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.counter.field.text == "")
        #expect(h.screen()[22] == " Bad scan. Misread RB123456786US: check digit 6 should be 5. Scan it again.")
    }

    @Test func aScanWhileNamingIsStillTheNextParcel() throws {
        let h = try Harness()
        IntakeScenarioTests.start(h)
        h.scan(IntakeScenarioTests.first)
        h.scan(IntakeScenarioTests.second)
        #expect(h.state.intake.step == .naming(try Tracking.parse(IntakeScenarioTests.second).get()))
        #expect(h.state.intake.nameField.text == "")
    }

    /// A real scan still is one where scans mean something.
    @Test func aScanStillConfirmsAParcelDuringTheHandOut() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        h.type("1")
        h.scan(parcels[0].tracking.value)
        #expect(h.state.counter.handOut?.scanned == [parcels[0].id])
    }

    @Test func theQueuesSearchTimeAndNoteTypedFastAreTextAndEnterAnswers() throws {
        let h = try Harness()
        h.press(.function(5), .character("a"))
        h.paste("Kari Hansen", enter: true)
        #expect(h.takeEffects() == [])
        guard case .announce = h.state.queue.prompt?.purpose else {
            Issue.record("Enter chose the customer found: \(String(describing: h.state.queue.prompt?.purpose))")
            return
        }
        h.paste("9.15 rød jakke", enter: true)
        let entry = try #require(try QueueScenarioTests.entry(h, "KH2"))
        #expect(entry.announcedFor.map { LocalTime.minute($0, in: h.store.layout.zone) } == "09:15")
        #expect(entry.note == "rød jakke")
    }
}
