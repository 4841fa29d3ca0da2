import Foundation
import Testing
@testable import ButikDomain

/// Erasing a customer: what of each record goes, that nothing else changes, and the rule.
@Suite struct ErasureTests {
    /// Anna Berg's personal data, in every kind of record that holds it; Ola Dahl has the same
    /// kinds of records, which must stay as they were.
    static let annasWords = ["Anna", "Berg", "41234567", "anna@example.no", "Allergic to dogs", "Petra", "Lund", "passport 4711",
                             "ID did not match", "by the door", "AB", "Asked about the red box", "Lid was torn", "Sent photos",
                             "Refund agreed", "Moved to Fana", "Annabel Kvist", "93332221"]
    static let olasWords = ["Ola", "Dahl", "97654321", "ola@example.no", "Prefers mornings", "Tove", "Moe", "licence 0815",
                            "wrong face", "in a hurry", "OD", "Wants a call back", "Box was wet", "Asked Bring",
                            "Sender resent it", "Works nights", "Olav Rudi", "95554443"]

    /// A shop where both customers went through every kind of record that holds personal data.
    static func shop() throws -> (RecordedShop, anna: CustomerID, ola: CustomerID) {
        var shop = RecordedShop()
        var time = Fixtures.now
        func context() -> Context {
            time += 600
            return Fixtures.context(at: time)
        }
        func run<O>(_ decide: (ShopState, Context) throws(DomainError) -> Decision<O>) throws -> O {
            let context = context()
            return shop.run(try decide(shop.state, context), context)
        }
        var ids: [CustomerID] = []
        for (index, words) in [annasWords, olasWords].enumerated() {
            let name = words[0] + " " + words[1]
            let customer = try run { s, c throws(DomainError) in
                try s.addCustomer(NewCustomer(name: name, phones: [words[2]], email: words[3], note: words[4]), c)
            }
            ids.append(customer.id)
            let numbers = ["RR10000000\(index)NO", "RR20000000\(index)NO", "RR30000000\(index)NO"].map { Fixtures.tracking($0, checkDigit: .none) }
            // A manifest announces the first parcel (with the name and phone), and another
            // customer's number in the same file.
            _ = try run { s, c in
                s.expect([ManifestEntry(line: 2, tracking: numbers[0], name: name, phone: words[2]),
                          ManifestEntry(line: 3, tracking: Fixtures.tracking("RR99999999\(index)NO", checkDigit: .none), name: "Someone Else")], c)
            }
            var parcels: [ParcelID] = []
            for number in numbers {
                let received = try run { s, c throws(DomainError) in
                    try s.receive(ReceiveRequest(tracking: number, recipient: .customer(customer.id), carrier: "postnord"), c)
                }
                parcels.append(received.parcel.id)
            }
            let proxy = words[5] + " " + words[6]
            _ = try run { s, c throws(DomainError) in try s.authoriseProxy(proxy, for: customer.id, c) }
            _ = try run { s, c throws(DomainError) in
                try s.refuseHandOut(customer.id, parcels: [parcels[0]], reason: words[8], proxyName: proxy, c)
            }
            _ = try run { s, c throws(DomainError) in
                try s.handOut(HandOutRequest(parcels: [parcels[0]], verification: .proxy, proxyName: proxy, proxyID: words[7]), c)
            }
            _ = try run { s, c throws(DomainError) in try s.revokeProxy(proxy, for: customer.id, c) }
            _ = try run { s, c throws(DomainError) in try s.addToQueue(customer.id, announcedFor: nil, note: words[9], c) }
            _ = try run { s, c throws(DomainError) in try s.closeQueueEntry(for: customer.id, as: .done, c) }
            _ = try run { s, c throws(DomainError) in try s.handOut(HandOutRequest(parcels: [parcels[1]], verification: .id), c) }
            _ = try run { s, c throws(DomainError) in try s.returnToSender(parcels[2], c) }
            _ = try run { s, c throws(DomainError) in try s.collectByDriver([parcels[2]], c) }
            _ = try run { s, c throws(DomainError) in
                try s.dropOff(tracking: Fixtures.tracking("CT00000000\(index)NO", checkDigit: .none), carrier: "postnord", customer: customer.id, c)
            }
            // A contact, a case with an update and its close, an edited note, and a second
            // record of theirs (with a phone) merged into theirs.
            _ = try run { s, c throws(DomainError) in try s.logContact(customer.id, channel: .messenger, about: .question, text: words[11], c) }
            let opened = try run { s, c throws(DomainError) in
                try s.openCase(NewCase(customer: customer.id, kind: .claim(.damaged), text: words[12]), c)
            }
            _ = try run { s, c throws(DomainError) in try s.updateCase(opened.id, CaseChange(text: words[13]), c) }
            _ = try run { s, c throws(DomainError) in try s.closeCase(opened.id, text: words[14], c) }
            var changes = CustomerChanges()
            changes.note = words[15]
            _ = try run { s, c throws(DomainError) in try s.editCustomer(customer.id, changes, c) }
            let second = try run { s, c throws(DomainError) in try s.addCustomer(NewCustomer(name: words[16], phones: [words[17]]), c) }
            _ = try run { s, c throws(DomainError) in try s.mergeCustomers(keep: customer.id, other: second.id, c) }
        }
        return (shop, ids[0], ids[1])
    }

