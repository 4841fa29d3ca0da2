import Foundation
import Testing

/// Registered proxies on the command line: `customer proxy`, `customer show`.
@Suite struct ProxyCommandLineTests {
    struct ProxyJSON: Decodable {
        let name: String
        let registeredAt: Date
        let registeredBy: String
    }

    struct CustomerJSON: Decodable {
        let key: String
        let proxies: [ProxyJSON]
    }

    struct Card: Decodable {
        let customer: CustomerJSON
    }

    struct HandedOutJSON: Decodable {
        let tracking: String
        let status: String
        let verification: String?
        let proxyName: String?
        let proxyID: String?
    }

    /// A store with Maria Mossestad (MM) and one parcel for her, RR123456785SE.
    static func shop() throws -> Butik {
        let butik = Butik()
        let received = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad")
        #expect(received.status == 0, "\(received.stderr)")
        return butik
    }

    @Test func proxiesAreAddedShownAndRemoved() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let added = try butik.run("customer", "proxy", "mm", "--add", "  Ola   Nordmann ")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Ola Nordmann may now collect for MM (Maria Mossestad).\n")
        let json = try butik.run("customer", "proxy", "MM", "--add", "Åse Ødegård", "--json").json(CustomerJSON.self)
        #expect(json.proxies.map(\.name) == ["Ola Nordmann", "Åse Ødegård"])
        #expect(json.proxies.allSatisfy { $0.registeredBy == "maria" })

