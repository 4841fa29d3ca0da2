import ButikDomain
@testable import ButikStore
import Foundation
import Testing

/// Erasing a customer from every file of the store: the journal's closed segments rewritten,
/// the snapshot and the history file made again, the list of erasures kept through a restore.
@Suite struct ErasureStoreTests {
    static let layout = """
    {"schema":1,"name":"Test","timeZone":"Europe/Oslo","shelves":[{"id":"A","slots":4,"capacity":5,"size":"small"}],
     "overflow":{"id":"FLOOR","name":"Floor"},"outbound":{"id":"OUT","name":"Out"},"defaultHoldDays":7,
     "carriers":[{"id":"postnord","name":"PostNord","holdDays":7}]}
    """
    /// Anna's personal data as it is written in the files; Ola's, which must stay.
    static let anna = ["Anna Berg", "41234567", "anna@example.no", "Allergic to dogs", "Petra Lund", "passport 4711",
                       "ID did not match", "by the door"]
    static let ola = ["Ola Dahl", "97654321", "ola@example.no", "Prefers mornings", "Tove Moe", "licence 0815", "wrong face"]

    /// 5 January, 5 February, 5 March 2026 at noon in Oslo: each month a segment of its own.
    static func month(_ index: Int, _ minutes: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_767_610_800 + Double(index) * 31 * 86_400 + Double(minutes) * 60)
    }

    /// A store where both customers went through every kind of record that holds personal
    /// data, over three months; Ola's last parcel still waits. Returns the store and the ids.
    static func shop(in dir: URL) throws -> (ShopStore, anna: CustomerID, ola: CustomerID) {
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(layout.utf8))
        var minute = 0
        func run<O>(_ month: Int, _ decide: (ShopState, Context) throws(DomainError) -> Decision<O>) throws -> O {
            minute += 5
            return try store.perform(staff: "kari", now: Self.month(month, minute), decide)
        }
        var ids: [CustomerID] = [], first: [ParcelID] = []
        let people = [anna, ola]
        func number(_ n: Int, _ index: Int) -> ParsedTracking {
            ParsedTracking(number: TrackingNumber("RR\(n)0000000\(index)NO"), format: .s10, checkDigit: .none)
        }
        func receive(_ month: Int, _ n: Int, _ index: Int) throws -> ParcelID {
            try run(month) { s, c throws(DomainError) in
                try s.receive(ReceiveRequest(tracking: number(n, index), recipient: .customer(ids[index]), carrier: "postnord"), c)
            }.parcel.id
        }
        for words in people {
            ids.append(try run(0) { s, c throws(DomainError) in
                try s.addCustomer(NewCustomer(name: words[0], phones: [words[1]], email: words[2], note: words[3]), c)
            }.id)
        }
        for (index, words) in people.enumerated() {
            let customer = ids[index]
            _ = try run(0) { s, c in s.expect([ManifestEntry(line: 2, tracking: number(1, index), name: words[0], phone: words[1])], c) }
            first.append(try receive(0, 1, index))
            _ = try run(0) { s, c throws(DomainError) in try s.authoriseProxy(words[4], for: customer, c) }
            _ = try run(0) { s, c throws(DomainError) in try s.refuseHandOut(customer, parcels: [first[index]], reason: words[6], c) }
        }
        for (index, words) in people.enumerated() {
            _ = try run(1) { s, c throws(DomainError) in
                try s.handOut(HandOutRequest(parcels: [first[index]], verification: .proxy, proxyName: words[4], proxyID: words[5]), c)
            }
            let second = try receive(1, 2, index)
            _ = try run(1) { s, c throws(DomainError) in try s.addToQueue(ids[index], announcedFor: nil, note: index == 0 ? anna[7] : nil, c) }
            _ = try run(1) { s, c throws(DomainError) in try s.handOut(HandOutRequest(parcels: [second], verification: .id), c) }
        }
        _ = try receive(2, 3, 1)
        try store.writeSnapshot()
        _ = try store.history(for: .day(Day(month(2), in: store.layout.zone)))
        return (store, ids[0], ids[1])
    }

    /// Every file of the store folder but its backups, by path, with its bytes.
    static func files(_ dir: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let root = dir.standardizedFileURL.path
        for case let path as String in FileManager.default.enumerator(atPath: root)! where !path.hasPrefix("backups") {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            }
        }
        return found
    }

    static func holders(of word: String, in files: [String: Data]) -> [String] {
        files.filter { $0.value.range(of: Data(word.utf8)) != nil }.keys.sorted()
    }

    static func checked(_ dir: URL) -> [CheckReport.Problem] { Store<ShopState>.check(folder: dir, empty: ShopState()).problems }

    @Test func noneOfTheirDataIsLeftInAnyFileAndTheStoreChecks() throws {
        try withTemporaryFolder { dir in
            let (store, anna, ola) = try Self.shop(in: dir)
            let before = try Self.files(dir)
            for word in Self.anna { #expect(Self.holders(of: word, in: before).contains { $0.hasPrefix("journal/") }, "\(word)") }
            #expect(!Self.holders(of: "Anna Berg", in: before).filter { $0 == "history.bin" || $0 == "snapshot.json" }.isEmpty)
            let segments = before.keys.filter { $0.hasPrefix("journal/") }.sorted()
            #expect(segments.count == 3)

            let timeline = try store.history(for: .timeline(anna, since: nil, page: 1, pageSize: 20)).timeline(of: anna).total
            let done = try store.erase(key: CustomerKey(typed: "AB"), staff: "kari", now: Self.month(2, 600))
            #expect(done.outcome.customer.name == "Anna Berg" && !done.outcome.alreadyErased)
            #expect(done.rewrite.segments == Array(segments.prefix(2)).map { String($0.dropFirst("journal/".count)) })

            let after = try Self.files(dir)
            #expect(Set(after.keys) == Set(before.keys).union([ShopStore.erasuresFileName]))
            for word in Self.anna { #expect(Self.holders(of: word, in: after).isEmpty, "\(word) is left") }
            for word in Self.ola { #expect(!Self.holders(of: word, in: after).filter { $0.hasPrefix("journal/") }.isEmpty, "\(word)") }
            for file in ["snapshot.json", "history.bin"] { #expect(Self.holders(of: "Ola Dahl", in: after).contains(file), "\(file)") }
            #expect(String(decoding: after[ShopStore.erasuresFileName]!, as: UTF8.self).hasPrefix(#"{"customers":[1],"#))
            #expect(Self.checked(dir).isEmpty, "\(Self.checked(dir))")
            #expect(try store.historyFileProblem() == nil)

            // Every line kept its sequence number; the lines without her data are as they were.
            for segment in segments {
                let old = splitLines([UInt8](before[segment]!)), new = splitLines([UInt8](after[segment]!))
                #expect(old.count == new.count || segment == segments.last)
                for (a, b) in zip(old, new) {
                    #expect(a.prefix(while: { $0 != UInt8(ascii: ",") }) == b.prefix(while: { $0 != UInt8(ascii: ",") }))
                    let hers = Self.anna.contains { Data(a).range(of: Data($0.utf8)) != nil }
                    #expect((a != b) == hers, "\(String(decoding: a, as: UTF8.self))")
                }
            }
            // Opened again, the state is the one the erasure left.
            let reopened = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            #expect(reopened.state == store.state.compacted())
            #expect(reopened.state.isErased(anna) && !reopened.state.isErased(ola))
            #expect(reopened.state.customers[ola]?.name == "Ola Dahl")
            #expect(reopened.state.customer(withKey: CustomerKey(typed: "#C1"))?.id == anna)
            #expect(try reopened.history(for: .timeline(anna, since: nil, page: 1, pageSize: 20)).timeline(of: anna).total == timeline)

            // Erasing again rewrites nothing and changes nothing.
            let again = try reopened.erase(key: CustomerKey(typed: "#C1"), staff: "kari", now: Self.month(2, 700))
            #expect(again.outcome.alreadyErased && again.rewrite.lines == 0)
            #expect(try Self.files(dir).filter { $0.key.hasPrefix("journal/") } == after.filter { $0.key.hasPrefix("journal/") })
        }
    }

    /// The erasure writes `history.bin` from its one pass over the journal, each entry as it
    /// rewrites it: byte for byte the file a rebuild from the rewritten journal writes, with
    /// spills (every few entries) and without; and so too erasing again after a restore.
    @Test(arguments: [HistoryRebuild.settleEvery, 3])
    func theHistoryFileWrittenInTheErasuresPassIsTheOneTheRewrittenJournalGives(settleEvery: Int) throws {
        try withTemporaryFolder { dir in
            let (store, anna, _) = try Self.shop(in: dir)
            store.historySettleEvery = settleEvery
            let history = dir.appendingPathComponent(ShopStore.historyFileName)
            func rebuilt() throws -> Data {
                let written = try Data(contentsOf: history)
                try FileManager.default.removeItem(at: history)
                try store.prepareHistory(now: Self.month(2, 650))
                #expect(store.notices.isEmpty, "\(store.notices)")
                return written
            }
            let backup = try store.backup(into: dir.appendingPathComponent("backups"), now: Self.month(2, 500))
            _ = try store.erase(key: CustomerKey(typed: "AB"), staff: "kari", now: Self.month(2, 600))
            let written = try rebuilt()
            #expect(written == (try Data(contentsOf: history)))
            #expect(Self.holders(of: "Anna Berg", in: ["history.bin": written]).isEmpty)
            #expect(!Self.holders(of: "Ola Dahl", in: ["history.bin": written]).isEmpty)

            try store.restore(from: backup)
            let restored = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            restored.historySettleEvery = settleEvery
            #expect(try restored.reapplyErasures(staff: "kari", now: Self.month(2, 800)) == [anna])
            let again = try Data(contentsOf: history)
            try FileManager.default.removeItem(at: history)
            try restored.prepareHistory(now: Self.month(2, 850))
            #expect(again == (try Data(contentsOf: history)))
        }
    }

    /// What the pass above rests on: an entry scrubbed right after it is surveyed is what it is
    /// once the whole journal is surveyed, but for a manifest line (which the history does not
    /// read): that one is known to announce their parcel only when the parcel arrives.
    @Test func anEntryScrubbedAsItIsSurveyedIsScrubbedAsAfterTheWholeSurveyButForManifestLines() throws {
        try withTemporaryFolder { dir in
            let (store, anna, _) = try Self.shop(in: dir)
            var erasure = Erasure(customers: [anna], merged: store.state.mergedCustomers)
            let entries = try store.store.fold([(Record, Int)]()) { $0.append(($1, $2)) }
            var asSurveyed: [Record] = []
            for (record, seq) in entries {
                erasure.survey(record, seq: seq)
                asSurveyed.append(erasure.scrubbed(record, seq: seq))
            }
            var manifestLinesScrubbedLater = 0
            for ((record, seq), early) in zip(entries, asSurveyed) {
                if case .parcelsExpected = record.event {
                    if early != erasure.scrubbed(record, seq: seq) { manifestLinesScrubbedLater += 1 }
                } else {
                    #expect(early == erasure.scrubbed(record, seq: seq), "line \(seq)")
                }
            }
            #expect(manifestLinesScrubbedLater == 1, "her manifest line is scrubbed only once her parcel has arrived")
            #expect(zip(entries, asSurveyed).contains { entry, early in
                if case .parcelsExpected = entry.0.event { false } else { early != entry.0 }
            }, "other lines of hers are scrubbed as they are surveyed")
        }
    }

    @Test func refusedWhileTheirParcelsAreInTheShopWithNothingChanged() throws {
        try withTemporaryFolder { dir in
            let (store, _, _) = try Self.shop(in: dir)
            let before = try Self.files(dir)
            #expect(throws: DomainError.erasureWithParcelsInShop(key: CustomerKey(typed: "OD"), parcels: [TrackingNumber("RR300000001NO")])) {
                try store.erase(key: CustomerKey(typed: "OD"), staff: "kari", now: Self.month(2, 600))
            }
            #expect(try Self.files(dir) == before)
            #expect(store.readOnlyReason == nil)
        }
    }

    @Test func aRestoredOlderBackupIsErasedAgainAndARepairComparesScrubbedLines() throws {
        try withTemporaryFolder { dir in
            let (store, anna, _) = try Self.shop(in: dir)
            let backup = try store.backup(into: dir.appendingPathComponent("backups"), now: Self.month(2, 500))
            _ = try store.erase(key: CustomerKey(typed: "AB"), staff: "kari", now: Self.month(2, 600))
            // The backup made before still holds her data (the shop's retention removes it).
            #expect(!Self.holders(of: "Anna Berg", in: try Self.files(backup)).isEmpty)

            try store.restore(from: backup)
            let restored = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            #expect(!restored.state.isErased(anna))
            #expect(try restored.erasedCustomers() == [anna])
            #expect(try restored.reapplyErasures(staff: "kari", now: Self.month(2, 800)) == [anna])
            let files = try Self.files(dir)
            for word in Self.anna { #expect(Self.holders(of: word, in: files).isEmpty, "\(word) is back") }
            #expect(Self.checked(dir).isEmpty, "\(Self.checked(dir))")
            #expect(try restored.reapplyErasures(staff: "kari", now: Self.month(2, 900)).isEmpty)

            // A damaged line is healed from the older backup, its lines scrubbed first.
            let first = dir.appendingPathComponent("journal/000000000001.jsonl")
            var bytes = try [UInt8](Data(contentsOf: first))
            bytes[bytes.firstIndex(of: UInt8(ascii: "\n"))! + 20] ^= 1
            try Data(bytes).write(to: first)
            let damaged = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            #expect(try damaged.verifyJournal() != nil)
            #expect(try damaged.repair(from: backup).replacedLines == [2])
            #expect(Self.checked(dir).isEmpty, "\(Self.checked(dir))")
        }
    }

    /// Another program that had the store open before the erasure (the UI) follows it: its next
    /// snapshot is of the erased state, and its state is the one the erasure left.
    @Test func anotherProgramFollowsAndWritesNoSnapshotOfTheirData() throws {
        try withTemporaryFolder { dir in
            let (store, anna, _) = try Self.shop(in: dir)
            let other = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            #expect(other.state.customers[anna]?.name == "Anna Berg")
            _ = try store.erase(key: CustomerKey(typed: "AB"), staff: "kari", now: Self.month(2, 600))
            try other.writeSnapshot()
            #expect(Self.holders(of: "Anna Berg", in: try Self.files(dir)).isEmpty)
            #expect(other.readOnlyReason == nil && other.state.compacted() == store.state.compacted())
            #expect(Self.checked(dir).isEmpty, "\(Self.checked(dir))")
        }
    }

    /// When the segment another program appends to is rewritten, it finds the file replaced at
    /// its next refresh, goes read-only, and opened again holds the erased state.
    @Test func aProgramWhoseLastSegmentWasRewrittenOpensTheStoreAgain() throws {
        try withTemporaryFolder { dir in
            let store = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            let anna = try store.perform(staff: "kari", now: Self.month(0)) { s, c throws(DomainError) in
                try s.addCustomer(NewCustomer(name: "Anna Berg", phones: ["41234567"]), c)
            }
            let other = try ShopStore.open(folder: dir, defaultLayout: Data(Self.layout.utf8))
            let done = try store.erase(key: CustomerKey(typed: "AB"), staff: "kari", now: Self.month(0, 5))
            #expect(done.rewrite.segments == ["000000000001.jsonl"])
            #expect(throws: StoreError.self) { try other.refresh() }
            #expect(other.readOnlyReason != nil)
            let again = try other.reopened()
            #expect(again.readOnlyReason == nil && again.state.isErased(anna.id))
            #expect(try store.perform(staff: "kari", now: Self.month(0, 10)) { s, c throws(DomainError) in
                try s.addCustomer(NewCustomer(name: "Ola Dahl"), c)
            }.key == CustomerKey(typed: "OD"))
        }
    }
}
