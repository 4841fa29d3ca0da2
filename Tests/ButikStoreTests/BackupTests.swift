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
