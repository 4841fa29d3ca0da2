import ButikDomain
import ButikGrid
import ButikRuntime
import ButikStore
import ButikUI
import Foundation
import Testing

/// A clerk at the counter: keys typed and codes scanned through the driver, over a real store
/// holding the demo shop.
struct ScenarioTests {
    static let status80 = SnapshotTests.status80

    /// A demo parcel: Magnus Johansen's, in B3.
    static let magnus = "370715782711122712"

    @Test func aNameFragmentWithNordicLettersFindsTheCustomerAndTheirParcels() throws {
        var parcels: [Parcel] = []
        let h = try Harness { store in
            let aase = try store.addCustomer(NewCustomer(name: "Åse Ødegård", phones: ["98765432"], note: "Ring the bell"))
            let henrik = try store.addCustomer(NewCustomer(name: "Henrik Schjønningsen", phones: ["40506070"]))
            parcels.append(try store.receive(Harness.s10("22222222"), for: aase.id))
            parcels.append(try store.receive(Harness.s10("33333333"), for: aase.id, carrier: "postnord"))
            parcels.append(try store.receive("TBA123456789012", for: henrik.id, carrier: "amazon"))
        }
        let slot = parcels[0].slot.value
        #expect(parcels[1].slot.value == slot)

        h.type("ødeg")
        #expect(h.state.counter.field.text == "ødeg")
        var lines = h.screen()
        #expect(lines[2] == " Find: ødeg")
        #expect(lines[5] == " ÅØ     Åse Ødegård                               \(slot.padding(toLength: 13, withPad: " ", startingAt: 0))2 waiting")
        #expect(lines[6] == "")
        #expect(lines[7...13] == [
            " " + String(repeating: "─", count: 78),
            " ÅØ  Åse Ødegård  ☎ 98765432",
            " Note: Ring the bell",
            " Tracking             Slot   Carrier   Arrived Due",
            " \(Harness.s10("22222222"))        \(slot.padding(toLength: 7, withPad: " ", startingAt: 0))posten    23.11   7d left (30.11)",
            " \(Harness.s10("33333333"))        \(slot.padding(toLength: 7, withPad: " ", startingAt: 0))postnord  23.11   7d left (30.11)",
            "",
        ])
        #expect(h.takeEffects() == [])

        // Without the Nordic letter, and in any case.
        h.press(.escape)
        #expect(h.screen()[2] == " Find: key, name, phone, pickup code or tracking number")
        h.type("SCHJONNINGSEN")
        lines = h.screen()
        let henrikSlot = parcels[2].slot.value
        #expect(lines[5] == " HS     Henrik Schjønningsen                      \(henrikSlot.padding(toLength: 13, withPad: " ", startingAt: 0))1 waiting")
        #expect(lines[8] == " HS  Henrik Schjønningsen  ☎ 40506070")
        #expect(lines[10] == " TBA123456789012      \(henrikSlot.padding(toLength: 7, withPad: " ", startingAt: 0))amazon    23.11   14d left (07.12)")
    }

    /// The Counter card says what the shop promised the customer: each open case under the note,
    /// an overdue follow-up in red; a resolved case is gone from it.
    @Test func theCounterCardShowsTheCustomersOpenCases() throws {
        let h = try Harness(demo: false) { store in
            let aase = try store.addCustomer(NewCustomer(name: "Åse Ødegård", phones: ["98765432"], note: "Ring the bell"))
            try store.receive(Harness.s10("22222222"), for: aase.id)
        }
        let aase = try #require(h.store.state.customer(withKey: "ÅØ"))
        let late = Day(year: 2026, month: 11, day: 20)
        // Opened five days ago, to be followed up two days ago.
        let opened = try h.store.perform(staff: "siv", now: Harness.now.addingTimeInterval(-5 * 86_400)) { state, context throws(DomainError) in
            try state.openCase(NewCase(customer: aase.id, kind: .claim(.missing), followUp: late, text: "One of two boxes missing"), context)
        }
        try h.store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
            try state.openCase(NewCase(customer: aase.id, kind: .question, text: "Asks about opening hours"), context)
        }
        h.wait(1)
        h.type("ødeg")
        var lines = h.screen()
        #expect(lines[8...11] == [" ÅØ  Åse Ødegård  ☎ 98765432", " Note: Ring the bell",
                                  " Case #1 claim: missing, open, follow-up OVERDUE since 20.11",
                                  " Case #2 question, open"])
        #expect(h.frame()[10, 1].style == Notice.style(.error))
        try h.store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
            try state.updateCase(opened.id, CaseChange(status: .resolved, text: "Found in the back room"), context)
        }
        h.wait(1)
        lines = h.screen()
        #expect(lines[10] == " Case #2 question, open")
        #expect(lines[11] == " Tracking             Slot   Carrier   Arrived Due")
    }

    @Test func arrowsOnTheCounterShowTheSelectedHit() throws {
        let h = try Harness()
        h.type("kari")
        h.press(.down, .down)
        let lines = h.screen()
        let top = h.counterDetailRow()
        #expect(lines[top + 1] == " KD  Kari Dahl  ☎ 48145030")
        #expect(lines[top + 2] == " Tracking             Slot   Carrier   Arrived Due")
        #expect(h.frame().styleMask[7] == "." + String(repeating: "s", count: 78) + ".")
        // A parcel hit shows the parcel.
        h.press(.escape)
        h.type("2711122712")
        #expect(h.screen()[5] == " MJ     \(Self.magnus)                        B3           4d left")
        let parcelTop = h.counterDetailRow()
        #expect(h.screen()[(parcelTop + 1)...(parcelTop + 4)] == [
            " \(Self.magnus)  an SSCC",
            " For Magnus Johansen (MJ), posten, slot B3, small",
            " Received 20.11.2026 09:07 by maria; keep until 27.11.2026",
            " Waiting: 4d left",
        ])
    }

    @Test func typingOrSlashFiltersTheCustomersAndEscClears() throws {
        let h = try Harness()
        h.press(.function(6))
        #expect(h.screen()[2] == "  Customers · Cases: 2 due")
        #expect(h.screen()[3] == " Filter: type or press / to filter")
        h.press(.character("/"))
        #expect(h.state.customers.filtering)
        #expect(h.frame().cursor.map { [$0.row, $0.column] } == [3, 9])
        h.press(.escape)
        #expect(!h.state.customers.filtering)
        // Typing a name starts the filter without the slash.
        h.type("berg")
        #expect(h.state.customers.filtering)
        var lines = h.screen()
        #expect(lines[3] == " Filter: berg")
        // Surnames starting with the fragment first, then names containing it.
        #expect(lines[5...14].map { String($0.prefix(24)).trimmingCharacters(in: .whitespaces) } == [
            " BB     Bjørn Berg",
            " HB     Håkon Berg",
            " IB     Ingrid Berg",
            " KB     Kari Berg",
            " LB     Liv Berg",
            " MB     Magnus Berg",
            " OB     Ola Berg",
            " SB     Sigrid Berg",
            " JEDS   Janne Eline Dahl",
            "",
        ].map { $0.trimmingCharacters(in: .whitespaces) })
        // Tab keeps the filter and gives the keys back to the list (Enter opens the customer).
        h.press(.tab)
        #expect(!h.state.customers.filtering)
        h.press(.down, .down)
        #expect(h.frame().styleMask[7] == "." + String(repeating: "s", count: 78) + ".")
        h.press(.escape)
        lines = h.screen()
        #expect(lines[3] == " Filter: type or press / to filter")
        #expect(lines[5] == " AMZ    Alradie Mohamad Zain      93175025          10 Often large parcels (fu…")
        #expect(h.frame().styleMask[5] == "." + String(repeating: "s", count: 78) + ".")
        // A filter nobody matches says so.
        h.press(.character("/"))
        h.type("zzz")
        #expect(h.screen()[5] == String(repeating: " ", count: 27) + "No customer matches \"zzz\".")
    }

    @Test func aScanOnTheQueueOpensTheParcelOnTheCounter() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.down, .down, .down)
        h.scan(Self.magnus)
        #expect(h.takeEffects() == [])
        #expect(h.state.tab == .counter)
        let lines = h.screen()
        #expect(lines[0].hasPrefix(" F2 Counter "))
        #expect(lines[2] == " Find: \(Self.magnus)")
        #expect(lines[5] == " MJ     \(Self.magnus)                        B3           4d left")
        #expect(lines[h.counterDetailRow() + 2] == " For Magnus Johansen (MJ), posten, slot B3, small")
        #expect(lines[22] == " \(Self.magnus): waiting for pickup, slot B3, key MJ.")
        // The message goes after a while.
        h.wait(AppState.toastSeconds)
        #expect(h.screen()[22] == Self.status80)
    }

    @Test func typingAfterAScanStartsANewSearchAndHomeEndEditTheText() throws {
        let h = try Harness()
        h.scan(Self.magnus)
        #expect(h.screen()[2] == " Find: \(Self.magnus)")
        h.type("kari")
        #expect(h.screen()[2] == " Find: kari", "the scanned number is replaced, not appended to")
        h.press(.home)
        h.type("x")
        #expect(h.screen()[2] == " Find: xkari", "Home moves the text cursor")
        h.press(.end, .backspace)
        #expect(h.screen()[2] == " Find: xkar")
    }

    @Test func aMisreadScanBeepsAndSaysWhy() throws {
        let h = try Harness()
        h.press(.function(5))
        h.scan("RB123456786US")
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.tab == .queue)
        #expect(h.state.counter.field.text == "")
        #expect(h.screen()[22] == " Bad scan. Misread RB123456786US: check digit 6 should be 5. Scan it again.")
        #expect(h.frame().styleMask[22] == String(repeating: "D", count: 80))
        #expect(h.screen(width: 120, height: 40)[38] == " Bad scan. Misread RB123456786US: check digit 6 should be 5. Scan it again.")
        // The same number with the right check digit is a valid, unknown one.
        h.scan("RB123456785US")
        #expect(h.takeEffects() == [])
        #expect(h.screen()[22] == " RB123456785US is not known in this shop.")
    }

    @Test func anUnknownScanSaysSoWhereverItIs() throws {
        let h = try Harness()
        let unknown = Harness.s10("44444444")
        h.press(.function(5))
        h.scan(unknown)
        #expect(h.takeEffects() == [])
        #expect(h.state.tab == .queue)
        #expect(h.screen()[22] == " \(unknown) is not known in this shop.")
        #expect(h.frame().styleMask[22] == String(repeating: "W", count: 80))
        // On the counter it is also put in the search field.
        h.press(.function(2))
        h.scan(unknown)
        let lines = h.screen()
        #expect(lines[2] == " Find: \(unknown)")
        #expect(lines[5] == String(repeating: " ", count: 24) + "Nothing matches \"\(unknown)\".")
        #expect(lines[22] == " \(unknown) is not known in this shop.")
    }

    @Test func slowlyTypedDigitsAreTypingNotAScan() throws {
        let h = try Harness()
        h.type(Self.magnus)
        #expect(h.takeEffects() == [])
        #expect(h.state.counter.field.text == Self.magnus)
        let lines = h.screen()
        #expect(lines[5] == " MJ     \(Self.magnus)                        B3           4d left")
        // No scan message: the status line stays; Enter is the clerk's, and starts a hand-out.
        #expect(lines[22] == Self.status80)
        h.press(.enter)
        #expect(h.state.counter.handOut?.step == .verifying)
        h.press(.escape, .escape)
        // A typed misread is only a search that finds nothing; it does not beep as a scan would.
        h.type("RB123456786US")
        #expect(h.takeEffects() == [])
        #expect(h.screen()[5] == String(repeating: " ", count: 24) + "Nothing matches \"RB123456786US\".")
        #expect(h.screen()[22] == Self.status80)
    }

    @Test func theShelvesMapFollowsTheArrows() throws {
        let h = try Harness()
        h.press(.function(4))
        h.press(.right, .right, .down)
        var frame = h.frame()
        #expect(frame.styleMask[4] == ".oooooooo.oooooooo.66666666.wwwwwwww.oooooooo.dddddddd.oooooooo.oooooooo........")
        #expect(frame.styleMask[2].hasPrefix(".dddddddd.oooooooo.dddddddd"))
        #expect(frame.textLines[20...21] == [
            " MJ     Magnus Johansen                       \(Self.magnus)   4d left",
            " OD     Ola Dahl                              LX409571995SE        4d left",
        ])
        h.press(.left)
        #expect(h.screen()[20...21] == [
            " KH     Kari Haugen                           370308723149811513   4d left",
            " KH     Kari Haugen                           LX379962289DE        4d left",
        ])
        #expect(h.frame().styleMask[4].hasPrefix(".oooooooo.66666666.oooooooo"))
        // Right stops at the last slot of the shelf; down to the large shelf keeps within it.
        h.press(.right, .right, .right, .right, .right, .right, .right, .right)
        #expect(h.frame().styleMask[4].hasSuffix(".66666666........"))
        h.press(.down, .down, .down, .down, .down)
        frame = h.frame()
        #expect(frame.styleMask[14] == ".oooooooo.dddddddd.oooooooo.66666666" + String(repeating: ".", count: 44))
        #expect(frame.textLines[20] == " AMZ    Alradie Mohamad Zain                  370618048214534925   3d left")
        // The last row is the floor and the outbound area.
        h.press(.down)
        #expect(h.screen()[20] == "                                 OUT is empty.")
        h.press(.home)
        #expect(h.screen()[19...21] == [
            " Key    Name                                  Tracking             Due",
            " AMZ    Alradie Mohamad Zain                  1ZA909412363282088   3d left",
            " OH     Ola Haugen                            373114693829782546   5d left",
        ])
        #expect(h.frame().styleMask[16].hasPrefix(".6666666..mmmmm"))
        // On a short terminal the map scrolls to keep the selection in view.
        let short = h.screen(width: 60, height: 16)
        #expect(short[2] == " E1 6/6  E2 6/6  E3 5/6  E4 2/6  E5 6/6  E6 0/6  E7 6/6  E8")
        #expect(short[8] == " FLOOR 2 OUT 0")
        #expect(short[12] == " AMZ    Alradie Mohamad … 1ZA909412363282088   3d left")
        h.press(.up, .up, .up, .up, .up, .up, .up)
        #expect(h.screen(width: 60, height: 16)[2] == " A1 6/6  A2 3/6  A3 6/6  A4 1/6  A5 1/6  A6 4/6  A7 5/6  A8")
    }

    @Test func aParcelReceivedAtAnotherCounterShowsAfterTheRefreshInterval() throws {
        let h = try Harness()
        h.type("kari")
        #expect(h.screen()[5] == " KARI   Kari Nordmann                             A1 C6 F5     13 waiting")
        #expect(h.screen()[22] == Self.status80)

        // A second counter: its own store on the same folder.
        let other = try ShopStore.open(folder: h.folder, defaultLayout: Data(Harness.layoutJSON.utf8))
        let kari = try #require(other.state.customer(withKey: "KARI"))
        let parcel = try other.receive(Harness.s10("66666666", country: "SE"), for: kari.id, carrier: "postnord", at: h.now, staff: "thomas")
        #expect(parcel.slot.value == "C6")
        #expect(h.screen()[5].hasSuffix("13 waiting"))

        h.wait(AppDriver.refreshInterval)
        let lines = h.screen()
        #expect(lines[5] == " KARI   Kari Nordmann                             A1 C6 F5     14 waiting")
        #expect(lines[22] == " maria │ Butik Klostergaten                 194 on shelf │ 18 due today │ 11:00")
        h.press(.escape)
        h.type("66666665")
        #expect(h.screen()[5].hasPrefix(" KARI   \(Harness.s10("66666666", country: "SE"))"))
        #expect(h.takeEffects() == [])
    }

    @Test func ctrlCAndF10Quit() throws {
        let h = try Harness()
        h.type("kari")
        h.press(.interrupt)
        #expect(h.takeEffects() == [.quit])
        h.press(.function(1))
        h.press(.function(10))
        #expect(h.takeEffects() == [.quit])
    }
}