        let twice = try butik.run("customer", "proxy", "MM", "--add", "ase odegard")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("Åse Ødegård is already a registered proxy for MM."), "\(twice.stderr)")

        let shown = try butik.run("customer", "show", "MM")
        #expect(shown.stdout.contains(/proxy  Ola Nordmann \(registered \d\d\.\d\d\.\d{4} by maria\)/), "\(shown.stdout)")

        let card = try butik.run("customer", "show", "MM", "--json").json(Card.self)
        #expect(card.customer.proxies.map(\.name) == ["Ola Nordmann", "Åse Ødegård"])

        let removed = try butik.run("customer", "proxy", "MM", "--remove", "OLA NORDMANN")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "Ola Nordmann may no longer collect for MM (Maria Mossestad).\n")
        let unknown = try butik.run("customer", "proxy", "MM", "--remove", "Per Hansen")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("\"Per Hansen\" is not a registered proxy for MM. Registered: Åse Ødegård."), "\(unknown.stderr)")
        #expect(try butik.run("customer", "show", "MM", "--json").json(Card.self).customer.proxies.map(\.name) == ["Åse Ødegård"])
    }

    @Test func proxyNeedsOneCustomerAndOneOfAddOrRemove() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("customer", "proxy", "MM").status == 2)
        #expect(try butik.run("customer", "proxy", "MM", "--add", "A", "--remove", "B").status == 2)
        #expect(try butik.run("customer", "proxy", "--add", "Ola").status == 2)
        let nobody = try butik.run("customer", "proxy", "NOBODY", "--add", "Ola")
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("No customer has the key NOBODY"), "\(nobody.stderr)")
        #expect(try butik.run("customer", "proxy", "MM", "--add", " ").status == 1)
        #expect(try butik.run("customer", "--help").stdout.contains("butik customer proxy KEY --add NAME | --remove NAME"))
    }

    @Test func aProxyHandOutRecordsTheirIDAndSaysWhenTheyAreNotRegistered() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "CT797294851NO", "--to", "MM").status == 0)
        let noID = try butik.run("handout", "RR123456785SE", "--verified", "proxy", "--proxy-name", "Ola Nordmann")
        #expect(noID.status == 1)
        #expect(noID.stderr.contains("needs a note of the proxy's own ID"), "\(noID.stderr)")

        #expect(try butik.run("customer", "proxy", "MM", "--add", "Ola Nordmann").status == 0)
        let registered = try butik.run("handout", "RR123456785SE", "--verified", "proxy", "--proxy-name", "ola nordmann",
                                       "--proxy-id", "førerkort …4521")
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect(registered.stdout.contains("verified: proxy ola nordmann (førerkort …4521)"), "\(registered.stdout)")
        #expect(registered.stderr.isEmpty, "a registered proxy needs no note: \(registered.stderr)")

        let stranger = try butik.run("handout", "CT797294851NO", "--verified", "proxy", "--proxy-name", "Per Hansen",
                                     "--proxy-id", "pass …1234", "--json")
        #expect(stranger.status == 0, "\(stranger.stderr)")
        #expect(stranger.stderr == "Note: Per Hansen is not a registered proxy; the hand-out rests on both IDs.\n")
        let parcels = try stranger.json([HandedOutJSON].self)
        #expect(parcels.map(\.tracking) == ["CT797294851NO"])
        #expect(parcels.first?.status == "handedOut")
        #expect(parcels.first?.verification == "proxy")
        #expect(parcels.first?.proxyName == "Per Hansen")
        #expect(parcels.first?.proxyID == "pass …1234")
        #expect(try butik.run("handout", "CT797294851NO", "--undo", "--proxy-id", "x").status == 2)
        #expect(try butik.run("handout", "--help").stdout.contains("--proxy-id NOTE"))
    }

    struct LogEntryJSON: Decodable {
        let text: String
        let parcels: [String]
        let proxyName: String?
    }

    struct LogCard: Decodable {
        struct Logged: Decodable { let log: [LogEntryJSON] }
        let customer: Logged
    }

    /// A proxy sent away: `refuse --proxy` notes their name in the log, the parcel's story and
    /// the customer's timeline; a refusal without one names nobody.
    @Test func aRefusedProxyIsNamedWhereverTheRefusalIsTold() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let refused = try butik.run("refuse", "MM", "--reason", "No fullmakt", "--proxy", "  Per  Hansen ")
        #expect(refused.status == 0, "\(refused.stderr)")
        #expect(refused.stdout == "Noted in MM's log: hand-out to proxy Per Hansen refused (RR123456785SE): No fullmakt\n")
        let plain = try butik.run("refuse", "MM", "--reason", "No ID", "--json").json(LogEntryJSON.self)
        #expect(plain.proxyName == nil)

        let card = try butik.run("customer", "show", "MM", "--json").json(LogCard.self)
        #expect(card.customer.log.map(\.proxyName) == ["Per Hansen", nil])
        let shown = try butik.run("customer", "show", "MM")
        #expect(shown.stdout.contains(/refusal of proxy Per Hansen by maria: No fullmakt/), "\(shown.stdout)")

        let story = try butik.run("history", "RR123456785SE")
        #expect(story.stdout.contains("hand-out to proxy Per Hansen refused: No fullmakt"), "\(story.stdout)")
        #expect(story.stdout.contains("hand-out refused: No ID"))
        let steps = try #require(try butik.run("history", "RR123456785SE", "--json").json(HistoryCommandLineTests.ParcelHistory.self).parcels.first?.steps)
        #expect(steps.map(\.proxyName) == [nil, "Per Hansen", nil])
        let timeline = try butik.run("customer", "history", "MM")
        #expect(timeline.stdout.contains("hand-out to proxy Per Hansen refused (RR123456785SE): No fullmakt"), "\(timeline.stdout)")
        let entries = try butik.run("customer", "history", "MM", "--json").json(HistoryCommandLineTests.Timeline.self).entries
        #expect(entries.map(\.proxyName) == [nil, "Per Hansen", nil])
        #expect(try butik.run("check").status == 0, "the snapshot and the journal agree")

        let notAName = try butik.run("refuse", "MM", "--reason", "x", "--proxy", "1234")
        #expect(notAName.status == 1)
        #expect(notAName.stderr.contains("proxy"), "\(notAName.stderr)")
        #expect(try butik.run("refuse", "--help").stdout.contains("--proxy NAME"))
    }
}
