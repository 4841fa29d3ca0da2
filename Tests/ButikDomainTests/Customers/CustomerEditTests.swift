import Foundation
import Testing
@testable import ButikDomain

/// Editing a customer's record: every field, each refusal, nothing changed.
@Suite struct CustomerEditTests {
    static let maria = QueueTests.maria, thomas = QueueTests.thomas

    private func edited(_ changes: CustomerChanges, of id: CustomerID = maria, in state: ShopState? = nil) throws -> (ShopState, Customer) {
        var state = try state ?? QueueTests.shop()
        let context = Fixtures.later(60, staff: "per")
        let decision = try state.editCustomer(id, changes, context)
        #expect(decision.events == [.customerEdited(decision.outcome)])
        state.commit(decision, context)
        #expect(state.customers[id] == decision.outcome)
        return (state, decision.outcome)
    }

    @Test func everyFieldChanges() throws {
        let (state, maria) = try edited(CustomerChanges(
            name: "  Maria   Mossestad-Berg ", key: "mmb", phones: ["912 34 567", "+47 400 11 222", "91234567"],
            email: " maria@example.no ", note: "Ringer før  henting", channel: .some(.messenger), language: .some(.sv),
            regularByHand: true, personalOnly: true))
        #expect(maria.name == "Maria Mossestad-Berg")
        #expect((maria.key, maria.keyIsChosen, maria.retiredKeys) == ("MMB", true, ["MM"]))
        #expect(maria.phones == ["91234567", "4740011222"])
        #expect(maria.email == "maria@example.no")
        #expect(maria.note == "Ringer før henting")
        #expect((maria.channel, maria.language, maria.regularByHand, maria.personalOnly) == (.messenger, .sv, true, true))
        #expect(state.customer(withKey: "MMB")?.id == Self.maria)
        #expect(state.customer(withKey: CustomerKey(typed: "mm"))?.id == Self.maria, "the old key, on her parcels' labels, still finds her")
        #expect(state.searchCustomers("mossestad berg") == [Self.maria])
        #expect(state.searchCustomers("400 11") == [Self.maria])
    }

    @Test func emptyTextsAndNoneClearFields() throws {
        let (state, _) = try edited(CustomerChanges(email: "m@example.no", note: "x", channel: .some(.phone), language: .some(.nb)))
        let (_, cleared) = try edited(CustomerChanges(phones: [], email: "", note: "  ", channel: .some(nil), language: .some(nil)), in: state)
        #expect(cleared.phones.isEmpty && cleared.email == nil && cleared.note == nil && cleared.channel == nil && cleared.language == nil)
    }

    @Test func badInputIsRefusedWithItsReason() throws {
        let state = try QueueTests.shop()
        func refusal(_ changes: CustomerChanges) -> DomainError? {
            state.domainError { try $0.editCustomer(Self.maria, changes, Fixtures.context()) }
        }
        #expect(refusal(CustomerChanges(name: "1234")) == .invalidName("1234"))
        #expect(refusal(CustomerChanges(name: String(repeating: "a", count: 81))) == .nameTooLong(limit: 80))
        #expect(refusal(CustomerChanges(key: "J")) == .invalidKey("J"))
        #expect(refusal(CustomerChanges(key: "ts")) == .keyTaken(key: "TS", holder: "Thomas Schjønningsen"))
        #expect(refusal(CustomerChanges(phones: ["912 34 567", "ring meg"])) == .invalidPhone("ring meg"))
        for email in ["maria", "maria@", "@example.no", "maria@example", "maria@example.", "ma ria@example.no", "a@b@c.no"] {
            #expect(refusal(CustomerChanges(email: email)) == .invalidEmail(email), "\(email)")
        }
        #expect(refusal(CustomerChanges(note: String(repeating: "n", count: 501))) == .noteTooLong(limit: 500))
        if case .hiddenCharacter(_, _, in: .note)? = refusal(CustomerChanges(note: "Ring\u{1B}[2J")) {} else { Issue.record("a hidden character") }
        #expect(refusal(CustomerChanges(name: "Maria Mossestad", key: "MM")) == .nothingChanged(key: "MM"))
        #expect(refusal(CustomerChanges()) == .nothingChanged(key: "MM"))
        #expect(state.domainError { try $0.editCustomer(CustomerID(9), CustomerChanges(note: "x"), Fixtures.context()) }
            == .unknownCustomer("C9"))
        #expect(DomainError.nothingChanged(key: "MM").english == "Nothing to change: MM's record already reads so.")
    }

    @Test func aKeyIsFreeOfRetiredKeysButTheCustomerMayTakeTheirOwnBack() throws {
        var state = try QueueTests.shop()
        state.commit(try state.mergeCustomers(keep: Self.maria, other: Self.thomas, Fixtures.context()), Fixtures.context())
        let nils = QueueTests.nils
        #expect(state.domainError { try $0.editCustomer(nils, CustomerChanges(key: "ts"), Fixtures.context()) }
            == .keyTaken(key: "TS", holder: "Maria Mossestad"))
        let (_, maria) = try edited(CustomerChanges(key: "TS"), in: state)
        #expect((maria.key, maria.retiredKeys) == ("TS", ["MM"]))
    }

    @Test func anOldRecordReadsWithoutTheNewFields() throws {
        let line = #"{"createdAt":1000,"id":8,"key":"JEDS","keyIsChosen":true,"name":"Jens","phones":[]}"#
        let customer = try JournalCoding.decoder().decode(Customer.self, from: Data(line.utf8))
        #expect(customer == Customer(id: CustomerID(8), name: "Jens", key: "JEDS", keyIsChosen: true, createdAt: Date(timeIntervalSince1970: 1)))
        #expect((customer.channel, customer.language, customer.regularByHand, customer.personalOnly, customer.retiredKeys) == (nil, nil, false, false, []))
        let proxy = try JournalCoding.decoder().decode(Proxy.self, from: Data(#"{"name":"Per","registeredAt":1000,"registeredBy":"kari"}"#.utf8))
        #expect(proxy.relation == nil && proxy.validUntil == nil)
    }
}
