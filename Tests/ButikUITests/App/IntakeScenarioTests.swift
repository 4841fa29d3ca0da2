import ButikDomain
import ButikRuntime
import ButikStore
@testable import ButikUI
import Foundation
import Testing

/// A clerk scanning in deliveries on F3, through the driver over a real store holding the
/// demo shop: each rule of the intake screen, with the screen's text and the store's state.
struct IntakeScenarioTests {
    /// New S10 numbers the demo shop has never seen.
    static let first = Harness.s10("11111111")
    static let second = Harness.s10("22222222")

    /// `code` with its check digit (the 11th character of an S10 number) off by one.
    static func misread(_ code: String) -> String {
        let index = code.index(code.startIndex, offsetBy: 10)
        let digit = (code[index].wholeNumberValue! + 1) % 10
        return String(code[..<index]) + "\(digit)" + String(code[code.index(after: index)...])
    }

    /// The first parcel of the demo shop that was handed out and whose number is not in the shop again.
    static func handedOutEarlier(_ h: Harness) throws -> Parcel {
        try #require(h.store.state.parcels.values.sorted { $0.id < $1.id }.first { parcel in
            if case .handedOut = parcel.status { return h.store.state.parcelInShop(parcel.tracking) == nil }
            return false
        })
    }

    /// Opens F3 and starts a delivery of the carrier `right` presses from the shown one.
    static func start(_ h: Harness, declared: String = "", right: Int = 0) {
        h.press(.function(3))
        for _ in 0..<right { h.press(.right) }
        if !declared.isEmpty { h.type(declared) }
        h.press(.enter)
    }

    /// Scans `code` and names the recipient `name` as a new customer.
    static func receive(_ h: Harness, _ code: String, name: String) {
        h.scan(code)
        h.type(name)
        // Past the (at most 6) suggestions to "new customer".
        for _ in 0..<6 { h.press(.down) }
        h.press(.enter)
    }

    func parcel(_ h: Harness, _ code: String) -> Parcel? {
        h.store.state.parcelInShop(TrackingNumber(code))
    }

    // MARK: Deliveries

    @Test func theCarrierChosenIsRememberedForTheNextDelivery() throws {
        let h = try Harness()
        Self.start(h, right: 2)
        #expect(h.screen()[2] == " Delivery: DHL · scanned 0")
        h.press(.function(8))
        #expect(h.screen()[2] == " New delivery.  Carrier: ◀ DHL ▶   Declared items: optional")
        h.press(.enter)
        #expect(h.screen()[2] == " Delivery: DHL · scanned 0")
        #expect(h.store.state.openDelivery(of: Harness.staff)?.carrier == "dhl")
    }

    @Test func theDeclaredCountShowsWhatIsToGoAndTheSummaryWarnsOnAMismatch() throws {
        let h = try Harness()
        Self.start(h, declared: "2")
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 0 of 2 declared (2 to go)")
        Self.receive(h, Self.first, name: "Ada Lovelace")
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 1 of 2 declared (1 to go)")
        h.press(.function(8))
        let lines = h.screen()
        #expect(lines[2] == " New delivery.  Carrier: ◀ PostNord ▶   Declared items: optional")
        #expect(lines[8...11] == [
            " Delivery ended: PostNord, 1 scanned",
            " Declared 2 but scanned 1: 1 fewer than declared.",
            " Per carrier: postnord 1",
            " On the floor: 0   Not announced by a manifest: 1",
        ])
    }

    @Test func moreThanDeclaredIsOverAndEqualCountsMatch() throws {
        let h = try Harness()
        Self.start(h, declared: "1")
        Self.receive(h, Self.first, name: "Ada Lovelace")
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 1 of 1 declared ✓")
        Self.receive(h, Self.second, name: "Ada Lovelace")
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 2 of 1 declared (1 over)")
        h.press(.control("z"))
        h.press(.function(8))
        #expect(h.screen()[8...9] == [
            " Delivery ended: PostNord, 1 scanned",
            " Declared 1: the count matches.",
        ])
    }

    // MARK: Check digits

    @Test func aScannerMisreadBeepsAndIsRefused() throws {
        let h = try Harness()
        Self.start(h)
        _ = h.takeEffects()
        h.scan(Self.misread(Self.first))
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.intake.step == .scanning)
        #expect(h.screen()[5] == " Not received. Misread RR111111116NO: check digit 6 should be 5. Scan it again.")
        #expect(parcel(h, Self.misread(Self.first)) == nil)
    }

    @Test func aTypedWrongCheckDigitAsksAndYesAcceptsItOnPurpose() throws {
        let h = try Harness()
        Self.start(h)
        _ = h.takeEffects()
        h.type(Self.misread(Self.first))
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        let lines = h.screen(width: 160)
        #expect(lines[4] == " y: receive it anyway   n: do not")
        #expect(lines[5] == " RR111111116NO looks like a UPU S10 number but its check digit is 6; it should be 5."
                + " Check the code, or accept it on purpose.")
        h.press(.character("y"))
        h.type("Ada Lovelace")
        h.press(.enter)
        let received = try #require(parcel(h, Self.misread(Self.first)))
        #expect(received.checkDigit == .overridden)
        #expect(h.screen(width: 120)[13]
                == " AL → \(received.slot)  ·  Ada Lovelace (new customer)  ·  RR111111116NO  ·  keep until 30.11.2026  ·  check digit overridden")
    }

    @Test func aTypedWrongCheckDigitAndNoReceivesNothing() throws {
        let h = try Harness()
        Self.start(h)
        h.type(Self.misread(Self.first))
        h.press(.enter)
        h.press(.character("n"))
        #expect(h.state.intake.step == .scanning)
        #expect(h.screen()[4] == " Scan: scan, or type a tracking number and Enter")
        #expect(h.screen()[5] == " Not received.")
        #expect(parcel(h, Self.misread(Self.first)) == nil)
    }

    // MARK: Numbers seen before

    @Test func aParcelAlreadyOnTheShelfSaysWhereItIsAndReceivesNothing() throws {
        let h = try Harness()
        let count = h.store.state.parcels.count
        Self.start(h)
        h.scan(ScenarioTests.magnus)
        #expect(h.screen()[5] == " \(ScenarioTests.magnus) is already here: slot B3, key MJ.")
        #expect(h.state.intake.step == .scanning)
        #expect(h.store.state.parcels.count == count)
    }

    @Test func aParcelHandedOutEarlierAsksAndYesReceivesItAgain() throws {
        let h = try Harness()
        let gone = try Self.handedOutEarlier(h)
        Self.start(h)
        h.scan(gone.tracking.value)
        #expect(h.screen()[4] == " y: receive it anyway   n: do not")
        #expect(h.screen()[5] == " \(gone.tracking) was here before and is handed out. Receive it again? y/n")
        h.press(.character("y"))
        #expect(h.state.intake.step == .naming(try Tracking.parse(gone.tracking.value).get()))
        h.type("Ada Lovelace")
        h.press(.enter)
        let again = try #require(parcel(h, gone.tracking.value))
        #expect(again.id != gone.id)
    }

    @Test func aParcelHandedOutEarlierSuggestsItsPreviousRecipient() throws {
        let h = try Harness()
        let gone = try #require(h.store.state.parcels.values.sorted { $0.id < $1.id }.first { parcel in
            if case .handedOut = parcel.status { return h.store.state.parcelInShop(parcel.tracking) == nil }
            return false
        })
        let customer = try #require(h.store.state.customers[gone.customer])
        Self.start(h)
        h.scan(gone.tracking.value)
        h.press(.character("y"))
        #expect(h.state.intake.suggestions(h.state.context).map(\.id) == [customer.id])
        #expect(h.screen(width: 120).contains { $0.hasPrefix(" \(customer.key.value.padding(toLength: 6, withPad: " ", startingAt: 0)) \(customer.name) ") })
        h.press(.enter)
        let again = try #require(parcel(h, gone.tracking.value))
        #expect(again.id != gone.id)
        #expect(again.customer == customer.id, "received for whom it went to last time")
    }

    /// A number handed out long ago, which only the history knows: the intake asks the driver
    /// and goes on naming; the answer suggests whom it went to last time.
    @Test func aNumberOnlyTheHistoryKnowsSuggestsItsPreviousRecipient() throws {
        var gone: Parcel?
        let h = try Harness(reopened: true) { store in
            let newest = try #require(store.state.lastRecordAt)
            gone = store.state.parcels.values.sorted { $0.id < $1.id }.first { parcel in
                guard case .handedOut(let handOut) = parcel.status else { return false }
                return newest.timeIntervalSince(handOut.at) > 3 * 86_400 && store.state.parcelInShop(parcel.tracking) == nil
            }
        }
        let old = try #require(gone)
        #expect(h.store.state.latestParcel(old.tracking) == nil, "only the history knows it")
        let customer = try #require(h.store.state.customers[old.customer])
        Self.start(h)
        h.scan(old.tracking.value)
        #expect(h.state.intake.step == .naming(try Tracking.parse(old.tracking.value).get()))
        #expect(h.state.intake.suggestions(h.state.context).map(\.id) == [customer.id])
        #expect(h.screen(width: 120).contains { $0.hasPrefix(" \(customer.key.value.padding(toLength: 6, withPad: " ", startingAt: 0)) \(customer.name) ") })
        h.press(.enter)
        let again = try #require(parcel(h, old.tracking.value))
        #expect(again.customer == customer.id, "received for whom it went to last time")
    }

    /// The history cannot be read: the intake says so and names the parcel as any other.
    @Test func anUnreadableHistoryIsSaidAndTheIntakeGoesOn() throws {
        let h = try Harness()
        let finish = h.prepareHistoryUntilReleased()
        defer { finish() }
        Self.start(h)
        h.scan(Self.first)
        #expect(h.state.intake.step == .naming(try Tracking.parse(Self.first).get()))
        #expect(h.screen(width: 200).contains { $0.contains(h.state.context.words.text(AppDriver.historyBeingPrepared)) })
        #expect(h.state.counter.past == nil, "the counter did not take the answer")
        h.type("Ada Lovelace")
        for _ in 0..<h.state.intake.suggestions(h.state.context).count { h.press(.down) }
        h.press(.enter)
        #expect(parcel(h, Self.first) != nil, "nothing was lost")
    }

    @Test func aNewCustomersPhoneIsTheNumberAfterTheName() throws {
        let h = try Harness()
        Self.start(h)
        h.scan(Self.first)
        h.type("Ada Lovelace 912 34 567")
        let choices = h.state.intake.suggestions(h.state.context).count
        for _ in 0..<choices { h.press(.down) }
        h.press(.enter)
        let received = try #require(parcel(h, Self.first))
        let customer = try #require(h.store.state.customers[received.customer])
        #expect(customer.name == "Ada Lovelace")
        #expect(customer.phones == ["91234567"])
    }

    // MARK: Recipients

    @Test func aParcelAnnouncedByAManifestCompletesAtOnceWithItsName() throws {
        let h = try Harness { store in
            let parsed = try Manifest.parse(text: "tracking;name;phone\n\(Self.first);Østby, Anne-Marie;91234567\n", layout: store.layout)
            _ = try store.perform(staff: "siv", now: Harness.now) { state, context in state.expect(parsed.entries, context) }
        }
        Self.start(h)
        h.scan(Self.first)
        let received = try #require(parcel(h, Self.first))
        #expect(received.recipientName == "Anne-Marie Østby")
        #expect(received.preAdvised == true)
        #expect(h.state.intake.step == .scanning)
        #expect(received.key == "AMØ")
        #expect(h.screen(width: 120)[13] == " AMØ → \(received.slot)  ·  Anne-Marie Østby (new customer)  ·  \(Self.first)  ·  keep until 30.11.2026")
    }

    @Test func aNewNameCreatesACustomerWithTheInitialsKey() throws {
        let h = try Harness()
        Self.start(h)
        h.scan(Self.first)
        h.type("Ada Lovelace")
        #expect(h.screen()[4].hasPrefix(" Name for \(Self.first): Ada Lovelace"))
        #expect(h.screen(width: 120)[8] == " +      new customer: Ada Lovelace")
        h.press(.enter)
        let received = try #require(parcel(h, Self.first))
        let customer = try #require(h.store.state.customers[received.customer])
        #expect(customer.name == "Ada Lovelace")
        #expect(customer.key == "AL")
        #expect(h.screen(width: 120)[13] == " AL → \(received.slot)  ·  Ada Lovelace (new customer)  ·  \(Self.first)  ·  keep until 30.11.2026")
    }

    @Test func typingAKeyPicksTheRegularAndShowsHerNote() throws {
        let h = try Harness()
        Self.start(h)
        h.scan(Self.first)
        h.type("JEDS")
        #expect(h.screen()[8].hasPrefix(" JEDS   Janne Eline Dahl Solberg"))
        h.press(.enter)
        let received = try #require(parcel(h, Self.first))
        #expect(received.key == "JEDS")
        let lines = h.screen(width: 120)
        #expect(lines[13] == " JEDS → \(received.slot)  ·  Janne Eline Dahl Solberg  ·  \(Self.first)  ·  keep until 30.11.2026")
        #expect(lines[14] == " Note: Comes by Vespa, have the parcels ready at the door")
    }

    @Test func aParcelForACustomerWithAnOpenCaseSaysSo() throws {
        let h = try Harness()
        let kari = try #require(h.store.state.customer(withKey: "KARI"))
        try h.store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
            try state.openCase(NewCase(customer: kari.id, kind: .claim(.late), text: "Waiting since Monday"), context)
        }
        let opened = try #require(h.store.state.openCustomerCases(kari.id).last)
        Self.start(h)
        h.scan(Self.first)
        h.type("KARI")
        h.press(.enter)
        #expect(h.screen(width: 120).contains(" KARI has an open case: claim, \(opened.id)."), "\(h.screen(width: 120))")
    }

    // MARK: Large parcels

    @Test func f9SendsAParcelToALargeSlot() throws {
        let h = try Harness()
        Self.start(h)
        h.press(.function(9))
        #expect(h.screen()[4].hasSuffix(" LARGE"))
        Self.receive(h, Self.first, name: "Ada Lovelace")
        let received = try #require(parcel(h, Self.first))
        #expect(received.size == .large)
        #expect(received.slot.value.hasPrefix("G"))
        #expect(h.screen()[5] == "")
        #expect(h.screen()[13].hasPrefix(" AL → \(received.slot) (large)  ·  "))
        #expect(h.state.intake.size == .small, "the next parcel is small again")
    }

    @Test func f9WithNoLargeSlotFreePutsTheParcelOnTheFloorAndSaysSo() throws {
        let h = try Harness { store in
            // Fill the large slots.
            var serial = 50_000_000
            while true {
                let customer = try store.addCustomer(NewCustomer(name: "Filler \(serial)"))
                let parsed = try Tracking.parse(Harness.s10(String(serial))).get()
                let received = try store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
                    try state.receive(ReceiveRequest(tracking: parsed, recipient: .customer(customer.id), size: .large), context)
                }
                serial += 1
                if received.overflow != nil { break }
            }
        }
        Self.start(h)
        h.scan(Self.first)
        h.press(.function(9))
        #expect(h.screen()[4].hasSuffix(" LARGE"))
        h.type("Ada Lovelace")
        for _ in 0..<6 { h.press(.down) }
        h.press(.enter)
        let received = try #require(parcel(h, Self.first))
        #expect(received.slot.value == "FLOOR")
        #expect(h.screen()[5] == " Large parcel: put it on the floor (FLOOR).")
    }

    // MARK: Undo and cancelling

    @Test func ctrlZUndoesTheLastIntake() throws {
        let h = try Harness()
        Self.start(h, declared: "2")
        Self.receive(h, Self.first, name: "Ada Lovelace")
        let received = try #require(parcel(h, Self.first))
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 1 of 2 declared (1 to go)")
        h.press(.control("z"))
        #expect(parcel(h, Self.first) == nil)
        #expect(h.store.state.parcels[received.id] == nil)
        let lines = h.screen()
        #expect(lines[2] == " Delivery: PostNord · scanned 0 of 2 declared (2 to go)")
        #expect(lines[5] == " Undone: \(Self.first) is no longer received. Take it off \(received.slot).")
        _ = h.takeEffects()
        h.press(.control("z"))
        #expect(h.screen()[5] == " Nothing to undo in this delivery.")
        #expect(h.takeEffects() == [.beep])
    }

    @Test func escWhileNamingCancels() throws {
        let h = try Harness()
        Self.start(h)
        h.scan(Self.first)
        h.type("Ada")
        h.press(.function(9))
        #expect(h.screen()[4].hasSuffix(" LARGE"))
        h.press(.escape)
        #expect(h.state.intake.size == .small, "the large mark belonged to the cancelled parcel")
        #expect(h.state.intake.step == .scanning)
        #expect(h.screen()[4] == " Scan: scan, or type a tracking number and Enter")
        #expect(h.screen()[5] == " \(Self.first) was not received.")
        #expect(parcel(h, Self.first) == nil)
    }

    @Test func aScanWhileNamingAbandonsTheUnnamedParcelWithAMessage() throws {
        let h = try Harness()
        Self.start(h)
        h.scan(Self.first)
        h.type("Ada")
        h.scan(Self.second)
        #expect(h.state.intake.step == .naming(try Tracking.parse(Self.second).get()))
        let lines = h.screen()
        #expect(lines[4] == " Name for \(Self.second): name, key or phone                              small")
        #expect(lines[5] == " \(Self.first) was not received: no name was given before the next scan.")
        #expect(parcel(h, Self.first) == nil)
    }

    @Test func aScanOfAnAnnouncedParcelWhileNamingStillSaysTheUnnamedOneWasAbandoned() throws {
        let h = try Harness { store in
            let parsed = try Manifest.parse(text: "tracking;name\n\(Self.second);Anne-Marie Østby\n", layout: store.layout)
            _ = try store.perform(staff: "siv", now: Harness.now) { state, context in state.expect(parsed.entries, context) }
        }
        Self.start(h)
        h.scan(Self.first)
        h.scan(Self.second)
        #expect(parcel(h, Self.second)?.recipientName == "Anne-Marie Østby")
        #expect(h.screen()[5] == " \(Self.first) was not received: no name was given before the next scan.")
    }
}
