import Foundation
import Testing
@testable import ButikDomain

@Suite struct SearchTests {
    /// Customers by name, so tests can refer to them.
    struct People {
        var state = ShopState()
        var ids: [String: CustomerID] = [:]

        init() throws {
            for (name, key, phones) in [
                ("Thomas Schjønningsen", nil, []),
                ("Maria Mossestad", nil, ["912 34 567"]),
                ("Åse Berg", nil, []),
                ("Kasem Ali", nil, []),
                ("Jens Erik Dahl Solberg", "JEDS", ["+47 987 65 432"]),
                ("Mari Hansen", nil, []),
                ("Anne-Marie Østby", nil, []),
                ("Ola Nordmann", "BERG", ["55512340"]),
                ("Ingeberg Lie", nil, []),
                ("Regular Customer", "1234", []),
            ] as [(String, String?, [String])] {
                ids[name] = try state.addTestCustomer(name, key: key, phones: phones).id
            }
        }

        func customers(_ query: String) -> [String] {
            state.search(query).customers.map { state.customers[$0]!.name }
        }
    }

    @Test(arguments: ["JEDS", "jeds", " Jeds "])
    func byKey(_ query: String) throws {
        let people = try People()
        #expect(people.customers(query) == ["Jens Erik Dahl Solberg"])
    }

    @Test func byDerivedKeyWithNordicLetter() throws {
        let people = try People()
        #expect(people.customers("amø") == ["Anne-Marie Østby"])
        #expect(people.customers("MM") == ["Maria Mossestad"])
    }

    @Test(arguments: ["schjonningsen", "SCHJØNNINGSEN", "Schjønningsen", "schjø", "thomas schj", "SCHJONNINGSEN THOMAS", "ønnings"])
    func byNameIgnoringCaseAndAccents(_ query: String) throws {
        let people = try People()
        #expect(people.customers(query) == ["Thomas Schjønningsen"])
    }

    @Test(arguments: ["mossestad maria", "Maria Mossestad", "mossestad, maria", "MOSSE MAR"])
    func nameFragmentsInAnyOrder(_ query: String) throws {
        let people = try People()
        #expect(people.customers(query) == ["Maria Mossestad"])
    }

    @Test(arguments: ["åse", "ase", "ÅSE", "A\u{030A}se"])
    func nordicLetterFoldsToPlainLatin(_ query: String) throws {
        let people = try People()
        // Åse's name word starts with it; Kasem only contains it.
        #expect(people.customers(query) == ["Åse Berg", "Kasem Ali"])
    }

    @Test(arguments: ["østby", "ostby", "OSTBY", "anne-marie", "anne marie"])
    func hyphenatedAndNordicNames(_ query: String) throws {
        let people = try People()
        #expect(people.customers(query) == ["Anne-Marie Østby"])
    }

    @Test func samePrefixRankTiesByName() throws {
        let people = try People()
        #expect(people.customers("mari") == ["Anne-Marie Østby", "Mari Hansen", "Maria Mossestad"])
    }

    @Test func keyThenWordPrefixThenContains() throws {
        let people = try People()
        // BERG is Ola's key; Åse Berg has a word starting with it; Ingeberg and Solberg only contain it.
        #expect(people.customers("berg") == ["Ola Nordmann", "Åse Berg", "Ingeberg Lie", "Jens Erik Dahl Solberg"])
    }

    @Test func keyBeforePhone() throws {
        let people = try People()
        // 1234 is a chosen key; Maria's and Ola's phones contain the digits (ties by name).
        #expect(people.customers("1234") == ["Regular Customer", "Maria Mossestad", "Ola Nordmann"])
    }

    @Test(arguments: [
        ("912 34 567", ["Maria Mossestad"]),
        ("91234", ["Maria Mossestad"]),
        ("34567", ["Maria Mossestad"]),
        ("+47 987", ["Jens Erik Dahl Solberg"]),
        ("98765432", ["Jens Erik Dahl Solberg"]),
        ("(555) 12", ["Ola Nordmann"]),
        ("12", []),
        ("000000", []),
    ])
    func byPhoneDigits(_ query: String, _ names: [String]) throws {
        let people = try People()
        #expect(people.customers(query) == names)
    }

