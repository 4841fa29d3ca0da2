import Foundation
import Testing
@testable import ButikStore

@Suite struct TornTailTests {
    /// Five names, each its own transaction; returns the journal bytes.
    private func fiveNames(_ folder: URL) throws -> [UInt8] {
        let store = try openLedger(folder)
        try store.add("a", "b", "c", "d", "e")
        return try journalBytes(folder)
    }

    /// Reopens over a journal with an unconfirmed last part and checks recovery.
    private func expectRecovery(_ folder: URL, sound: [UInt8], tornLine: Int, names: [String]) throws {
        let tornBytes = try journalBytes(folder)
        let store = try openLedger(folder)
        #expect(store.readOnlyReason == nil)
        #expect(store.lastSequence == names.count)
        #expect(store.model.names == names)
        #expect(store.notices.count == 1)
        #expect(store.notices.first?.contains("line \(tornLine) of") == true)
        #expect(store.notices.first?.contains("000000000001.jsonl") == true)
        #expect(try journalBytes(folder) == tornBytes)  // opening never writes

        try store.add("next")
        #expect(store.lastSequence == names.count + 1)
        let after = try journalBytes(folder)
        #expect(Array(after.prefix(sound.count)) == sound)
        #expect(Array(after.dropFirst(sound.count)) == (try line(seq: names.count + 1, .add("next"))))

        let reopened = try openLedger(folder)
        #expect(reopened.notices.isEmpty)
        #expect(reopened.model.names == names + ["next"])
        #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
    }

