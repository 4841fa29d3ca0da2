import Foundation
import Testing
@testable import ButikDomain

/// Retention: what a purge removes, what it keeps, and that the rewritten journal gives the
/// state the purge leaves.
@Suite struct PurgeTests {
    static let rule = RetentionRule(days: 30)

    /// Kari: an old question, an old resolved claim with a contact about it, an old case that is
    /// still open with an old contact about it, a case resolved long ago and reopened and
    /// resolved again last week, and a new question.
    static func shop() throws -> (RecordedShop, kari: CustomerID, at: (Int) -> Context) {
        var shop = RecordedShop()
        func at(_ day: Int) -> Context { Fixtures.context(at: Fixtures.now.addingTimeInterval(Double(day) * 86_400)) }
        let kari = shop.run(try shop.state.addCustomer(NewCustomer(name: "Kari Nordmann"), at(0)), at(0)).id
        shop.run(try shop.state.logContact(kari, channel: .messenger, about: .question, text: "Spurte om åpningstider", at(0)), at(0))
        let claim = shop.run(try shop.state.openCase(NewCase(customer: kari, kind: .claim(.damaged), text: "Knust vase"), at(1)), at(1))
        shop.run(try shop.state.logContact(kari, channel: .phone, about: .case(claim.id), text: "Ringte om vasen", at(1)), at(1))
        shop.run(try shop.state.closeCase(claim.id, text: "Erstattet av avsender", at(2)), at(2))
        let open = shop.run(try shop.state.openCase(NewCase(customer: kari, kind: .question, text: "Venter på svar"), at(3)), at(3))
        shop.run(try shop.state.logContact(kari, channel: .email, about: .case(open.id), text: "Sendte bilde", at(3)), at(3))
        let again = shop.run(try shop.state.openCase(NewCase(customer: kari, kind: .complaint, text: "Klaget på ventetid"), at(4)), at(4))
        shop.run(try shop.state.closeCase(again.id, text: "Beklaget", at(5)), at(5))
        shop.run(try shop.state.reopenCase(again.id, text: "Kom tilbake", at(60)), at(60))
        shop.run(try shop.state.closeCase(again.id, text: "Løst", at(61)), at(61))
        shop.run(try shop.state.logContact(kari, channel: .counter, about: .question, text: "Ny adresse", at(62)), at(62))
        return (shop, kari, at)
    }

    @Test func removesOldContactsAndOldClosedCasesAndKeepsTheRest() throws {
        let (shop, kari, at) = try Self.shop()
        let decision = shop.state.purge(Self.rule, at(65))
        let outcome = decision.outcome
        #expect(outcome.firstDayKept == Fixtures.today.adding(days: 35))
        #expect(outcome.cases.map(\.text) == ["Knust vase"])
        #expect(outcome.contacts.map(\.text) == ["Spurte om åpningstider", "Ringte om vasen"])
        #expect(decision.events == [.purged(contacts: outcome.contacts.map(\.id), cases: outcome.cases.map(\.id))])

        var state = shop.state
        state.commit(decision, at(65))
        #expect(state.contacts.values.map(\.text).sorted() == ["Ny adresse", "Sendte bilde"])
        #expect(state.customerCases(kari).map(\.text) == ["Venter på svar", "Klaget på ventetid"])
        #expect(state.openCustomerCases(kari).map(\.text) == ["Venter på svar"])
        // The numbers stay used.
        let next = try state.logContact(kari, channel: .phone, about: .question, text: "Igjen", at(65)).outcome
        #expect(next.id == ContactID(5))
    }

    @Test func nothingOldEnoughDecidesNothing() throws {
        let (shop, _, at) = try Self.shop()
        let decision = shop.state.purge(Self.rule, at(20))
        #expect(decision.events.isEmpty)
        #expect(decision.outcome.contacts.isEmpty && decision.outcome.cases.isEmpty)
        #expect(shop.state.purge(RetentionRule(days: 365), at(65)).events.isEmpty)
    }

    @Test func theRewrittenJournalGivesTheStateThePurgeLeavesAndTheTimelineLosesThem() throws {
        var (shop, kari, at) = try Self.shop()
        let decision = shop.state.purge(Self.rule, at(65))
        shop.run(decision, at(65))
        var purge = Purge()
        for (index, record) in shop.records.enumerated() { purge.survey(record, seq: index + 1) }
        #expect(purge.contacts == Set(decision.outcome.contacts.map(\.id)) && purge.cases == Set(decision.outcome.cases.map(\.id)))
        let rewritten = shop.records.map(purge.scrubbed)
        var replayed = ShopState()
        for record in rewritten { replayed.apply(record) }
        #expect(replayed == shop.state)
        #expect(try JournalCoding.json(replayed) == JournalCoding.json(shop.state))
        let json = try rewritten.map(JournalCoding.json).joined()
        for gone in ["Spurte om åpningstider", "Ringte om vasen", "Knust vase", "Erstattet av avsender"] { #expect(!json.contains(gone), "\(gone)") }
        for kept in ["Sendte bilde", "Venter på svar", "Beklaget", "Ny adresse", "Kari Nordmann"] { #expect(json.contains(kept), "\(kept)") }
        // Same lines, same times and staff: only the purged ones changed.
        #expect(rewritten.count == shop.records.count)
        let changed = zip(shop.records, rewritten).enumerated().filter { $1.0 != $1.1 }.map { $0.offset + 1 }
        #expect(Set(changed) == purge.linesToRewrite && changed.count == 4)
        #expect(rewritten.map(purge.scrubbed) == rewritten, "rewriting again changes nothing")

        var history = History(zone: Fixtures.oslo)
        for (index, record) in rewritten.enumerated() { history.apply(record, seq: index + 1) }
        let timeline = history.timeline(of: kari, page: 1, pageSize: 100).entries
        #expect(timeline.count == shop.history.timeline(of: kari, page: 1, pageSize: 100).total - 4)
        for entry in timeline {
            switch entry.what {
            case .contact(_, _, _, let text): #expect(!["Spurte om åpningstider", "Ringte om vasen"].contains(text))
            case .caseOpened(let id, _, _), .caseUpdated(let id, _): #expect(!purge.cases.contains(id))
            default: break
            }
        }
    }

    @Test func aRuleOutOfRangeIsAProblemOfTheShopFile() throws {
        #expect(RetentionRule().days == 730)
        #expect(RetentionRule(days: 10).problems.count == 1)
        #expect(RetentionRule(days: 365).problems.isEmpty)
        let read = try JSONDecoder().decode(RetentionRule.self, from: Data("{}".utf8))
        #expect(read == RetentionRule())
    }
}
