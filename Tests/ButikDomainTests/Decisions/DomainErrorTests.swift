import Testing
@testable import ButikDomain

@Suite struct DomainErrorTests {
    static let rr = TrackingNumber("RR123456785SE")

    @Test(arguments: [
        (DomainError.invalidName("12"), "\"12\" is not a usable name: give at least one letter."),
        (.invalidKey("J"), "\"J\" cannot be a customer key: use 2 to 6 letters or digits, like JEDS."),
        (.keyTaken(key: "JEDS", holder: "Jens Erik Dahl Solberg"), "The key JEDS already belongs to Jens Erik Dahl Solberg. Choose another key."),
        (.invalidPhone("ring meg"), "\"ring meg\" is not a phone number: use 5 to 15 digits, spaces and + allowed."),
        (.unknownCustomer("XYZ"), "No customer has the key XYZ. Look them up with `butik find`."),
        (.alreadyInShop(tracking: rr, slot: SlotID("A2"), key: "AMØ"), "RR123456785SE is already on the shelf: slot A2, key AMØ."),
        (.unknownParcel("P9"), "No parcel P9 in the shop."),
        (.proxyNameMissing, "A proxy hand-out needs the proxy's name."),
        (.notHandedOut(tracking: rr), "RR123456785SE has not been handed out, so there is nothing to undo."),
        (.unknownSlot("B7"), "There is no slot B7 in this shop."),
        (.nothingGiven, "No parcels were given."),
        (.alreadyDroppedOff(tracking: rr, receipt: "R0001"), "RR123456785SE was already dropped off (receipt R0001) and waits for the driver."),
        (.alreadyQueued(key: "MM", status: .ready), "MM is already in the queue (ready)."),
        (.notQueued(key: "MM"), "MM is not in the queue. Add them with `butik queue add MM`."),
        (.queueStep(key: "MM", status: .ready, step: .ready), "MM's queue entry is ready, so it cannot be marked ready."),
        (.invalidReason(limit: 200), "Give the reason in 1 to 200 characters."),
        (.notCustomersParcel(tracking: rr, key: "MM"), "RR123456785SE is not one of MM's parcels."),
        (.invalidPickupCode("12x4"), "\"12x4\" is not a pickup code: give the 4 to 6 digits from the carrier's message."),
    ])
    func message(_ error: DomainError, _ text: String) {
        #expect(error.english == text)
    }

    @Test func messagesFromRealRefusalsNameTheThing() throws {
        var shop = try MariaShop()
        let id = shop.ids[0]
        let moveError = shop.state.domainError { try $0.move(id, to: SlotID("B7"), Fixtures.context()) }
        #expect(moveError?.english.contains("B7") == true)
        try shop.handOut(shop.ids, .id, Fixtures.context(staff: "per"))
        let again = shop.state.domainError { try $0.handOut(HandOutRequest(parcels: [id], verification: .id), Fixtures.context()) }
        #expect(again?.english.contains("RR000000001SE") == true)
        #expect(again?.english.contains("per") == true)
        let taken = shop.state.domainError { try $0.addCustomer(NewCustomer(name: "X Y", key: "MM"), Fixtures.context()) }
        #expect(taken?.english.contains("MM") == true)
        #expect(taken?.english.contains("Maria Mossestad") == true)
    }
}
