import Foundation
import Testing
@testable import ButikStore

@Suite struct CheckTests {
    @Test func healthyStore() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            try store.record(.add("c"), .count(2))
            try store.writeSnapshot()
            try store.add("d")
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.isHealthy, "\(report)")
            #expect(report.journalLines == 5)
            #expect(report.lastSequence == 5)
            #expect(report.snapshotSequence == 4)
            #expect(report.notes.isEmpty)
        }
    }

    @Test func reportsEveryDamagedLineAndTheTornTail() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            for index in 1...10 { try store.add("name\(index)") }
            var lines = try journalLines(folder)
            lines[2] = damaged(lines[2])
            lines[6] = damaged(lines[6])
            let bytes = lines.flatMap { $0 } + Array("{\"seq\":11".utf8)
            try setJournal(folder, bytes)
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.map(\.line) == [3, 7])
            #expect(report.problems.allSatisfy { $0.file.hasSuffix("000000000001.jsonl") })
            #expect(report.problems.first?.what.contains("checksum") == true)
            #expect(report.journalLines == 11)
            #expect(report.lastSequence == 10)
            #expect(report.notes.contains { $0.contains("line 11") })
            #expect(try journalBytes(folder) == bytes)  // read-only
        }
    }

    @Test func reportsASequenceGap() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try setJournal(folder, try [1, 2, 4].flatMap { try line(seq: $0, .add("n\($0)")) })
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.line == 3)
            #expect(report.problems.first?.what.contains("4 where 3 was expected") == true)
        }
    }

    @Test func reportsASnapshotThatDiffersFromTheReplay() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            let offset = Int64(try journalBytes(folder).count)
            let wrong = try SnapshotFile.encode(Ledger.replaying([.add("a"), .add("X")]), schema: 1, seq: 2, journalOffset: offset)
            try Data(wrong).write(to: snapshotURL(folder))
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.file.hasSuffix("snapshot.json") == true)
            #expect(report.problems.first?.what.contains("differs") == true)
        }
    }

    @Test func reportsASnapshotPastTheJournalsEnd() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            try store.writeSnapshot()
            try setJournal(folder, try journalLines(folder)[0..<2].flatMap { $0 })
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.contains { $0.file.hasSuffix("snapshot.json") && $0.what.contains("entry 3") })
        }
    }
}
