import Foundation
import Testing
@testable import ButikStore
#if canImport(Glibc)
import Glibc
#endif

/// Another program holding the store's lock is a passing condition: a store that must not wait
/// (the terminal UI) hears "busy" at once, nothing is written, and nothing goes read-only.
@Suite struct LockWaitTests {
    /// A lock on the store's `lock` file from a second open file, which contends like another
    /// process (flock locks belong to the open file).
    private func holdLock(_ folder: URL, _ kind: FileLock.Kind) throws -> FileLock {
        let lock = try FileLock(path: folder.appendingPathComponent("lock").path, create: false)
        try lock.lock(kind, timeout: 0)
        return lock
    }

    /// Busy at once: `seconds` is the wait limit that ran out, and it was none.
    private func isBusyAtOnce(_ error: any Error) -> Bool {
        guard case StoreError.locked(let path, let seconds) = error else { return false }
        return path.hasSuffix("/lock") && seconds == 0
    }

    @Test func withoutWaitingABusyLockFailsAtOnceAndTheNextWriteWorks() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.lockTimeout = 3600  // a wait would hang the test, not pass it
            try store.add("a")
            try openLedger(folder).add("b")  // another counter: this store has not seen it yet
            let before = try journalBytes(folder)
            let holder = try holdLock(folder, .exclusive)

            #expect(performing: { try store.refresh(waiting: false) }, throws: isBusyAtOnce)
            var decided = false
            #expect(performing: {
                try store.transact(waiting: false) { _ in
                    decided = true
                    return (entries: [.add("c")], result: ())
                }
            }, throws: isBusyAtOnce)
            #expect(!decided, "nothing is decided without the lock")
            #expect(performing: { _ = try store.reopened() }, throws: isBusyAtOnce)
            #expect(try journalBytes(folder) == before)
            #expect(store.model.names == ["a"])
            #expect(store.readOnlyReason == nil)

            holder.unlock()
            let seen = try store.transact(waiting: false) { model in (entries: [.add("c")], result: model.names) }
            #expect(seen == ["a", "b"], "decided against the state caught up under the lock")
            #expect(store.model.names == ["a", "b", "c"])
            #expect(try openLedger(folder).model.names == ["a", "b", "c"])
        }
    }

    @Test func anotherReaderBlocksOnlyWriters() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            try openLedger(folder).add("b")
            let reader = try holdLock(folder, .shared)
            try store.refresh(waiting: false)
            #expect(store.model.names == ["a", "b"])
            #expect(performing: { try store.record(waiting: false, .add("c")) }, throws: isBusyAtOnce)
            reader.unlock()
            try store.record(waiting: false, .add("c"))
            #expect(store.model.names == ["a", "b", "c"])
        }
    }

    @Test func waitingGivesUpAfterTheLimitAndStaysWritable() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            store.lockTimeout = 0.2
            let holder = try holdLock(folder, .exclusive)
            #expect {
                try store.add("b")
            } throws: { error in
                guard case StoreError.locked(_, let seconds) = error else { return false }
                return seconds == 0.2 && (error as? StoreError)?.message.contains("busy") == true
            }
            #expect(store.readOnlyReason == nil)
            holder.unlock()
            try store.add("b")
            #expect(store.model.names == ["a", "b"])
        }
    }

    @Test func reopeningFindsOutWhetherAFaultIsGone() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            store.fileOps.write = { _, _ in -Int(ENOSPC) }
            #expect(throws: StoreError.self) { try store.add("c") }
            #expect(store.readOnlyReason != nil)

            // The disk has room again: a fresh look at the files takes writes.
            let fresh = try store.reopened()
            #expect(fresh.readOnlyReason == nil)
            #expect(fresh.model.names == ["a", "b"])
            try fresh.add("c")
            #expect(try openLedger(folder).model.names == ["a", "b", "c"])

            // Damage stays a fault until the journal is restored.
            let good = try journalBytes(folder)
            var lines = splitLines(good)
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            let damagedStore = try fresh.reopened()
            #expect(damagedStore.readOnlyReason?.contains("line 2") == true)
            try setJournal(folder, good)
            let restored = try damagedStore.reopened()
            #expect(restored.readOnlyReason == nil)
            #expect(restored.model.names == ["a", "b", "c"])
        }
    }

    @Test func reopeningNeverStartsANewStore() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            try FileManager.default.removeItem(at: folder)
            #expect {
                _ = try store.reopened()
            } throws: { error in
                guard case StoreError.io(.open, let path, ENOENT) = error else { return false }
                return path.hasSuffix("000000000001.jsonl")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }
}
