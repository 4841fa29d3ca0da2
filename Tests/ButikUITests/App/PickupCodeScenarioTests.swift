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
        #expect(inShop.filter { $0.carrier == "postnord" }.allSatisfy { $0.pickupCode?.count == 4 })
        #expect(inShop.filter { $0.carrier == "amazon" }.allSatisfy { $0.pickupCode?.count == 6 })
        #expect(inShop.filter { !["postnord", "amazon"].contains($0.carrier) }.allSatisfy { $0.pickupCode == nil })
        let parcel = try #require(inShop.first { $0.carrier == "amazon" && shop.inShopByPickupCode[$0.pickupCode!]?.count == 1 })
        let customer = try #require(shop.customers[parcel.customer])
        h.type(parcel.pickupCode!)
        let lines = h.screen()
        #expect(lines[5].hasPrefix(" \(customer.key.padding(toLength: 6, withPad: " ", startingAt: 0)) \(customer.name) "))
        #expect(lines[h.counterDetailRow() + 1].hasPrefix(" \(customer.key)  \(customer.name)"))
    }
}
