import ButikDomain
import Foundation
import Testing
@testable import ButikStore
#if canImport(Glibc)
import Glibc
#endif

/// The journal in segments: a new one at a month boundary or a size, closed ones never written
/// again, other programs following, damage named with its file, backups sharing closed segments.
@Suite struct SegmentTests {
    private func segmentNames(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("journal").path).sorted()
    }

    private func segment(_ folder: URL, _ name: String) -> URL {
        folder.appendingPathComponent("journal").appendingPathComponent(name)
    }

    private func inode(_ url: URL) -> UInt64 {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func aMonthBoundaryInUTCStartsANewSegmentAndTheStoreReadsOnAcrossIt() throws {
        try withTemporaryFolder { folder in
            let store = try ShopStore.open(folder: folder, defaultLayout: Data(ShopStoreTests.layout.utf8))
            // 30 November 23:58 and 1 December 00:01 UTC (00:58 and 01:01 in Oslo, both on 1 December there).
            let november = Date(timeIntervalSince1970: 1_796_083_200 - 120)
            let december = Date(timeIntervalSince1970: 1_796_083_200 + 60)
            for (index, now) in [november, november.addingTimeInterval(30), december, december.addingTimeInterval(30)].enumerated() {
                _ = try store.perform(staff: "kari", now: now) { state, context throws(DomainError) in
                    try state.addCustomer(NewCustomer(name: "Åse Ødegård \(index)"), context)
                }
            }
            let names = try segmentNames(folder)
            #expect(names == ["000000000001.jsonl", "000000000003.jsonl"], "\(names)")
            #expect(try journalLines(folder).count == 2)  // the first two stay in the closed segment
            let closed = try Data(contentsOf: segment(folder, "000000000001.jsonl"))
            try store.writeSnapshot()
            _ = try store.perform(staff: "kari", now: december.addingTimeInterval(60)) { state, context throws(DomainError) in
                try state.addCustomer(NewCustomer(name: "Bjørn Ås"), context)
            }
            #expect(try Data(contentsOf: segment(folder, "000000000001.jsonl")) == closed, "a closed segment is never written")

            let reopened = try ShopStore.open(folder: folder, defaultLayout: Data(ShopStoreTests.layout.utf8))
            #expect(reopened.notices.isEmpty, "the snapshot after entry 4 fits segment 3: \(reopened.notices)")
            #expect(reopened.lastSequence == 5)
            #expect(reopened.state.customers.count == 5)
            let check = Store.check(folder: folder, empty: ShopState())
            #expect(check.isHealthy, "\(check)")
            #expect(check.journalFiles == 2 && check.journalLines == 5)
            let history = try reopened.history()
            #expect(history.sequence == 5)
        }
    }

    @Test func aSegmentClosesAtItsSizeAndAnotherProgramFollowsIntoTheNewOnes() throws {
        try withTemporaryFolder { folder in
            let writer = try openLedger(folder)
            let reader = try openLedger(folder)
            writer.segmentLimit = 300
            for index in 0..<12 { try writer.add("name \(index)") }
            let names = try segmentNames(folder)
            #expect(names.count >= 3, "\(names)")
            #expect(names.first == "000000000001.jsonl")
            for name in names {
                let size = (try FileManager.default.attributesOfItem(atPath: segment(folder, name).path)[.size] as? Int) ?? 0
                #expect(size > 0 && size <= 300, "\(name): \(size) bytes")
            }
            // The reader was opened before any of them: it catches up across every new segment.
            try reader.add("from the reader")
            #expect(reader.model.names == (0..<12).map { "name \($0)" } + ["from the reader"])
            try writer.refresh()
            #expect(writer.model == reader.model)
            #expect(try openLedger(folder).model == reader.model)
            #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
            #expect(try writer.verifyJournal() == nil)
        }
    }

    @Test func damageInAClosedSegmentIsNamedWithItsFileAndLine() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.segmentLimit = 300
            for index in 0..<12 { try store.add("name \(index)") }
            try store.writeSnapshot()
            let first = segment(folder, "000000000001.jsonl")
            var lines = splitLines([UInt8](try Data(contentsOf: first)))
            lines[1] = damaged(lines[1])
            try Data(lines.flatMap { $0 }).write(to: first)

            let opened = try openLedger(folder)  // from the snapshot: the closed segment is not read
            #expect(opened.readOnlyReason == nil)
            let problem = try #require(try opened.verifyJournal())
            #expect(problem.message.contains("000000000001.jsonl line 2 is damaged"), "\(problem.message)")
            let check = Store.check(folder: folder, empty: Ledger())
            #expect(check.problems.first?.file == first.path && check.problems.first?.line == 2, "\(check)")
            // Noted: the next open stays read-only, naming the same place.
            #expect(try openLedger(folder).readOnlyReason?.contains("000000000001.jsonl line 2") == true)
        }
    }

    @Test func aMissingOrEmptiedSegmentIsCorruptionNamed() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.segmentLimit = 300
            for index in 0..<12 { try store.add("name \(index)") }
            let names = try segmentNames(folder)
            try #require(names.count >= 3)
            let middle = segment(folder, names[1])
            let bytes = try Data(contentsOf: middle)
            try FileManager.default.removeItem(at: middle)
            let gap = try openLedger(folder)
            #expect(gap.readOnlyReason?.contains("entries are missing") == true, "\(gap.readOnlyReason?.english ?? "")")
            #expect(!Store.check(folder: folder, empty: Ledger()).isHealthy)

            try bytes.write(to: middle)
            let last = segment(folder, names[names.count - 1])
            try Data().write(to: last)
            let emptied = try openLedger(folder)
            #expect(emptied.readOnlyReason?.contains(names[names.count - 1]) == true, "\(emptied.readOnlyReason?.english ?? "")")
            #expect(emptied.readOnlyReason?.contains("holds no complete entry") == true)
            #expect(throws: StoreError.self) { try emptied.add("never written") }
        }
    }

    @Test func aBackupLinksTheClosedSegmentsAnEarlierBackupHoldsAndCopiesTheRest() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.segmentLimit = 300
            for index in 0..<8 { try store.add("name \(index)") }
            let parent = folder.deletingLastPathComponent().appendingPathComponent("backups")
            let first = try store.backup(into: parent, name: "first")
            for index in 8..<12 { try store.add("name \(index)") }
            let second = try store.backup(into: parent, name: "second")
            let before = try segmentNames(first), after = try segmentNames(second)
            #expect(after.count > before.count)
            // Closed and unchanged since the first was made: shared; grown or new: copied.
            var linked = 0
            for name in after {
                let same = try before.contains(name) && Data(contentsOf: segment(first, name)) == Data(contentsOf: segment(second, name))
                #expect((inode(segment(second, name)) == inode(segment(first, name))) == (same && name != after.last), "\(name)")
                #expect(inode(segment(second, name)) != inode(segment(folder, name)), "never linked to the store's own file")
                if same { linked += 1 }
            }
            #expect(linked >= 1)
            #expect(try openLedger(second).model == store.model)
            #expect(try openLedger(first).model.names == (0..<8).map { "name \($0)" })
        }
    }

    @Test func aRepairHealsALineInAClosedSegmentFromABackup() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.segmentLimit = 300
            for index in 0..<12 { try store.add("name \(index)") }
            let backup = try store.backup(into: folder.deletingLastPathComponent().appendingPathComponent("backups"), name: "b")
            let names = try segmentNames(folder)
            let target = segment(folder, names[1])
            let sound = try Data(contentsOf: target)
            var lines = splitLines([UInt8](sound))
            lines[0] = damaged(lines[0])
            try Data(lines.flatMap { $0 }).write(to: target)
            let damagedStore = try openLedger(folder)
            #expect(damagedStore.readOnlyReason?.contains("\(names[1]) line 1 is damaged") == true)
            let report = try damagedStore.repair(from: backup)
            let firstOfTarget = try #require(JournalFiles.firstSeq(ofName: names[1]))
            #expect(report.replacedLines == [firstOfTarget])
            #expect(try Data(contentsOf: target) == sound)
            let healed = try openLedger(folder)
            #expect(healed.readOnlyReason == nil, "\(healed.readOnlyReason?.english ?? "")")
            try healed.add("after the repair")
            #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
        }
    }

    /// A Ledger store of the first format: one `journal.jsonl` and a snapshot that fits it.
    private func storeOfTheFirstFormat(_ folder: URL) throws {
        let store = try openLedger(folder)
        try store.add("a", "b")
        try store.writeSnapshot()
        try store.add("c")
        try FileManager.default.moveItem(at: segment(folder, "000000000001.jsonl"), to: folder.appendingPathComponent("journal.jsonl"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("journal"))
    }

    @Test func aStoreOfTheFirstFormatIsMovedWithItsSnapshotStillFittingAndAProgramMovingItToo() throws {
        try withTemporaryFolder { folder in
            try storeOfTheFirstFormat(folder)
            let before = try Data(contentsOf: folder.appendingPathComponent("journal.jsonl"))
            // Opened without moving, as a program that started at the same moment is before it moves it.
            let other = try Store.open(folder: folder, empty: Ledger(), creating: false, waiting: true)
            #expect(other.isLegacyJournal && other.model.names == ["a", "b", "c"])

            let moved = try openLedger(folder)
            #expect(!moved.isLegacyJournal)
            #expect(moved.notices.contains { $0.contains("moved to the journal format") }, "\(moved.notices)")
            #expect(!moved.notices.contains { $0.contains("snapshot") }, "the snapshot still fits: \(moved.notices)")
            #expect(try Data(contentsOf: segment(folder, "000000000001.jsonl")) == before)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal.jsonl").path))
            let backups = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("backups").path)
            #expect(backups.count == 1 && backups[0].hasPrefix("before-segments-"), "\(backups)")

            try other.migrateToSegments(backupInto: folder.deletingLastPathComponent().appendingPathComponent("other"), alongside: [])
            #expect(!other.isLegacyJournal)
            try other.add("d")
            try moved.add("e")
            #expect(moved.model.names == ["a", "b", "c", "d", "e"])
            #expect(try openLedger(folder).model == moved.model)
            #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
        }
    }

    @Test func positionsAndFoldsAfterAnyEntryReadAcrossSegments() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.segmentLimit = 300
            let names = (0..<12).map { "name \($0)" }
            for name in names { try store.add(name) }
            let lines = try segmentNames(folder).flatMap { splitLines([UInt8](try Data(contentsOf: segment(folder, $0)))) }
            #expect(try lines.count == 12 && segmentNames(folder).count >= 3)
            #expect(try store.position(of: 0) == .start)
            for seq in 1...12 {
                let position = try #require(try store.position(of: seq))
                #expect(position == JournalPosition(seq: seq, checksum: CRC32.checksum(Array(lines[seq - 1].dropLast()))), "entry \(seq)")
            }
            #expect(try store.position(of: 13) == nil)
            for seq in 0...12 {
                let folded = try store.reading { () throws(StoreError) -> [String] in
                    try store.fold([String]()) { list, entry, number in
                        if case .add(let name) = entry { list.append("\(number) \(name)") }
                    }
                }
                #expect(folded == names.enumerated().map { "\($0.offset + 1) \($0.element)" })
                let after = try store.fold([Int](), after: seq) { list, _, number in list.append(number) }
                #expect(after == Array((seq + 1)..<13), "after \(seq)")
            }
        }
    }
}