    /// The records with the customers' data scrubbed, as the store rewrites its journal.
    static func scrubbed(_ records: [Record], erasing customers: Set<CustomerID>) -> (records: [Record], lines: Set<Int>) {
        var erasure = Erasure(customers: customers, merged: state(records).mergedCustomers)
        for (index, record) in records.enumerated() { erasure.survey(record, seq: index + 1) }
        return (records.enumerated().map { erasure.scrubbed($1, seq: $0 + 1) }, erasure.linesToRewrite)
    }

    static func state(_ records: [Record]) -> ShopState {
        var state = ShopState()
        for record in records { state.apply(record) }
        return state
    }

    static func history(_ records: [Record]) -> History {
        var history = History(zone: Fixtures.oslo)
        for (index, record) in records.enumerated() { history.apply(record, seq: index + 1) }
        return history
    }

    @Test func everyRecordOfTheirsLosesTheirWordsAndNoOtherChanges() throws {
        let (shop, anna, ola) = try Self.shop()
        let (scrubbed, lines) = Self.scrubbed(shop.records, erasing: [anna])
        let before = try shop.records.map(JournalCoding.json), after = try scrubbed.map(JournalCoding.json)
        for word in Self.annasWords {
            #expect(before.contains { $0.contains(word) }, "\(word) is in the journal to begin with")
            #expect(!after.contains { $0.contains(word) }, "\(word) is left: \(after.filter { $0.contains(word) })")
        }
        for word in Self.olasWords { #expect(after.filter { $0.contains(word) }.count == before.filter { $0.contains(word) }.count, "\(word)") }
        #expect(after.contains { $0.contains("Someone Else") }, "the other number on Anna's manifest")
        // Exactly the lines said to be rewritten changed.
        for (index, (old, new)) in zip(before, after).enumerated() { #expect((old != new) == lines.contains(index + 1), "line \(index + 1): \(old)") }
        // Each kind of record that holds her data is among them.
        let kinds = Set(lines.map { EventCodingTests.kind(shop.records[$0 - 1].event) })
        #expect(kinds == ["customerAdded", "parcelsExpected", "parcelReceived", "proxyAuthorised", "handOutRefused", "parcelsHandedOut",
                          "proxyRevoked", "queueEntryAdded", "contactLogged", "caseOpened", "caseUpdated", "customerEdited"])
        // Ola's records, and every record's ids, times and staff, are as they were.
        for (old, new) in zip(shop.records, scrubbed) {
            #expect(old.at == new.at && old.staff == new.staff && EventCodingTests.kind(old.event) == EventCodingTests.kind(new.event))
        }
        #expect(Self.scrubbed(shop.records, erasing: [ola]).lines.isDisjoint(with: lines))
    }

