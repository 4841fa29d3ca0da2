import Foundation
import Testing
@testable import ButikDomain

/// A new customer typed in intake's one name field, with their phone after the name.
@Suite struct TypedNewCustomerTests {
    @Test(arguments: [
        ("Kari Nordmann 912 34 567", "Kari Nordmann", ["912 34 567"]),
        ("Ola +47 400 11 222", "Ola", ["+47 400 11 222"]),
        ("  Åse Ødegård   98765432 ", "Åse Ødegård", ["98765432"]),
        ("Kari Nordmann", "Kari Nordmann", []),
        ("Kari Nordmann 12", "Kari Nordmann 12", []),
        ("Karl 3 Gustaf", "Karl 3 Gustaf", []),
        ("98765432", "98765432", []),
    ])
    func aTrailingPhoneNumberIsTheNewCustomersPhone(_ text: String, _ name: String, _ phones: [String]) {
        let new = NewCustomer(typed: text)
        #expect(new.name == name)
        #expect(new.phones == phones)
    }

    @Test func theNewCustomerKeepsThePhone() throws {
        var state = ShopState()
        let received = try state.receiveTestParcel("RR000000001SE", for: .person(NewCustomer(typed: "Kari Nordmann 912 34 567")))
        #expect(received.customer.name == "Kari Nordmann")
        #expect(received.customer.phones == ["91234567"])
    }
}
