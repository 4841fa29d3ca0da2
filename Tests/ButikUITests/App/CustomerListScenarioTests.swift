import ButikDomain
import ButikRuntime
import ButikStore
import Foundation
import Testing
@testable import ButikUI

/// F6's list is worked out once per change of its filter or of the shop, and only the rows on
/// screen are filled in: what it shows must still follow every change, and a long list must
/// still show the right customers wherever the selection is.
@Suite struct CustomerListScenarioTests {
    /// A customer added at another counter shows in the filtered list at the next refresh, and
    /// changing the filter shows its own matches, not the ones kept for the one before.
    @Test func aCustomerAddedAtAnotherCounterShowsInTheFilteredListAfterTheRefresh() throws {
        let h = try Harness()
        h.press(.function(6))
        h.type("berg")
        #expect(!h.screen().contains { $0.contains("Vilde Bergum") })
        let other = try ShopStore.open(folder: h.folder, defaultLayout: Data(Harness.layoutJSON.utf8))
        _ = try other.addCustomer(NewCustomer(name: "Vilde Bergum", key: "VBE", phones: ["45566778"]), at: Harness.now)
        h.wait(AppDriver.refreshInterval + 0.1)
        #expect(h.screen().contains { $0.hasPrefix(" VBE    Vilde Bergum") })
        // Typed further, the filter finds her alone; back to "berg", the Bergs again, her with them.
        h.type("u")
        var names = h.screen()[5...6].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(names[0].hasPrefix("VBE    Vilde Bergum") && names[1].isEmpty)
        h.press(.backspace)
        names = h.screen()[5...6].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(names[0].hasPrefix("BB     Bjørn Berg") && names[1].hasPrefix("HB     Håkon Berg"))
        #expect(h.screen().contains { $0.hasPrefix(" VBE    Vilde Bergum") })
    }

    /// The app hears of a new shop only when the store read something new: catching up on a
    /// journal nobody wrote to keeps the list it worked out.
    @Test func aRefreshWithNothingNewKeepsTheShopTheAppHas() throws {
        let h = try Harness()
        h.press(.function(6))
        let version = h.state.context.shopVersion
        h.wait(3 * AppDriver.refreshInterval)
        #expect(h.state.context.shopVersion == version)
        let other = try ShopStore.open(folder: h.folder, defaultLayout: Data(Harness.layoutJSON.utf8))
        _ = try other.addCustomer(NewCustomer(name: "Vilde Bergum", phones: []), at: Harness.now)
        h.wait(AppDriver.refreshInterval + 0.1)
        #expect(h.state.context.shopVersion != version)
    }

    /// With every customer listed, the rows at the top, at the end (End) and a page down from
    /// the top are the customers in key order at those places (17 rows show at 80×24).
    @Test func theRowsShownAreTheCustomersAtThoseRowsWhereverTheSelectionIs() throws {
        let h = try Harness()
        h.press(.function(6))
        let byKey = h.store.state.customers.values.sorted { ($0.key, $0.id) < ($1.key, $1.id) }.map(\.key.value)
        func keysShown() -> [String] {
            h.screen()[5..<22].map { String($0.dropFirst().prefix(6)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(byKey.count > 17)
        #expect(keysShown() == Array(byKey.prefix(17)))
        h.press(.end)
        #expect(h.state.customers.selection.index == byKey.count - 1)
        #expect(keysShown() == Array(byKey.suffix(17)))
        #expect(h.state.customers.selectedCustomer(h.state.context) == h.store.state.customer(withKey: CustomerKey(stored: byKey.last!))?.id)
        h.press(.home, .pageDown, .pageDown)
        let index = h.state.customers.selection.index
        #expect(index > 0)
        #expect(keysShown().contains(byKey[index]))
        #expect(h.state.customers.selectedCustomer(h.state.context) == h.store.state.customer(withKey: CustomerKey(stored: byKey[index]))?.id)
    }
}