    @Test func theRewrittenJournalGivesTheStateTheErasureLeaves() throws {
        var (shop, anna, _) = try Self.shop()
        let context = Fixtures.context(at: shop.state.lastRecordAt!.addingTimeInterval(60))
        shop.run(try shop.state.erase(anna, context), context)
        let (scrubbed, _) = Self.scrubbed(shop.records, erasing: [anna])
        let replayed = Self.state(scrubbed)
        #expect(replayed == shop.state)
        #expect(try JournalCoding.json(replayed) == JournalCoding.json(shop.state))
        let json = try JournalCoding.json(shop.state)
        for word in Self.annasWords { #expect(!json.contains(word), "\(word) left in the state") }
        for word in Self.olasWords.prefix(4) + ["Works nights", "Wants a call back"] { #expect(json.contains(word), "\(word) of Ola") }
        #expect(shop.state.isErased(anna))
        #expect(shop.state.customers[anna]?.key == "#C1")
        #expect(shop.state.customer(withKey: CustomerKey(typed: "#c1"))?.id == anna)
        #expect(shop.state.customer(withKey: "AB") == nil)
    }

    @Test func countsAndOtherCustomersHistoryStayTheSame() throws {
        let (shop, anna, ola) = try Self.shop()
        let before = Self.history(shop.records), after = Self.history(Self.scrubbed(shop.records, erasing: [anna]).records)
        #expect(after.part.days == before.part.days)
        #expect(after.part.onHandChanges == before.part.onHandChanges)
        #expect(after.part.tracking == before.part.tracking)
        #expect(after.part.timelines[ola] == before.part.timelines[ola])
        #expect(after.part.stories.filter { $0.value.customer == ola } == before.part.stories.filter { $0.value.customer == ola })
        #expect(after.part.stories.values.filter { $0.customer == anna }.allSatisfy { $0.recipientName == Erasure.marker && $0.key == "#C1" })
        #expect(after.timeline(of: anna).total == before.timeline(of: anna).total)
    }

    /// Over random journals (numbers coming back, undone receipts, undone hand-outs, earlier
    /// erasures), erasing any customer the rule allows gives the same state from the rewritten
    /// journal, and the same counts every day.
    @Test(arguments: [1, 2, 7, 42] as [UInt64])
    func randomJournalsRewriteToTheSameState(seed: UInt64) throws {
        let journal = RandomJournal(seed: seed)
        let before = Self.history(journal.records)
        var erased = 0
        for customer in journal.state.customers.keys.sorted() {
            let context = Fixtures.context(at: journal.state.lastRecordAt!.addingTimeInterval(60))
            var state = journal.state, records = journal.records
            // Their open cases are closed first, as the rule asks.
            for open in state.openCustomerCases(customer) {
                records += state.apply(try state.closeCase(open.id, text: "Erased on request", context), context)
            }
            guard let decision = try? state.erase(customer, context), !decision.events.isEmpty else { continue }
            erased += 1
            records += state.apply(decision, context)
            let scope = journal.state.erasedCustomers.union([customer])
            let (scrubbed, _) = Self.scrubbed(records, erasing: scope)
            #expect(Self.state(scrubbed) == state, "seed \(seed), \(customer)")
            let after = Self.history(scrubbed)
            #expect(after.part.days == before.part.days)
            // Theirs, and the timelines of the records merged into theirs.
            let theirs = scope.union(journal.state.mergedCustomers.filter { scope.contains($0.value) }.keys)
            #expect(after.part.timelines.filter { !theirs.contains($0.key) } == before.part.timelines.filter { !theirs.contains($0.key) })
            // Rewriting the rewritten journal changes nothing.
            let again = Self.scrubbed(scrubbed, erasing: scope)
            #expect(again.lines.isEmpty, "\(again.lines.sorted().map { (records[$0 - 1], scrubbed[$0 - 1], again.records[$0 - 1]) })")
        }
        #expect(erased > 0)
    }

    @Test func refusedWhileTheirParcelsAreOnTheShelfOrInOut() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Moe")
        let parcel = try state.receiveTestParcel("RR123456785NO", for: maria)
        #expect(state.domainError { try $0.erase(maria.id, Fixtures.context()) }
                == .erasureWithParcelsInShop(key: "MM", parcels: [parcel.tracking]))
        state.commit(try state.returnToSender(parcel.id, Fixtures.context()), Fixtures.context())
        #expect(state.domainError { try $0.erase(maria.id, Fixtures.context()) }
                == .erasureWithParcelsInShop(key: "MM", parcels: [parcel.tracking]))
        state.commit(try state.collectByDriver([parcel.id], Fixtures.context()), Fixtures.context())
        let decision = try state.erase(maria.id, Fixtures.context())
        #expect(decision.events == [.customerErased(customer: maria.id)])
        #expect(decision.outcome == ErasureOutcome(customer: state.customers[maria.id]!, alreadyErased: false))
    }

    @Test func erasingTwiceDecidesNothing() throws {
        var state = ShopState()
        let maria = try state.addTestCustomer("Maria Moe")
        state.commit(try state.erase(maria.id, Fixtures.context()), Fixtures.context())
        let again = try state.erase(maria.id, Fixtures.context())
        #expect(again.events.isEmpty)
        #expect(again.outcome.alreadyErased)
        #expect(state.domainError { try $0.erase(CustomerID(99), Fixtures.context()) } == .unknownCustomer("C99"))
    }

    /// A manifest line goes with the parcel that arrived as it: when that receipt is undone,
    /// the next receipt of the number (another customer's) takes it.
    @Test func aManifestLineFollowsTheReceiptThatKept() throws {
        var shop = RecordedShop()
        let context = Fixtures.context()
        let anna = shop.run(try shop.state.addCustomer(NewCustomer(name: "Anna Berg"), context), context)
        let ola = shop.run(try shop.state.addCustomer(NewCustomer(name: "Ola Dahl"), context), context)
        let number = Fixtures.tracking("RR123456785NO")
        shop.run(shop.state.expect([ManifestEntry(line: 2, tracking: number, name: "Ola Dahl", phone: "97654321")], context), context)
        let wrong = shop.run(try shop.state.receive(ReceiveRequest(tracking: number, recipient: .customer(anna.id)), context), context)
        shop.run(try shop.state.undoReceipt(wrong.parcel.id, context), context)
        shop.run(try shop.state.receive(ReceiveRequest(tracking: number, recipient: .customer(ola.id)), context), context)
        let (scrubbed, lines) = Self.scrubbed(shop.records, erasing: [anna.id])
        #expect(scrubbed[2] == shop.records[2], "Ola's manifest line stays")
        #expect(lines == [1, 4])
        #expect(Self.scrubbed(shop.records, erasing: [ola.id]).lines == [2, 3, 6])
    }

    /// A number that comes back without a new manifest line (the parcel went to the sender and
    /// was sent again, to someone else): the line was the first recipient's, so erasing them
    /// scrubs it in the journal and in live state alike, and erasing the second leaves it.
    @Test func aManifestLineStaysWithTheFirstParcelOfItsNumber() throws {
        var shop = RecordedShop()
        let context = Fixtures.context()
        let anna = shop.run(try shop.state.addCustomer(NewCustomer(name: "Anna Berg"), context), context)
        let ola = shop.run(try shop.state.addCustomer(NewCustomer(name: "Ola Dahl"), context), context)
        let number = Fixtures.tracking("RR123456785NO")
        shop.run(shop.state.expect([ManifestEntry(line: 2, tracking: number, name: "Anna Berg", phone: "41234567")], context), context)
        let first = shop.run(try shop.state.receive(ReceiveRequest(tracking: number, recipient: .customer(anna.id)), context), context)
        shop.run(try shop.state.returnToSender(first.parcel.id, context), context)
        shop.run(try shop.state.collectByDriver([first.parcel.id], context), context)
        let second = shop.run(try shop.state.receive(ReceiveRequest(tracking: number, recipient: .customer(ola.id), again: true), context), context)
        #expect(shop.state.records.expected[number.number]?.arrivedAs == first.parcel.id)
        shop.run(try shop.state.handOut(HandOutRequest(parcels: [second.parcel.id], verification: .id), context), context)

        var erased = shop
        erased.run(try erased.state.erase(anna.id, context), context)
        let (scrubbed, lines) = Self.scrubbed(erased.records, erasing: [anna.id])
        #expect(lines.contains(3), "Anna's manifest line")
        #expect(Self.state(scrubbed) == erased.state)
        #expect(erased.state.records.expected[number.number]?.name == Erasure.marker)

        let (kept, olaLines) = Self.scrubbed(shop.records, erasing: [ola.id])
        #expect(!olaLines.contains(3))
        #expect(kept[2] == shop.records[2])
    }
}
