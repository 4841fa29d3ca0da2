import Foundation
import Testing

/// The proof tests' own reading of the journal catches what they look for: a doubled hand-out,
/// a parcel on the floor while shelves had room, a gap in sequence numbers, and it leaves an
/// unfinished write for the next read.
@Suite struct ReferenceShopTests {
    /// A store with a customer and a parcel handed out, the hand-out undone and handed out again.
    static func shop() throws -> Butik {
        let butik = Butik()
        let actions: [Action] = [
            .addCustomer(name: "Kari Nordmann"), .receive(tracking: Butik.s10(1), to: "KN"),
            .handout(tracking: Butik.s10(1), verified: "id"), .undoHandout(tracking: Butik.s10(1)),
            .handout(tracking: Butik.s10(1), verified: "proxy"),
        ]
        for action in actions {
            let run = try butik.run(arguments: action.arguments)
            #expect(run.status == 0, "\(action): \(run.stderr)")
        }
        return butik
    }

    static func replay(_ butik: Butik) throws -> (names: [Action?], shop: ReferenceShop, problems: [String]) {
        let journal = try JournalTail.all(in: butik.store)
        var shop = ReferenceShop(layout: try .init(store: butik.store))
        return (journal.transactions.map { shop.apply($0) }, shop, journal.problems)
    }

    /// Rewrites the journal's lines (without their newlines).
    static func edit(_ butik: Butik, _ change: (inout [String]) -> Void) throws {
        let url = butik.store.appendingPathComponent("journal/000000000001.jsonl")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        change(&lines)
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: url)
    }

    @Test func eachTransactionIsNamedAsTheActionThatMadeIt() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let replayed = try Self.replay(butik)
        #expect(replayed.names == [
            .addCustomer(name: "Kari Nordmann"), .receive(tracking: Butik.s10(1), to: "KN"),
            .handout(tracking: Butik.s10(1), verified: "id"), .undoHandout(tracking: Butik.s10(1)),
            .handout(tracking: Butik.s10(1), verified: "proxy"),
        ])
        #expect(replayed.shop.violations.isEmpty)
        #expect(replayed.problems.isEmpty)
    }

    @Test func aHandOutTwiceWithoutAnUndoBreaksARule() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        try Self.edit(butik) { lines in
            lines.append(lines[lines.count - 1].replacingOccurrences(of: #"{"seq":5,"#, with: #"{"seq":6,"#))
        }
        let replayed = try Self.replay(butik)
        #expect(replayed.shop.violations.count == 1)
        #expect(replayed.shop.violations.first?.hasPrefix("line 6: \(Butik.s10(1)) is handed out while handedOut") == true)
        #expect(replayed.problems.isEmpty)
    }

    @Test func aParcelOnTheFloorWhileShelvesHaveRoomBreaksARule() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        try Self.edit(butik) { lines in lines[1] = lines[1].replacingOccurrences(of: #""slot":"A1""#, with: #""slot":"FLOOR""#) }
        #expect(try Self.replay(butik).shop.violations == [#"line 2: \#(Butik.s10(1)) went to FLOOR while ["A1", "A2", "A3"] had room"#])
    }

    @Test func aGapInSequenceNumbersIsAProblem() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        try Self.edit(butik) { lines in lines.remove(at: 2) }
        #expect(try Self.replay(butik).problems == ["lines [4] follow line 2"])
    }

    @Test func anUnfinishedWriteIsLeftForTheNextRead() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        var tail = JournalTail(store: butik.store)
        #expect(try tail.read().count == 5)
        let end = tail.offset
        try Self.edit(butik) { lines in
            lines.append(lines[0].replacingOccurrences(of: #"{"seq":1,"v":1,"#, with: #"{"seq":6,"v":1,"more":true,"#))
        }
        #expect(try tail.read().isEmpty)
        #expect(tail.offset == end)
        #expect(try JournalTail.all(in: butik.store).problems.count == 1)
        // A writer finishes the transaction: the next read gets all of it.
        try Self.edit(butik) { lines in
            lines.append(lines[1].replacingOccurrences(of: #"{"seq":2,"#, with: #"{"seq":7,"#))
        }
        #expect(try tail.read().map(\.events.count) == [2])
    }
}
