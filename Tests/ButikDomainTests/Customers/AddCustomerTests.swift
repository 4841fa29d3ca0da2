import Foundation
import Testing
@testable import ButikDomain

@Suite struct AddCustomerTests {
    @Test func derivesKeyAndRecordsFields() throws {
        let state = ShopState()
        let new = NewCustomer(name: "  Jan   Fredrik Jacobsen ", phones: ["+47 912 34 567", "912 34 567", "+47 912 34 567"],
                              email: "jan@example.no", note: "")
        let decision = try state.addCustomer(new, Fixtures.context())
        let expected = Customer(id: CustomerID(1), name: "Jan Fredrik Jacobsen", key: "JFJ", keyIsChosen: false,
                                phones: ["4791234567", "91234567"], email: "jan@example.no", note: nil,
                                createdAt: Fixtures.now)
        #expect(decision.outcome == expected)
        #expect(decision.events == [.customerAdded(expected)])
    }

    @Test func emptyEmailIsNil() throws {
        let customer = try ShopState().addCustomer(NewCustomer(name: "Ola", email: "", note: "VIP"), Fixtures.context()).outcome
        #expect(customer.email == nil)
        #expect(customer.note == "VIP")
    }

    @Test func decidingDoesNotChangeState() throws {
        let state = ShopState()
        _ = try state.addCustomer(NewCustomer(name: "Ola Nordmann"), Fixtures.context())
        #expect(state.customers.isEmpty)
        #expect(state.nextCustomerNumber == 1)
    }

    @Test func takenInitialsGetNextFreeNumber() throws {
        var state = ShopState()
        let first = try state.addTestCustomer("Jan Fredrik Jacobsen")
        let second = try state.addTestCustomer("Jonas Frank Johansen")
        let third = try state.addTestCustomer("jan fredrik jacobsen")
        #expect([first.key, second.key, third.key] == ["JFJ", "JFJ2", "JFJ3"])
        #expect([first.id, second.id, third.id] == [CustomerID(1), CustomerID(2), CustomerID(3)])
        #expect(state.nextCustomerNumber == 4)
        #expect(state.customer(withKey: CustomerKey(typed: "jfj2"))?.name == "Jonas Frank Johansen")
    }

    @Test func derivedKeySkipsAChosenKeyThatLooksLikeANumberedOne() throws {
        var state = ShopState()
        try state.addTestCustomer("Maria Mossestad")
        try state.addTestCustomer("Regular", key: "mm2")
        let third = try state.addTestCustomer("Mads Moe")
        #expect(third.key == "MM3")
    }

    @Test func chosenKeyIsStoredUpperCase() throws {
        var state = ShopState()
        let customer = try state.addTestCustomer("Jens Erik Dahl Solberg", key: "jeds")
        #expect(customer.key == "JEDS")
        #expect(customer.keyIsChosen)
        #expect(state.customer(withKey: "JEDS")?.id == customer.id)
    }

    @Test func derivedKeyAvoidsChosenKey() throws {
        var state = ShopState()
        try state.addTestCustomer("Regular Person", key: "JFJ")
        let derived = try state.addTestCustomer("Jan Fredrik Jacobsen")
        #expect(derived.key == "JFJ2")
        #expect(!derived.keyIsChosen)
    }

    @Test func takenChosenKeyNamesTheHolder() throws {
        var state = ShopState()
        try state.addTestCustomer("Jan Fredrik Jacobsen")
        #expect(throws: DomainError.keyTaken(key: "JFJ", holder: "Jan Fredrik Jacobsen")) {
            try state.addCustomer(NewCustomer(name: "Someone Else", key: "jfj"), Fixtures.context())
        }
        let error = state.domainError { try $0.addCustomer(NewCustomer(name: "Someone Else", key: "jfj"), Fixtures.context()) }
        #expect(error?.english == "The key JFJ already belongs to Jan Fredrik Jacobsen. Choose another key.")
    }

    @Test(arguments: ["J", "TOOLONGKEY", "JE DS", "J-D"])
    func invalidChosenKeyIsRefused(_ key: String) {
        #expect(throws: DomainError.invalidKey(key)) {
            try ShopState().addCustomer(NewCustomer(name: "Ola Nordmann", key: key), Fixtures.context())
        }
    }

    @Test(arguments: ["", "   ", "1234", "--", "\u{1F469}\u{200D}\u{1F467}"])
    func unusableNameIsRefused(_ name: String) {
        #expect(throws: DomainError.invalidName(name)) {
            try ShopState().addCustomer(NewCustomer(name: name), Fixtures.context())
        }
    }

    @Test(arguments: ["Åse \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F44B} Åse", "Åse \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"])
    func aNameWithAnEmojiHasItsLetters(_ name: String) throws {
        let customer = try ShopState().addCustomer(NewCustomer(name: name), Fixtures.context()).outcome
        #expect(customer.name == name)
        #expect(customer.key == "Å")
    }

    @Test func aJoinerInANameStaysOutOfTheKey() throws {
        let customer = try ShopState().addCustomer(NewCustomer(name: "Å\u{200D}se Berg"), Fixtures.context()).outcome
        #expect(customer.name == "Å\u{200D}se Berg")
        #expect(customer.key == "ÅB")
        #expect(customer.key.value.unicodeScalars.count == 2)
    }

    @Test(arguments: [
        ("Ola\u{0007}Nordmann", HiddenCharacter.control("\u{07}")),
        ("Ola\u{1B}]0;pwned\u{07}", .control("\u{1B}")),
        ("Åse \u{202E}greB", .direction("\u{202E}")),
        ("\u{200F}Åse", .direction("\u{200F}")),
        ("Åse\u{200B}Berg", .invisible("\u{200B}")),
    ])
    func aNameWithAHiddenCharacterIsRefusedSayingSo(_ name: String, _ hidden: HiddenCharacter) {
        let refusal = DomainError.hiddenCharacter(name, hidden, in: .name)
        #expect(throws: refusal) { try ShopState().addCustomer(NewCustomer(name: name), Fixtures.context()) }
        #expect(!refusal.english.contains("letter"))
        #expect(refusal.english.contains("cannot be a name"))
    }

    @Test func aLongPastedTextIsQuotedShortInTheRefusal() {
        let pasted = String(repeating: "Ø", count: 3000) + "\u{1B}[2J"
        let message = DomainError.hiddenCharacter(pasted, .control("\u{1B}"), in: .name).english
        #expect(message.count < 200)
        #expect(message.hasPrefix("\"" + String(repeating: "Ø", count: 59) + "…\" cannot be a name"))
    }

    @Test func aNameTakesAtMostEightyCharacters() throws {
        let eighty = String(repeating: "Å", count: 80)
        #expect(try ShopState().addCustomer(NewCustomer(name: " \(eighty) "), Fixtures.context()).outcome.name == eighty)
        #expect(throws: DomainError.nameTooLong(limit: 80)) {
            try ShopState().addCustomer(NewCustomer(name: eighty + "x"), Fixtures.context())
        }
    }

    @Test(arguments: ["J\u{200D}D", "JE\u{200B}DS"])
    func aChosenKeyHoldsNoInvisibleCharacter(_ key: String) {
        #expect(throws: DomainError.invalidKey(key)) {
            try ShopState().addCustomer(NewCustomer(name: "Jens Dahl", key: key), Fixtures.context())
        }
    }

    @Test func invalidPhoneIsRefused() {
        #expect(throws: DomainError.invalidPhone("ring meg")) {
            try ShopState().addCustomer(NewCustomer(name: "Ola", phones: ["91234567", "ring meg"]), Fixtures.context())
        }
    }
}
