import Foundation
import Testing
@testable import ButikStore

/// Backups are consistent, verified store folders; a restore puts one back whole.
@Suite struct BackupTests {
    private func backupsFolder(_ folder: URL) -> URL { folder.deletingLastPathComponent().appendingPathComponent("backups") }

    @Test func aBackupIsAVerifiedStoreOfEveryCompleteTransaction() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            try store.writeSnapshot()
            try store.add("c")
            // Another counter dies halfway through a line: not part of the backup.
            let sound = try journalBytes(folder)
            try setJournal(folder, sound + (try line(seq: 4, .add("d"))).prefix(20))
            let made = try store.backup(into: backupsFolder(folder), name: "first")
            #expect(made.lastPathComponent == "first")
            #expect([UInt8](try Data(contentsOf: journalURL(made))) == sound)
            #expect(FileManager.default.fileExists(atPath: snapshotURL(made).path))
            #expect(Store.check(folder: made, empty: Ledger()).isHealthy)
            #expect(try openLedger(made).model.names == ["a", "b", "c"])
            #expect(permissions(made) == 0o700)
            #expect(permissions(journalURL(made)) == 0o600)
            #expect(throws: StoreError.self) { try store.backup(into: backupsFolder(folder), name: "first") }
            let entries = try FileManager.default.contentsOfDirectory(atPath: backupsFolder(folder).path)
            #expect(entries == ["first"])  // no half-made backup beside it
        }
    }

    @Test func aBackupNeverCoversDamageAndNotesIt() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            try store.writeSnapshot()
            var lines = try journalLines(folder)
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            let opened = try openLedger(folder)  // from the snapshot: line 2 is not read
            #expect {
                try opened.backup(into: backupsFolder(folder), name: "damaged")
            } throws: { error in
                guard case StoreError.corrupt(_, 2, _) = error else { return false }
                return true
            }
            #expect(!FileManager.default.fileExists(atPath: backupsFolder(folder).appendingPathComponent("damaged").path))
            #expect(try openLedger(folder).readOnlyReason?.contains("line 2") == true)
        }
    }

    @Test func aRestorePutsTheBackupBackWhole() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let backup = try store.backup(into: backupsFolder(folder), name: "b1")
            try store.add("d", "e")
            try store.writeSnapshot()
            let other = try openLedger(folder)  // a second counter, open meanwhile
            try store.restore(from: backup)
            #expect(store.readOnlyReason?.contains("restored") == true)

            let reopened = try openLedger(folder)
            #expect(reopened.model.names == ["a", "b", "c"])
            #expect(reopened.readOnlyReason == nil)
            #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
            // The other counter finds out at its next write, and a reopen continues the backup.
            #expect(throws: StoreError.self) { try other.add("x") }
            #expect(other.readOnlyReason?.contains("replaced") == true)
            try reopened.add("f")
            #expect(try openLedger(folder).model.names == ["a", "b", "c", "f"])
        }
    }

    @Test func aRestoreHealsDamageAndRemovesItsNote() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let backup = try store.backup(into: backupsFolder(folder), name: "b1")
            var lines = try journalLines(folder)
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            _ = Store.check(folder: folder, empty: Ledger())  // notes the damage
            let damagedStore = try openLedger(folder)
            #expect(damagedStore.readOnlyReason != nil)
            try damagedStore.restore(from: backup)
            let healed = try openLedger(folder)
            #expect(healed.readOnlyReason == nil)
            #expect(healed.model.names == ["a", "b", "c"])
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("damage.json").path))
        }
    }

    @Test func anUnsoundBackupIsNotRestored() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let backup = try store.backup(into: backupsFolder(folder), name: "b1")
            var lines = try journalLines(backup)
            lines[1] = damaged(lines[1])
            try setJournal(backup, lines.flatMap { $0 })
            let before = try journalBytes(folder)
            #expect(throws: StoreError.self) { try store.restore(from: backup) }
            #expect(try journalBytes(folder) == before)
            #expect(store.readOnlyReason == nil)
            #expect(throws: StoreError.self) { try store.restore(from: folder.appendingPathComponent("nothing-here")) }
        }
    }
}

/// `repair` takes damaged journal lines from a backup that holds them intact, and never guesses.
@Suite struct RepairTests {
    /// Six names, a snapshot after four, and a backup of all six; returns the journal's lines.
    private func storeWithBackup(_ folder: URL) throws -> (lines: [[UInt8]], backup: URL) {
        let store = try openLedger(folder)
        try store.add("a", "b", "c", "d")
        try store.writeSnapshot()
        try store.add("e", "f")
        let backup = try store.backup(into: folder.deletingLastPathComponent().appendingPathComponent("backups"), name: "b")
        return (try journalLines(folder), backup)
    }

    private func expectRepaired(_ folder: URL, from backup: URL, lines: [Int], sound: [UInt8]) throws {
        let report = try openLedger(folder).repair(from: backup)
        #expect(report.replacedLines == lines)
        #expect(try journalBytes(folder) == sound)
        let healed = try openLedger(folder)
        #expect(healed.readOnlyReason == nil)
        #expect(healed.model.names == ["a", "b", "c", "d", "e", "f"])
        #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("damage.json").path))
        try healed.add("g")
    }

    @Test func aDamagedLineBehindTheSnapshotIsTakenFromTheBackup() throws {
        try withTemporaryFolder { folder in
            var (lines, backup) = try storeWithBackup(folder)
            let sound = lines.flatMap { $0 }
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            _ = Store.check(folder: folder, empty: Ledger())
            #expect(try openLedger(folder).readOnlyReason != nil)
            try expectRepaired(folder, from: backup, lines: [2], sound: sound)
        }
    }

    @Test func damageThatChangedALinesLengthOrTheLastLineIsRepairedToo() throws {
        try withTemporaryFolder { folder in
            var (lines, backup) = try storeWithBackup(folder)
            let sound = lines.flatMap { $0 }
            lines[2].insert(UInt8(ascii: "x"), at: 20)
            lines[5] = damaged(lines[5])
            try setJournal(folder, lines.flatMap { $0 })
            try expectRepaired(folder, from: backup, lines: [3, 6], sound: sound)
        }
    }

    @Test func aBackupWithoutTheDamagedLineRepairsNothing() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            let older = try store.backup(into: folder.deletingLastPathComponent().appendingPathComponent("backups"), name: "old")
            try store.add("c", "d")
            var lines = try journalLines(folder)
            lines[2] = damaged(lines[2])
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)
            #expect(throws: StoreError.self) { try openLedger(folder).repair(from: older) }
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func aBackupOfAnotherHistoryRepairsNothing() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            var lines = try journalLines(folder)
            lines[1] = damaged(lines[1])
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)
            let other = folder.deletingLastPathComponent().appendingPathComponent("other")
            try openLedger(other).add("a", "b", "x")
            #expect {
                try openLedger(folder).repair(from: other)
            } throws: { error in
                (error as? StoreError)?.message.contains("same history") == true
            }
            #expect(try journalBytes(folder) == bytes)
        }
    }
}