    @Test func partialLastLineWithoutNewline() throws {
        try withTemporaryFolder { folder in
            let sound = try fiveNames(folder)
            let sixth = try line(seq: 6, .add("f"))
            try setJournal(folder, sound + sixth.dropLast(10))
            try expectRecovery(folder, sound: sound, tornLine: 6, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func completeLastLineWithoutNewline() throws {
        try withTemporaryFolder { folder in
            let sound = try fiveNames(folder)
            try setJournal(folder, sound + (try line(seq: 6, .add("f"))).dropLast())
            try expectRecovery(folder, sound: sound, tornLine: 6, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func lastLineOfZeros() throws {
        try withTemporaryFolder { folder in
            let sound = try fiveNames(folder)
            try setJournal(folder, sound + [UInt8](repeating: 0, count: 4096))
            try expectRecovery(folder, sound: sound, tornLine: 6, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func partialLastLineFollowedByZeros() throws {
        try withTemporaryFolder { folder in
            let sound = try fiveNames(folder)
            let sixth = try line(seq: 6, .add("f"))
            try setJournal(folder, sound + sixth.prefix(30) + [UInt8](repeating: 0, count: 500))
            try expectRecovery(folder, sound: sound, tornLine: 6, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func unfinishedTransactionIsNeverHalfApplied() throws {
        try withTemporaryFolder { folder in
            let sound = try fiveNames(folder)
            let store = try openLedger(folder)
            try store.record(.add("x"), .add("y"), .add("z"))
            let lines = try journalLines(folder)
            #expect(lines.count == 8)
            // Cut after the second of the three lines: both kept lines are sound on their own.
            try setJournal(folder, lines[0..<7].flatMap { $0 })
            try expectRecovery(folder, sound: sound, tornLine: 6, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func anotherProcessTornTailIsCutByTheNextTransaction() throws {
        try withTemporaryFolder { folder in
            let sound = try fiveNames(folder)
            let store = try openLedger(folder)
            // Another counter dies halfway through writing line 6.
            try setJournal(folder, sound + (try line(seq: 6, .add("f"))).prefix(20))
            try store.refresh()
            #expect(store.lastSequence == 5)
            #expect(store.notices.count == 1)
            try store.add("next")
            #expect(try journalLines(folder).count == 6)
            #expect(try openLedger(folder).model.names == ["a", "b", "c", "d", "e", "next"])
        }
    }
}

@Suite struct CorruptionTests {
    /// A journal of five names whose last, complete line is then changed by `damage`: the
    /// change is corruption, never a torn write, so nothing may be cut away or written.
    private func expectDamagedLastLine(_ damage: ([UInt8]) -> [UInt8]) throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c", "d", "e")
            var lines = try journalLines(folder)
            lines[4] = damage(lines[4])
            #expect(lines[4].last == UInt8(ascii: "\n"))
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)

            let reopened = try openLedger(folder)
            let reason = try #require(reopened.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 5"))
            #expect(reason.contains("backup"))
            #expect(reopened.model.names == ["a", "b", "c", "d"])
            #expect(throws: StoreError.self) { try reopened.add("f") }
            #expect(try journalBytes(folder) == bytes)
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.map(\.line) == [5])
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func lastLineWithAFlippedByteIsCorruption() throws {
        try expectDamagedLastLine(damaged)
    }

    @Test func lastLineWithAZeroedRangeIsCorruption() throws {
        try expectDamagedLastLine { line in
            var copy = line
            for index in 12..<(line.count - 12) { copy[index] = 0 }
            return copy
        }
    }

    @Test func lastLineOfZerosEndingInANewlineIsCorruption() throws {
        try expectDamagedLastLine { line in [UInt8](repeating: 0, count: line.count - 1) + [UInt8(ascii: "\n")] }
    }

    @Test func damagedLastLineWrittenByAnotherProcessStopsWriting() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            let bytes = try journalBytes(folder) + damaged(try line(seq: 3, .add("c")))
            try setJournal(folder, bytes)
            #expect(throws: StoreError.self) { try store.add("d") }
            #expect(store.readOnlyReason?.contains("000000000001.jsonl line 3") == true)
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func damagedMiddleLineOpensReadOnlyAndNeverWrites() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            for index in 1...10 { try store.add("name\(index)") }
            var lines = try journalLines(folder)
            lines[2] = damaged(lines[2])
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)

            let reopened = try openLedger(folder)
            let reason = try #require(reopened.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 3"))
            #expect(reason.contains("checksum"))
            #expect(reason.contains("backup"))
            #expect(reopened.model.names == ["name1", "name2"])
            #expect(reopened.lastSequence == 2)
            #expect {
                try reopened.add("more")
            } throws: { error in
                guard case StoreError.readOnly = error else { return false }
                return true
            }
            #expect(throws: StoreError.self) { try reopened.writeSnapshot() }
            try reopened.refresh()
            #expect(try journalBytes(folder) == bytes)
            #expect(!FileManager.default.fileExists(atPath: snapshotURL(folder).path))
        }
    }

    @Test func sequenceGapIsCorruption() throws {
        try withTemporaryFolder { folder in
            let lines = try [1, 2, 3, 5, 6].map { try line(seq: $0, .add("n\($0)")) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try setJournal(folder, lines.flatMap { $0 })
            let store = try openLedger(folder)
            let reason = try #require(store.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 4"))
            #expect(reason.contains("5 where 4 was expected"))
            #expect(store.model.names == ["n1", "n2", "n3"])
        }
    }

    @Test func sequenceNumberAtItsMaximumIsCorruptionNotATrap() throws {
        try withTemporaryFolder { folder in
            try openLedger(folder).add("a", "b")
            // Sealed, so only the number itself is wrong; 19 digits take the slow reader.
            var prefix = Array(#"{"seq":9223372036854775807,"v":1,"entry":{"add":{"_0":"c"}}"#.utf8)
            Sealed.seal(&prefix)
            let bytes = try journalBytes(folder) + prefix + [UInt8(ascii: "\n")]
            try setJournal(folder, bytes)
            let store = try openLedger(folder)
            #expect(store.readOnlyReason?.contains("000000000001.jsonl line 3") == true)
            #expect(store.model.names == ["a", "b"])
            #expect(Store.check(folder: folder, empty: Ledger()).problems.first?.line == 3)
            #expect(throws: StoreError.self) { try store.add("d") }
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func duplicateLastLineIsCorruptionNotATornTail() throws {
        try withTemporaryFolder { folder in
            let lines = try [1, 2, 3, 3].map { try line(seq: $0, .add("n\($0)")) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try setJournal(folder, lines.flatMap { $0 })
            let store = try openLedger(folder)
            let reason = try #require(store.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 4"))
            #expect(reason.contains("3 where 4 was expected"))
            #expect(store.lastSequence == 3)
        }
    }

    @Test func newerSchemaInTheJournalOpensReadOnly() throws {
        try withTemporaryFolder { folder in
            try openLedger(folder).add("a", "b", "c")
            let newer = try Store.open(folder: folder, empty: LedgerV2())
            try newer.transact { _ in (entries: [Ledger.Entry.add("d")], result: ()) }
            let bytes = try journalBytes(folder)

            let store = try openLedger(folder)
            let reason = try #require(store.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 4"))
            #expect(reason.contains("data version 2"))
            #expect(reason.contains("up to 1"))
            #expect(store.model.names == ["a", "b", "c"])
            #expect(throws: StoreError.self) { try store.add("e") }
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func newerSchemaSnapshotOpensReadOnly() throws {
        try withTemporaryFolder { folder in
            try openLedger(folder).add("a", "b", "c")
            try Store.open(folder: folder, empty: LedgerV2()).writeSnapshot()
            let store = try openLedger(folder)
            let reason = try #require(store.readOnlyReason)
            #expect(reason.contains("snapshot.json"))
            #expect(reason.contains("data version 2"))
            #expect(reason.contains("up to 1"))
            #expect(store.model.names == ["a", "b", "c"])
            #expect(throws: StoreError.self) { try store.add("d") }
        }
    }

    @Test func damagedSnapshotFallsBackToAFullReplay() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            try store.writeSnapshot()
            try store.add("d")
            var snapshot = [UInt8](try Data(contentsOf: snapshotURL(folder)))
            snapshot[snapshot.count / 2] ^= 0x20
            try Data(snapshot).write(to: snapshotURL(folder))

            let reopened = try openLedger(folder)
            #expect(reopened.readOnlyReason == nil)
            #expect(reopened.model == store.model)  // full replay keeps the whole history
            #expect(reopened.notices.count == 1)
            #expect(reopened.notices.first?.contains("snapshot.json") == true)
            try reopened.add("e")  // ...and the next transaction writes a good snapshot
            #expect(Store.check(folder: folder, empty: Ledger()).snapshotSequence == 5)
            #expect(try openLedger(folder).notices.isEmpty)
        }
    }

    @Test func garbageSnapshotFallsBackToAFullReplay() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            try Data("{\"schema\":1, garbage".utf8).write(to: snapshotURL(folder))
            let reopened = try openLedger(folder)
            #expect(reopened.readOnlyReason == nil)
            #expect(reopened.model == store.model)
            #expect(reopened.notices.count == 1)
        }
    }

    @Test func snapshotThatDoesNotFitTheJournalIsIgnored() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let bytes = try SnapshotFile.encode(Ledger.replaying([.add("zzz")]), schema: 1, seq: 2, journalOffset: 17)
            try Data(bytes).write(to: snapshotURL(folder))
            let reopened = try openLedger(folder)
            #expect(reopened.readOnlyReason == nil)
            #expect(reopened.model == store.model)
            #expect(reopened.notices.first?.contains("snapshot.json") == true)
        }
    }

    @Test func snapshotAheadOfTheJournalOpensReadOnly() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c", "d", "e")
            try store.writeSnapshot()
            // the journal replaced by an older copy holding three entries
            try setJournal(folder, try journalLines(folder)[0..<3].flatMap { $0 })
            let reopened = try openLedger(folder)
            let reason = try #require(reopened.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl"))
            #expect(reason.contains("entries are missing"))
            #expect(reopened.model.names == ["a", "b", "c"])
        }
    }

    @Test func missingJournalWithASnapshotRefusesToOpen() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            try store.writeSnapshot()
            try FileManager.default.removeItem(at: journalURL(folder))
            #expect(throws: StoreError.self) { try openLedger(folder) }
            #expect(!FileManager.default.fileExists(atPath: journalURL(folder).path))
        }
    }

    @Test func journalReplacedWhileOpenStopsWriting() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            let copy = folder.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: journalURL(folder), to: copy)
            _ = rename(copy.path, journalURL(folder).path)
            let bytes = try journalBytes(folder)
            #expect(throws: StoreError.self) { try store.add("c") }
            #expect(store.readOnlyReason?.contains("replaced") == true)
            #expect(try journalBytes(folder) == bytes)
        }
    }
}
