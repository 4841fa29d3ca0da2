import Foundation
import Testing
@testable import ButikDomain

/// Registered proxies (fullmakt): who may collect a customer's parcels.
@Suite struct ProxyTests {
    static let maria = QueueTests.maria, thomas = QueueTests.thomas

    @Test func aProxyIsRegisteredWithWhenAndByWhom() throws {
        var state = try QueueTests.shop()
        let per = Fixtures.later(60, staff: "per")
        let decision = try state.authoriseProxy("  Ola   Nordmann ", for: Self.maria, per)
        let proxy = Proxy(name: "Ola Nordmann", registeredAt: per.now, registeredBy: "per")
        #expect(decision.events == [.proxyAuthorised(customer: Self.maria, proxy: proxy)])
        #expect(decision.outcome == proxy)
        #expect(state.customers[Self.maria]?.proxies == [], "deciding changes nothing")
        state.commit(decision, per)
        #expect(state.customers[Self.maria]?.proxies == [proxy])
        #expect(state.customers[Self.thomas]?.proxies == [])
        #expect(state.proxy(named: "OLA NORDMANN", of: Self.maria) == proxy)
        #expect(state.proxy(named: "Ola Nordmann", of: Self.thomas) == nil)
    }

    @Test func theSameNameTwiceIsRefusedComparedFolded() throws {
        var state = try QueueTests.shop()
        state.commit(try state.authoriseProxy("Åse Ødegård", for: Self.maria, Fixtures.context()), Fixtures.context())
        let twice = DomainError.proxyAlreadyRegistered(name: "Åse Ødegård", key: "MM")
        #expect(throws: twice) { try state.authoriseProxy("ase  odegard", for: Self.maria, Fixtures.context()) }
        #expect(twice.english == "Åse Ødegård is already a registered proxy for MM.")
        // Another customer may register the same person.
        _ = try state.authoriseProxy("Åse Ødegård", for: Self.thomas, Fixtures.context())
    }

    @Test(arguments: ["", "   ", "1234", String(repeating: "x", count: 81)])
    func aNameIsOneToEightyCharactersWithALetter(_ name: String) throws {
        let state = try QueueTests.shop()
        #expect(throws: DomainError.invalidProxyName(limit: 80)) { try state.authoriseProxy(name, for: Self.maria, Fixtures.context()) }
    }

    @Test func aNameFollowsTheRuleForTypedNames() throws {
        let state = try QueueTests.shop()
        #expect(throws: DomainError.hiddenCharacter("Ola\u{1B}[2J", .control("\u{1B}"), in: .name)) {
            try state.authoriseProxy("Ola\u{1B}[2J", for: Self.maria, Fixtures.context())
        }
        let family = "Ola \u{1F469}\u{200D}\u{1F467}"
        #expect(try state.authoriseProxy(family, for: Self.maria, Fixtures.context()).outcome.name == family)
    }

    @Test func eightyCharactersAreEnough() throws {
        let state = try QueueTests.shop()
        let name = String(repeating: "x", count: 80)
        #expect(try state.authoriseProxy(" \(name) ", for: Self.maria, Fixtures.context()).outcome.name == name)
        #expect(DomainError.invalidProxyName(limit: 80).english == "Give the proxy's full name, as on their ID, in 1 to 80 characters.")
    }

    @Test func anUnknownCustomerIsRefused() throws {
        let state = try QueueTests.shop()
        #expect(throws: DomainError.unknownCustomer("C9")) { try state.authoriseProxy("Ola", for: CustomerID(9), Fixtures.context()) }
        #expect(throws: DomainError.unknownCustomer("C9")) { try state.revokeProxy("Ola", for: CustomerID(9), Fixtures.context()) }
    }

    @Test func revokingRemovesTheRegisteredSpellingOnly() throws {
        var state = try QueueTests.shop()
        for name in ["Ola Nordmann", "Per Hansen"] {
            state.commit(try state.authoriseProxy(name, for: Self.maria, Fixtures.context()), Fixtures.context())
        }
        let decision = try state.revokeProxy("per hansen", for: Self.maria, Fixtures.later(60))
        #expect(decision.events == [.proxyRevoked(customer: Self.maria, name: "Per Hansen")])
        #expect(decision.outcome.name == "Per Hansen")
        state.commit(decision, Fixtures.later(60))
        #expect(state.customers[Self.maria]?.proxies.map(\.name) == ["Ola Nordmann"])
        #expect(state.proxy(named: "Per Hansen", of: Self.maria) == nil)
    }

    @Test func revokingSomebodyNotRegisteredSaysWhoIs() throws {
        var state = try QueueTests.shop()
        let none = DomainError.notAProxy(name: "Per Hansen", key: "MM", registered: [])
        #expect(throws: none) { try state.revokeProxy(" Per Hansen ", for: Self.maria, Fixtures.context()) }
        #expect(none.english == "MM has no registered proxies, so \"Per Hansen\" cannot be removed.")
        state.commit(try state.authoriseProxy("Ola Nordmann", for: Self.maria, Fixtures.context()), Fixtures.context())
        let other = DomainError.notAProxy(name: "Per Hansen", key: "MM", registered: ["Ola Nordmann"])
        #expect(throws: other) { try state.revokeProxy("Per Hansen", for: Self.maria, Fixtures.context()) }
        #expect(other.english == "\"Per Hansen\" is not a registered proxy for MM. Registered: Ola Nordmann.")
    }

    @Test func proxiesSurviveCompactionAndCoding() throws {
        var state = try QueueTests.shop()
        state.commit(try state.authoriseProxy("Ola Nordmann", for: Self.maria, Fixtures.context()), Fixtures.context())
        state.apply(Fixtures.later(40 * 86_400).record(.slotCapacityChanged(slot: Fixtures.a3, capacity: 3)))
        let compacted = state.compacted()
        #expect(compacted.customers[Self.maria]?.proxies.map(\.name) == ["Ola Nordmann"])
        #expect(try JournalCoding.roundTrip(compacted) == compacted)
    }

    @Test func aCustomerWrittenBeforeProxiesExistedHasNone() throws {
        let old = #"{"createdAt":1000,"id":8,"key":"JEDS","keyIsChosen":true,"name":"Jens","note":"Vespa","phones":["4791234567"]}"#
        let customer = try JournalCoding.decoder().decode(Customer.self, from: Data(old.utf8))
        #expect(customer == Customer(id: CustomerID(8), name: "Jens", key: "JEDS", keyIsChosen: true, phones: ["4791234567"],
                                     note: "Vespa", createdAt: Date(timeIntervalSince1970: 1)))
        let line = #"{"at":5000,"event":{"customer":\#(old),"type":"customerAdded"},"staff":"kari"}"#
        var state = ShopState()
        state.apply(try JournalCoding.decoder().decode(Record.self, from: Data(line.utf8)))
        #expect(state.customers[CustomerID(8)]?.proxies == [])
    }
}

