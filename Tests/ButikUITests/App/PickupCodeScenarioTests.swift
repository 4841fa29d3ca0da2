import ButikDomain
import ButikStore
import ButikUI
import Foundation
import Testing

/// A customer gives the pickup code from the carrier's message at the counter.
struct PickupCodeScenarioTests {
    @Test func typingACodeOpensTheOwnersCardAndTheParcelShowsIt() throws {
        let tracking = Harness.s10("47114711")
        let h = try Harness(demo: false) { store in
            let aase = try store.addCustomer(NewCustomer(name: "Åse Ødegård", phones: ["98765432"]))
            // Ola's phone and her parcel's tracking number hold the digits too; the code still wins.
            try store.addCustomer(NewCustomer(name: "Ola Nordmann", phones: ["40471100"]))
            let parsed = try Tracking.parse(tracking).get()
            _ = try store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
                try state.receive(ReceiveRequest(tracking: parsed, recipient: .customer(aase.id), carrier: "postnord",
                                                 pickupCode: "4711"), context)
            }
        }
        h.type("4711")
        var lines = h.screen()
        #expect(lines[5].hasPrefix(" ÅØ     Åse Ødegård "), "the code's owner is the first hit")
        #expect(lines[6].hasPrefix(" ON     Ola Nordmann "))
        #expect(lines[7].hasPrefix(" ÅØ     \(tracking) "))
        let top = h.counterDetailRow()
        #expect(lines[top + 1] == " ÅØ  Åse Ødegård  ☎ 98765432")
        #expect(lines[top + 3].hasPrefix(" \(tracking)  "))

        h.press(.down, .down)
        lines = h.screen()
        #expect(lines[top + 1].hasPrefix(" \(tracking)  "))
        #expect(lines[top + 1].hasSuffix("  pickup code 4711"), "\(lines[top + 1])")
    }

    @Test func demoParcelsCarryCodesThatFindTheirCustomer() throws {
        let h = try Harness()
        let shop = h.store.state
        let inShop = shop.parcelsInShop
        #expect(inShop.filter { $0.carrier == "postnord" }.allSatisfy { $0.pickupCode?.digits.count == 4 })
        #expect(inShop.filter { $0.carrier == "amazon" }.allSatisfy { $0.pickupCode?.digits.count == 6 })
        #expect(inShop.filter { !["postnord", "amazon"].contains($0.carrier) }.allSatisfy { $0.pickupCode == nil })
        let parcel = try #require(inShop.first { $0.carrier == "amazon" && shop.inShopByPickupCode[$0.pickupCode!]?.count == 1 })
        let customer = try #require(shop.customers[parcel.customer])
        h.type(parcel.pickupCode!.digits)
        let lines = h.screen()
        #expect(lines[5].hasPrefix(" \(customer.key.value.padding(toLength: 6, withPad: " ", startingAt: 0)) \(customer.name) "))
        #expect(lines[h.counterDetailRow() + 1].hasPrefix(" \(customer.key)  \(customer.name)"))
    }

    /// Åse's parcels: two with code 4711, one with 9999.
    static func shopWithCodes() throws -> (Harness, [String]) {
        let numbers = [Harness.s10("47114711"), Harness.s10("99999999"), Harness.s10("47110000")]
        let h = try Harness(demo: false) { store in
            let aase = try store.addCustomer(NewCustomer(name: "Åse Ødegård"))
            for (number, code) in zip(numbers, ["4711", "9999", "4711"]) {
                let parsed = try Tracking.parse(number).get()
                _ = try store.perform(staff: "siv", now: Harness.now) { state, context throws(DomainError) in
                    try state.receive(ReceiveRequest(tracking: parsed, recipient: .customer(aase.id), carrier: "postnord",
                                                     pickupCode: code), context)
                }
            }
        }
        h.type("ÅØ")
        h.press(.enter)
        #expect(h.state.counter.handOut?.parcels.count == 3)
        return (h, numbers)
    }

    static func status(_ h: Harness, _ number: String) -> ParcelStatus.Kind? {
        h.store.state.latestParcel(TrackingNumber(number))?.status.kind
    }

    @Test func choice2AsksForTheCodeAndKeepsOnlyItsParcels() throws {
        let (h, numbers) = try Self.shopWithCodes()
        let top = h.counterDetailRow()
        h.type("2")
        #expect(h.state.counter.handOut?.step == .pickupCode)
        #expect(h.screen()[top + 2] == " Pickup code: the 4 to 6 digits from the carrier's message")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep], "no code typed is no check")
        h.type("1234")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.counter.handOut?.step == .pickupCode, "no parcel has that code")
        #expect(h.screen(width: 200)[top + 3].hasPrefix(" 3 parcels do not have the pickup code 1234"))
        h.press(.backspace, .backspace, .backspace, .backspace)
        h.type("4711")
        h.press(.enter)
        #expect(h.state.counter.handOut?.step == .scanning)
        #expect(h.screen()[top + 1] == " Hand out to ÅØ  Åse Ødegård: 2 of 3 parcels")
        #expect(h.screen(width: 200)[top + 3].hasPrefix(" 1 parcel does not have the pickup code 4711 (\(numbers[1]))"))
        h.scan(numbers[0])
        h.scan(numbers[2])
        #expect(Self.status(h, numbers[0]) == .handedOut)
        #expect(Self.status(h, numbers[1]) == .waiting)
        #expect(Self.status(h, numbers[2]) == .handedOut)
        #expect(h.screen()[top] == " Handed out 2 parcels to Åse Ødegård (pickup code). Ctrl-Z undoes it.")
    }

    /// The code step is a mode of its own: typing goes into the code, Enter gives it, Esc goes
    /// back to how identity was checked with the hand-out still open, and F1 says what it does.
    @Test func theCodeStepHasItsOwnKeysAndEscGoesBack() throws {
        let (h, _) = try Self.shopWithCodes()
        h.type("2")
        let footer = h.screen(width: 200)[23]
        for entry in ["type the pickup code", "Enter give the code", "Ctrl-R refuse", "Esc back"] {
            #expect(footer.contains(entry), "\(entry) in \(footer)")
        }
        #expect(KeyHelpScenarioTests.help(h).contains("2 the pickup code"))
        h.type("47")
        h.press(.escape)
        #expect(h.state.counter.handOut?.step == .verifying)
        #expect(h.state.counter.handOut?.selected.count == 3, "going back leaves every parcel in")
        h.type("1")
        #expect(h.state.counter.handOut?.step == .scanning)
        #expect(h.state.counter.handOut?.verification == .id)
    }

    /// A parcel put back in by its scan still needs its own code: the hand-out's decision says so.
    @Test func aParcelPutBackInIsRefusedByTheDecision() throws {
        let (h, numbers) = try Self.shopWithCodes()
        let top = h.counterDetailRow()
        h.type("2")
        h.type("4711")
        h.press(.enter)
        for number in numbers { h.scan(number) }
        #expect(Self.status(h, numbers[1]) == .waiting)
        #expect(Self.status(h, numbers[0]) == .handedOut)
        #expect(h.screen(width: 200)[top] == " Handed out 2 parcels to Åse Ødegård (pickup code). Ctrl-Z undoes it. 1 parcel does not "
            + "have the pickup code 4711 (\(numbers[1])) and was not handed out: it needs another check, such as photo ID.")
    }
}
