import Foundation
import Testing
@testable import ButikStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FaultInjectionTests {
    private func isIO(_ error: any Error, _ operation: FileOperation, _ code: Int32) -> Bool {
        guard case StoreError.io(let op, let path, let errno) = error else { return false }
        return op == operation && errno == code && path.hasSuffix("000000000001.jsonl")
    }

    /// After a failed save: the error was reported, memory and file are as before, writes refused,
    /// and a reopened store continues with the right sequence number.
    private func expectCleanFailure(_ store: Store<Ledger>, _ folder: URL, before: [UInt8], names: [String]) throws {
        #expect(store.readOnlyReason?.contains("NOT saved") == true)
        #expect(store.model.names == names)
        #expect(store.lastSequence == names.count)
        #expect(try journalBytes(folder) == before)  // no partial line
        #expect {
            try store.add("later")
        } throws: { error in
            guard case StoreError.readOnly = error else { return false }
            return true
        }
        let reopened = try openLedger(folder)
        #expect(reopened.notices.isEmpty)
        #expect(reopened.readOnlyReason == nil)
        #expect(reopened.model.names == names)
        try reopened.add("after")
        #expect(reopened.lastSequence == names.count + 1)
    }

    @Test func diskFullDuringWrite() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let before = try journalBytes(folder)
            let calls = Locked(0)
            // The first call writes half the bytes for real, the next finds the disk full.
            store.fileOps.write = { fd, bytes in
                let call = calls.with { count -> Int in count += 1; return count }
                if call == 1 { return FileOps.live.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count / 2)])) }
                return -Int(ENOSPC)
            }
            #expect {
                try store.record(.add("d"), .add("e"))
            } throws: { error in
                isIO(error, .write, ENOSPC) && (error as? StoreError)?.message.contains("disk is full") == true
            }
            #expect(calls.current == 2)
            try expectCleanFailure(store, folder, before: before, names: ["a", "b", "c"])
        }
    }

    @Test func ioErrorOnWrite() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let before = try journalBytes(folder)
            store.fileOps.write = { _, _ in -Int(EIO) }
            #expect {
                try store.record(.add("d"), .add("e"))
            } throws: { error in
                isIO(error, .write, EIO) && (error as? StoreError)?.message.contains("failing") == true
            }
            try expectCleanFailure(store, folder, before: before, names: ["a", "b", "c"])
        }
    }

    @Test func shortWritesAreCompleted() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            // The disk takes at most seven bytes a call, and is interrupted now and then.
            let calls = Locked(0)
            store.fileOps.write = { fd, bytes in
                let call = calls.with { count -> Int in count += 1; return count }
                if call % 5 == 0 { return -Int(EINTR) }
                return FileOps.live.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<min(7, bytes.count)]))
            }
            try store.record(.add("b"), .add("c"))
            #expect(calls.current > 20)
            #expect(store.readOnlyReason == nil)
            let reopened = try openLedger(folder)
            #expect(reopened.model.names == ["a", "b", "c"])
            #expect(reopened.notices.isEmpty)
        }
    }

    @Test func failedWriteWhoseCutBackCannotBeSyncedIsStillNotSaved() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            let calls = Locked(0)
            store.fileOps.write = { fd, bytes in
                let call = calls.with { count -> Int in count += 1; return count }
                if call == 1 { return FileOps.live.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 1)])) }
                return -Int(EIO)
            }
            store.fileOps.fdatasync = { _ in EIO }
            #expect(throws: StoreError.self) { try store.add("c") }
            // All but the newline may be on disk: an unfinished line, which no reader applies.
            #expect(store.readOnlyReason?.contains("NOT saved") == true)
            #expect(try openLedger(folder).model.names == ["a", "b"])
        }
    }

    @Test func ioErrorOnFdatasync() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            let before = try journalBytes(folder)
            // The sync of the entry fails; the sync of the cut back succeeds.
            let calls = Locked(0)
            store.fileOps.fdatasync = { fd in
                calls.with { count -> Int32 in count += 1; return count == 1 ? EIO : FileOps.live.fdatasync(fd) }
            }
            #expect {
                try store.add("d")
            } throws: { error in
                isIO(error, .fdatasync, EIO)
            }
            try expectCleanFailure(store, folder, before: before, names: ["a", "b", "c"])
        }
    }

    private func unconfirmedURL(_ folder: URL) -> URL { folder.appendingPathComponent("unconfirmed.json") }

    /// A failed fdatasync whose cut back fails too: the outcome is unknown, never "not saved".
    private func expectUnknownOutcome(_ store: Store<Ledger>, _ folder: URL) throws {
        #expect {
            try store.add("d")
        } throws: { error in
            guard case StoreError.unconfirmed(let reason) = error else { return false }
            return reason.contains("may have been saved or not") && !reason.contains("NOT saved")
        }
        #expect(store.readOnlyReason?.contains("may have been saved or not") == true)
        #expect(store.model.names == ["a", "b", "c"])  // not applied: it was not confirmed
        #expect(FileManager.default.fileExists(atPath: unconfirmedURL(folder).path))
    }

    @Test func failedSyncThatCannotBeCutBackIsUnknownAndTheNextOpenSaysItWasRecorded() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            store.fileOps.fdatasync = { _ in EIO }
            store.fileOps.ftruncate = { _, _ in EIO }
            try expectUnknownOutcome(store, folder)

            let reopened = try openLedger(folder)
            #expect(reopened.model.names == ["a", "b", "c", "d"])
            #expect(reopened.notices.contains { $0.contains("entry 4") && $0.contains("WAS recorded") })
            #expect(!FileManager.default.fileExists(atPath: unconfirmedURL(folder).path))
            #expect(try openLedger(folder).notices.isEmpty)  // said once
        }
    }

    @Test func cutBackThatCannotBeSyncedIsUnknownToo() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            store.fileOps.fdatasync = { _ in EIO }  // the cut back happens, but is not known to be on disk
            try expectUnknownOutcome(store, folder)

            let reopened = try openLedger(folder)
            #expect(reopened.model.names == ["a", "b", "c"])
            #expect(reopened.notices.contains { $0.contains("entry 4") && $0.contains("was NOT recorded") })
            #expect(!FileManager.default.fileExists(atPath: unconfirmedURL(folder).path))
        }
    }

    @Test func anotherActionWithTheSameNumberIsNotTakenForTheUnconfirmedOne() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b", "c")
            store.fileOps.fdatasync = { _ in EIO }
            try expectUnknownOutcome(store, folder)
            // The cut back took effect; another counter then saved its own entry 4.
            let other = try Store.open(folder: folder, empty: Ledger())
            let notices = other.notices
            #expect(notices.contains { $0.contains("was NOT recorded") })
            try other.add("x")
            try MarkerFile.write(
                UnconfirmedWrite(firstSeq: 4, lastSeq: 4, offset: 0, length: 1, checksum: 0, at: Date()),
                to: unconfirmedURL(folder).path, ops: .live)
            let reopened = try openLedger(folder)
            #expect(reopened.notices.contains { $0.contains("was NOT recorded") })
        }
    }

    @Test func failedWriteThatCannotBeCutBackIsIgnoredOnReopen() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a", "b")
            let calls = Locked(0)
            store.fileOps.write = { fd, bytes in
                let call = calls.with { count -> Int in count += 1; return count }
                if call == 1 { return FileOps.live.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<5])) }
                return -Int(ENOSPC)
            }
            store.fileOps.ftruncate = { _, _ in EIO }
            #expect(throws: StoreError.self) { try store.add("c") }
            #expect(store.readOnlyReason?.contains("could not be removed") == true)
            #expect(store.model.names == ["a", "b"])

            let reopened = try openLedger(folder)
            #expect(reopened.model.names == ["a", "b"])
            #expect(reopened.notices.count == 1)
            try reopened.add("c")
            #expect(try openLedger(folder).model.names == ["a", "b", "c"])
        }
    }

    @Test func realDiskFullFromDevFull() throws {
        // /dev/full fails every write with ENOSPC, through the live operations.
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(Posix.writeAll(fd, Array("hello\n".utf8), ops: .live) == ENOSPC)
    }

    @Test func failedAutomaticSnapshotDoesNotFailTheTransaction() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.snapshotEvery = 2
            store.fileOps.fsync = { _ in EIO }
            try store.add("a", "b", "c")
            #expect(store.lastSequence == 3)
            #expect(store.readOnlyReason == nil)
            #expect(store.notices.count == 1)
            #expect(store.notices.first?.contains("Nothing was lost") == true)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(files == ["journal", "lock"])  // no snapshot, no temporary file left
            #expect(try openLedger(folder).model.names == ["a", "b", "c"])
        }
    }

    @Test func lockHeldTooLongTimesOut() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            store.lockTimeout = 0.3
            let fd = open(folder.appendingPathComponent("lock").path, O_RDWR | O_CLOEXEC)
            try #require(fd >= 0)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX) == 0)
            let before = try journalBytes(folder)
            #expect {
                try store.add("b")
            } throws: { error in
                guard case StoreError.locked(let path, _) = error else { return false }
                return path.hasSuffix("/lock") && (error as? StoreError)?.message.contains("busy") == true
            }
            #expect(throws: StoreError.self) { try store.refresh() }
            #expect(try journalBytes(folder) == before)
            #expect(store.readOnlyReason == nil)
            flock(fd, LOCK_UN)
            try store.add("b")
            #expect(store.model.names == ["a", "b"])
        }
    }
}