    @Test(arguments: ["", "   ", "-", "zzz"])
    func nothingFound(_ query: String) throws {
        let people = try People()
        #expect(people.state.search(query).isEmpty)
    }

    @Test func limit() throws {
        let people = try People()
        #expect(people.state.search("a", limit: 3).customers.count == 3)
        #expect(people.state.search("a").customers.count == 9) // every name with an "a": all but Ingeberg Lie
    }
}

@Suite struct ParcelSearchTests {
    /// Parcels: P1 RR123456785SE, P2 370725380000086508, P3 999999998650, P4 111186501234 (all waiting, for Maria).
    private func shop() throws -> MariaShop {
        var shop = try MariaShop(parcels: ["RR123456785SE", "370725380000086508"])
        let ctx = Fixtures.context(layout: { var l = Fixtures.layout; l.shelves[0].capacity = 9; return l }())
        try shop.state.receiveTestParcel("999999998650", for: shop.maria, ctx)
        try shop.state.receiveTestParcel("111186501234", for: shop.maria, ctx)
        return shop
    }

    @Test(arguments: ["RR123456785SE", "rr123456785se", "RR 1234 5678 5SE", " RR123456785SE\t"])
    func byFullTrackingNumber(_ query: String) throws {
        #expect(try shop().state.search(query).parcels == [ParcelID(1)])
    }

    @Test(arguments: ["6508", "86508", "0000086508", "370725380000086508"])
    func byLastDigits(_ query: String) throws {
        #expect(try shop().state.search(query).parcels == [ParcelID(2)])
    }

    @Test func containedDigitsAlsoFind() throws {
        #expect(try shop().state.search("6785").parcels == [ParcelID(1)])
    }

    @Test func fewerThanFourCharactersFindNoParcel() throws {
        let state = try shop().state
        #expect(state.search("508").parcels.isEmpty)
        #expect(state.search("5SE").parcels.isEmpty)
    }

    @Test func endingBeforeContaining() throws {
        // P3 ends with 8650, P4 and P2 contain it.
        #expect(try shop().state.search("8650").parcels == [ParcelID(3), ParcelID(4), ParcelID(2)])
    }

    @Test func exactBeforeEnding() throws {
        var shop = try shop()
        try shop.state.receiveTestParcel("XRR123456785SE", for: shop.maria, Fixtures.context(layout: { var l = Fixtures.layout; l.shelves[0].capacity = 9; return l }()))
        #expect(shop.state.search("RR123456785SE").parcels == [ParcelID(1), ParcelID(5)])
        #expect(shop.state.search("XRR123456785SE").parcels == [ParcelID(5)])
    }

    @Test func inShopBeforeClosedAndNewestFirst() throws {
        var shop = try MariaShop(parcels: ["RR123456785SE"])
        try shop.handOut(shop.ids)
        try shop.state.receiveTestParcel("RR123456785SE", for: shop.maria, again: true)
        try shop.handOut([ParcelID(2)])
        try shop.state.receiveTestParcel("RR123456785SE", for: shop.maria, again: true)
        // P3 in the shop; P2 and P1 handed out (closed), newest first.
        #expect(shop.state.search("RR123456785SE").parcels == [ParcelID(3), ParcelID(2), ParcelID(1)])
        #expect(shop.state.search("6785").parcels == [ParcelID(3), ParcelID(2), ParcelID(1)])
    }

    @Test func closedExactBeforeInShopEnding() throws {
        var shop = try MariaShop(parcels: ["AB12345678", "XAB12345678"])
        try shop.handOut([ParcelID(1)])
        #expect(shop.state.search("AB12345678").parcels == [ParcelID(1), ParcelID(2)])
    }

    @Test func nameQueriesDoNotFindParcels() throws {
        let state = try shop().state
        let results = state.search("maria")
        #expect(results.customers == [CustomerID(1)])
        #expect(results.parcels.isEmpty)
        #expect(state.search("øsse").parcels.isEmpty)
    }

    @Test func digitsFindBothPhonesAndParcels() throws {
        var shop = try shop()
        try shop.state.addTestCustomer("Per Hansen", phones: ["22986508"])
        let results = shop.state.search("6508")
        #expect(results.customers == [CustomerID(2)])
        #expect(results.parcels == [ParcelID(2)])
    }
}
