import ButikDomain
import ButikResources
import Foundation
import Testing
@testable import ButikStore

/// `history.bin`: every answer read from it (and the journal after it) is the whole history's,
/// whether the file is missing, behind, damaged, made from another journal or from before a
/// restore; a file that cannot be used is named in a notice and rebuilt.
@Suite struct HistoryFileTests {
    static let now = Date(timeIntervalSince1970: 1_764_594_000)  // 2025-12-01 13:00 UTC

    private let layout: Data
    private let records: [Record]

    init() throws {
        layout = try Data(contentsOf: ButikResources.defaultShopLayout)
        let names = try JSONDecoder().decode(
            DemoNames.self, from: Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json")))
        let zone = try JSONDecoder().decode(ShopLayout.self, from: layout)
        records = DemoShop.records(names: names, layout: zone, now: Self.now)
    }

    private func open(_ folder: URL) throws -> ShopStore { try ShopStore.open(folder: folder, defaultLayout: layout) }

    private func path(_ folder: URL) -> String { folder.appendingPathComponent(ShopStore.historyFileName).path }

    private func header(_ folder: URL) throws -> HistoryFile.Header? { try HistoryFileReader.open(path(folder))?.header }

    /// Everything the file holds, every bucket decoded.
    private func contents(_ folder: URL) throws -> History.Part {
        let reader = try #require(try HistoryFileReader.open(path(folder)))
        func all<Key, Value>(_ table: HistoryTable<Key, Value>) throws -> [Key: Value] {
            try reader.pieces(table, buckets: 0..<reader.header.tables[table.index].buckets)
        }
        return History.Part(stories: try all(HistoryTables.stories), tracking: try all(HistoryTables.tracking),
                            timelines: try all(HistoryTables.timelines), days: try all(HistoryTables.days),
                            onHandChanges: try all(HistoryTables.onHand), dropOffCarriers: try all(HistoryTables.dropOffs))
    }

    /// Asks every question the journal can be asked through the file and compares each answer
    /// with the whole history's.
    private func expectEveryAnswerRight(_ store: ShopStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let whole = try store.history()
        #expect(whole.sequence == store.lastSequence, sourceLocation: sourceLocation)
        let received = whole.part.stories.values
        let numbers = Set(received.map(\.tracking))
        // Every number that came back, and others (in the file's order of buckets, any).
        let again = Set(received.map(\.tracking).filter { number in received.filter { $0.tracking == number }.count > 1 })
        for number in again.union(numbers.sorted().prefix(50)) {
            #expect(try store.history(for: .parcels(number)).stories(for: number) == whole.stories(for: number), sourceLocation: sourceLocation)
        }
        for number in numbers.sorted().suffix(20) {
            for text in [number.value, String(number.value.suffix(4)), String(number.value.suffix(7))] {
                let query = try #require(TrackingQuery(text))
                #expect(try store.history(for: .closedParcels(query)).closedStories(matching: query) == whole.closedStories(matching: query),
                        sourceLocation: sourceLocation)
            }
        }
        let first = Day(records.first!.at, in: store.layout.zone), last = Day(records.last!.at, in: store.layout.zone)
        for customer in store.state.customers.keys {
            for (since, page, size) in [(nil, 1, 1000), (nil, 2, 3), (first.adding(days: 3), 1, 4)] as [(Day?, Int, Int)] {
                #expect(try store.history(for: .timeline(customer, since: since, page: page, pageSize: size))
                    .timeline(of: customer, since: since, page: page, pageSize: size)
                    == whole.timeline(of: customer, since: since, page: page, pageSize: size), sourceLocation: sourceLocation)
            }
        }
        for offset in -1...(last.days(since: first) + 1) {
            let day = first.adding(days: offset)
            #expect(try store.history(for: .day(day)).counts(on: day) == whole.counts(on: day), sourceLocation: sourceLocation)
        }
    }

    @Test func aMissingFileIsBuiltFromTheJournalQuietlyAndHoldsTheWholeHistory() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            #expect(try header(folder) == nil)
            try expectEveryAnswerRight(store)
            #expect(try header(folder)?.seq == store.lastSequence)
            #expect(try contents(folder) == (try store.history()).part)
            #expect(store.notices.isEmpty, "\(store.notices)")
            #expect(try store.historyFileProblem() == nil)
        }
    }

    /// A rebuild spills what later entries cannot change to a file aside and reads back the
    /// stories later entries name: however often it spills, the file holds the whole history.
    @Test(arguments: [1, 3, 50])
    func aRebuildThatSpillsOftenHoldsTheWholeHistory(settleEvery: Int) throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            store.historySettleEvery = settleEvery
            let day = Day(records[records.count / 2].at, in: store.layout.zone)
            #expect(try store.history(for: .day(day)).counts(on: day) == (try store.history()).counts(on: day))
            #expect(try contents(folder) == (try store.history()).part)
            #expect(store.notices.isEmpty, "\(store.notices)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("rebuild") } == [])
        }
    }

    /// What a program runs at start in the background: afterwards the file holds the whole history.
    @Test func preparingTheHistoryBuildsAMissingFileFromAStoreOfItsOwn() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            try open(folder).prepareHistory(now: Self.now)
            #expect(try header(folder)?.seq == store.lastSequence)
            #expect(try contents(folder) == (try store.history()).part)
            #expect(try store.historyFileProblem() == nil)
        }
    }

    /// A merge joins the merged customers' timelines to the kept one's: the answer reads them
    /// from the file, whether the merge is in the file or in the journal after it, through a
    /// chain of merges half in each.
    @Test func mergedTimelinesAreReadFromTheFileAndTheJournalAfterIt() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            let owners = store.state.customers.keys.sorted().filter { !store.state.parcelsInShop(for: $0).isEmpty }
            let (kept, middle, last) = (owners[0], owners[1], owners[2])
            var time = Self.now
            func run<Outcome>(_ decide: (ShopState, Context) throws(DomainError) -> Decision<Outcome>) throws {
                time += 60
                _ = try store.perform(staff: "kari", now: time, decide)
            }
            try run { state, context throws(DomainError) in try state.mergeCustomers(keep: middle, other: last, context) }
            store.historyUpdateAfter = 0
            _ = try store.history(for: .day(Day(time, in: store.layout.zone)))
            #expect(try header(folder)?.seq == store.lastSequence, "the first merge is in the file")

            store.historyUpdateAfter = .max
            try run { state, context throws(DomainError) in try state.mergeCustomers(keep: kept, other: middle, context) }
            let moved = try #require(store.state.parcelsInShop(for: kept).first { $0.key != store.state.customers[kept]?.key })
            try run { state, context throws(DomainError) in try state.handOut(HandOutRequest(parcels: [moved.id], verification: .id), context) }
            try run { state, context throws(DomainError) in try state.editCustomer(kept, CustomerChanges(note: "Samme person som før"), context) }
            try expectEveryAnswerRight(store)
            let joined = try store.history(for: .timeline(kept, since: nil, page: 1, pageSize: 1000)).timeline(of: kept, pageSize: 1000)
            #expect(joined.entries.contains { $0.what == .merged(from: middle) } && joined.entries.contains { $0.what == .merged(from: last) })

            store.historyUpdateAfter = 0
            _ = try store.history(for: .day(Day(time, in: store.layout.zone)))
            #expect(try header(folder)?.seq == store.lastSequence, "caught up with the second merge")
            #expect(try contents(folder) == (try store.history()).part)
            try expectEveryAnswerRight(store)
            #expect(store.notices.isEmpty, "\(store.notices)")
        }
    }

    @Test func aFileBehindTheJournalIsCaughtUpFromItsPositionAndHoldsWhatARebuildHolds() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(Array(records.prefix(150)))
            _ = try store.history(for: .day(Day(Self.now, in: store.layout.zone)))
            #expect(try header(folder)?.seq == 150)
            let buckets = try #require(try header(folder)).tables.map(\.buckets)
            for start in stride(from: 150, to: records.count, by: 5) {  // small transactions, as a shop writes
                try store.append(Array(records[start..<min(start + 5, records.count)]))
            }

            store.historyUpdateAfter = .max
            try expectEveryAnswerRight(store)
            #expect(try header(folder)?.seq == 150, "read behind, not caught up")
            #expect(try store.historyFileProblem() == nil)

            store.historyUpdateAfter = 10
            _ = try store.history(for: .day(Day(Self.now, in: store.layout.zone)))
            #expect(try header(folder)?.seq == store.lastSequence)
            #expect(try header(folder)?.tables.map(\.buckets) == buckets, "caught up, not rebuilt (which sizes the tables anew)")
            #expect(try contents(folder) == (try store.history()).part)
            try expectEveryAnswerRight(store)
            #expect(store.notices.isEmpty, "\(store.notices)")
        }
    }

    /// Where a flipped byte lands: in a bucket of stories, in the table of timelines, in the header.
    enum Spot: String, CaseIterable { case bucket, table, header, cut }

    @Test(arguments: Spot.allCases)
    func aDamagedFileIsNamedAndRebuilt(spot: Spot) throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            _ = try store.history(for: .day(Day(Self.now, in: store.layout.zone)))
            let reader = try #require(try HistoryFileReader.open(path(folder)))
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(folder))))
            switch spot {
            case .bucket:
                let slot = try (0..<reader.header.tables[0].buckets).lazy.map { try reader.slot(0, $0) }.first { $0.length > 0 }!
                bytes[Int(slot.offset) + slot.length / 2] ^= 0x04
            case .table: bytes[Int(HistoryFileReader.tableOffset(reader.header, HistoryTables.timelines.index)) + 9] ^= 0x01
            case .header: bytes[20] ^= 0x01
            case .cut: bytes.removeLast(bytes.count / 3)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path(folder)))
            #expect(try store.historyFileProblem() != nil)

            try expectEveryAnswerRight(store)
            #expect(store.notices.count == 1, "\(store.notices)")
            #expect(store.notices.first?.hasPrefix("Ignored \(path(folder)): ") == true, "\(store.notices)")
            #expect(try store.historyFileProblem() == nil)
        }
    }

    /// Any one byte of the file flipped (random places, fixed seed) is found by `check`, and no
    /// view traps or answers differently: each either does not read it or names and rebuilds it.
    @Test func anyByteFlippedIsFoundAndNoViewAnswersDifferently() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            let whole = try store.history()
            let zone = store.layout.zone
            _ = try store.history(for: .day(Day(Self.now, in: zone)))
            let url = URL(fileURLWithPath: path(folder))
            let sound = [UInt8](try Data(contentsOf: url))
            let number = try #require(whole.part.tracking.keys.sorted().first)
            let customer = try #require(whole.part.timelines.keys.sorted().first)
            let day = Day(records[records.count / 2].at, in: zone)
            let query = try #require(TrackingQuery(String(number.value.suffix(5))))
            var random = SplitMix(state: 7)
            for _ in 0..<40 {
                var bytes = sound
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
                try Data(bytes).write(to: url)
                #expect(try store.historyFileProblem() != nil)
                #expect(try store.history(for: .parcels(number)).stories(for: number) == whole.stories(for: number))
                #expect(try store.history(for: .closedParcels(query)).closedStories(matching: query) == whole.closedStories(matching: query))
                #expect(try store.history(for: .timeline(customer, since: nil, page: 1, pageSize: 50)).timeline(of: customer, pageSize: 50)
                    == whole.timeline(of: customer, pageSize: 50))
                #expect(try store.history(for: .day(day)).counts(on: day) == whole.counts(on: day))
            }
        }
    }

    /// A file whose checksums are right but whose counts could overflow when added up or
    /// counted on (written on purpose, not by this program) is damage, not a trap.
    @Test func aCountOutOfRangeWithRightChecksumsIsNamedAndRebuilt() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            let whole = try store.history()
            var changes = whole.part.onHandChanges
            let day = try #require(changes.keys.max())
            changes[day] = Int.max
            func plan<Key, Value>(_ table: HistoryTable<Key, Value>, _ pieces: [Key: Value]) -> HistoryFileWriter.TablePlan {
                HistoryFileWriter.plan(table, pieces, buckets: 16, keys: pieces.count)
            }
            let part = whole.part
            try HistoryFileWriter.write(
                to: path(folder), position: try #require(try store.store.position(of: store.lastSequence)), zone: store.layout.zone,
                tables: [plan(HistoryTables.stories, part.stories), plan(HistoryTables.tracking, part.tracking),
                         plan(HistoryTables.timelines, part.timelines), plan(HistoryTables.days, part.days),
                         HistoryFileWriter.plan(HistoryTables.onHand, changes, buckets: 1, keys: changes.count),
                         plan(HistoryTables.dropOffs, part.dropOffCarriers)],
                old: nil, ops: .live)
            #expect(try store.historyFileProblem() == nil, "check sees sound checksums; the values are read by the views")
            #expect(try store.history(for: .day(day)).counts(on: day) == whole.counts(on: day))
            #expect(store.notices.map(\.english) == ["Ignored \(path(folder)): bucket 0 of onHand holds a count out of range. "
                + "It was rebuilt from the whole journal (slower this once, nothing lost)."])
        }
    }

    @Test func aFileMadeFromAnotherJournalOfAsManyEntriesIsNamedAndRebuilt() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            _ = try store.history(for: .day(Day(Self.now, in: store.layout.zone)))
            // Another journal with as many entries, its last one by someone else.
            let other = folder.deletingLastPathComponent().appendingPathComponent("other")
            var changed = records
            changed[changed.count - 1].staff = "someone"
            try open(other).append(changed)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("journal"))
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
            try FileManager.default.copyItem(at: other.appendingPathComponent("journal"), to: folder.appendingPathComponent("journal"))

            let reopened = try open(folder)
            #expect(try reopened.historyFileProblem()?.contains("is not this one's") == true)
            try expectEveryAnswerRight(reopened)
            #expect(reopened.notices.contains { $0.hasPrefix("Ignored \(path(folder)): it was made from a journal whose entry \(records.count)") },
                    "\(reopened.notices)")
            #expect(try header(folder)?.line == reopened.store.position(of: records.count)?.checksum)
        }
    }

    /// A file of the former format (schema 1, JSON buckets), left by an older program, is not
    /// read: `check` names it, and the first view names it and rebuilds it.
    @Test func aFileOfTheFormerSchemaIsNamedAndRebuilt() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(records)
            _ = try store.history(for: .day(Day(Self.now, in: store.layout.zone)))
            var former = try #require(try header(folder))
            former.schema = 1
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path(folder)))
            try handle.write(contentsOf: HistoryFileWriter.encodedHeader(former))
            try handle.close()

            #expect(try store.historyFileProblem()?.contains("it was written in another format (1; this program writes 2)") == true)
            try expectEveryAnswerRight(store)
            #expect(store.notices.map(\.english) == ["Ignored \(path(folder)): it was written in another format (1; this program writes 2). "
                + "It was rebuilt from the whole journal (slower this once, nothing lost)."])
            #expect(try header(folder)?.schema == 2)
            #expect(try store.historyFileProblem() == nil)
        }
    }

    @Test func aBackupLeavesTheFileOutAndAfterARestoreTheFileOfTheLongerJournalIsNotTrusted() throws {
        try withTemporaryFolder { folder in
            let store = try open(folder)
            try store.append(Array(records.prefix(200)))
            let backup = try store.backup(into: folder.appendingPathComponent("backups"), now: Self.now)
            #expect(!FileManager.default.fileExists(atPath: backup.appendingPathComponent(ShopStore.historyFileName).path))
            try store.append(Array(records.dropFirst(200)))
            _ = try store.history(for: .day(Day(Self.now, in: store.layout.zone)))
            #expect(try header(folder)?.seq == records.count)

            try store.restore(from: backup)
            let restored = try open(folder)
            #expect(restored.lastSequence == 200)
            try expectEveryAnswerRight(restored)
            #expect(restored.notices.contains { $0.hasPrefix("Ignored \(path(folder)): it covers entry \(records.count)") }, "\(restored.notices)")
            #expect(try header(folder)?.seq == 200)
        }
    }
}