/// A fullmakt's relation and end, and who may not collect at all.
@Suite struct ProxyValidityTests {
    static let maria = QueueTests.maria

    @Test func aRelationAndAnEndUpToFiveYearsAheadAreKept() throws {
        let state = try QueueTests.shop()
        let latest = Day(year: 2031, month: 3, day: 10)!
        let proxy = try state.authoriseProxy("Ola", relation: "  sønn ", validUntil: latest, for: Self.maria, Fixtures.context()).outcome
        #expect(proxy.relation == "sønn" && proxy.validUntil == latest)
        #expect(try state.authoriseProxy("Ola", relation: " ", for: Self.maria, Fixtures.context()).outcome.relation == nil)
        let later = DomainError.invalidValidUntil(latest.adding(days: 1), earliest: Fixtures.today, latest: latest)
        #expect(throws: later) { try state.authoriseProxy("Ola", validUntil: latest.adding(days: 1), for: Self.maria, Fixtures.context()) }
        let past = DomainError.invalidValidUntil(Fixtures.today.adding(days: -1), earliest: Fixtures.today, latest: latest)
        #expect(throws: past) { try state.authoriseProxy("Ola", validUntil: Fixtures.today.adding(days: -1), for: Self.maria, Fixtures.context()) }
        #expect(throws: DomainError.invalidProxyRelation(limit: 40)) {
            try state.authoriseProxy("Ola", relation: String(repeating: "r", count: 41), for: Self.maria, Fixtures.context())
        }
        #expect(Proxy.latestValidUntil(from: Day(year: 2028, month: 2, day: 29)!) == Day(year: 2033, month: 2, day: 28)!)
    }

    @Test func anExpiredProxyIsRefusedAtTheHandOutTheDayAfterItsLastDay() throws {
        var state = try QueueTests.shop()
        let lastDay = Fixtures.today.adding(days: 2)
        state.commit(try state.authoriseProxy("Per Hansen", validUntil: lastDay, for: Self.maria, Fixtures.context()), Fixtures.context())
        let parcel = state.parcelsInShop(for: Self.maria)[0].id
        let request = HandOutRequest(parcels: [parcel], verification: .proxy, proxyName: "per hansen", proxyID: "pass 12")
        #expect(try state.handOut(request, Fixtures.later(2 * 86_400)).outcome.parcels.count == 1, "on its last day")
        #expect(throws: DomainError.proxyExpired(name: "Per Hansen", key: "MM", day: lastDay)) {
            try state.handOut(request, Fixtures.later(3 * 86_400))
        }
        #expect(DomainError.proxyExpired(name: "Per Hansen", key: "MM", day: lastDay).english.hasPrefix("Per Hansen's fullmakt for MM ran out on 12.03.2026"))
    }

    @Test func aCustomerWhoCollectsInPersonOnlyRefusesEveryProxy() throws {
        var state = try QueueTests.shop()
        state.commit(try state.authoriseProxy("Per Hansen", for: Self.maria, Fixtures.context()), Fixtures.context())
        state.commit(try state.editCustomer(Self.maria, CustomerChanges(personalOnly: true), Fixtures.context()), Fixtures.context())
        let parcels = state.parcelsInShop(for: Self.maria).map(\.id)
        for name in ["Per Hansen", "Ola Nordmann"] {
            #expect(throws: DomainError.personalHandOutOnly(key: "MM")) {
                try state.handOut(HandOutRequest(parcels: parcels, verification: .proxy, proxyName: name, proxyID: "pass 12"), Fixtures.context())
            }
        }
        #expect(try state.handOut(HandOutRequest(parcels: parcels, verification: .id), Fixtures.context()).outcome.parcels.count == 2)
    }
}
