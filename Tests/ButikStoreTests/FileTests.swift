import Foundation
import Testing
@testable import ButikStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileTests {
    @Test func filesAre0600AndTheFolder0700() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("a")
            try store.writeSnapshot()
            #expect(permissions(folder) == 0o700)
            #expect(permissions(journalURL(folder)) == 0o600)
            #expect(permissions(folder.appendingPathComponent("lock")) == 0o600)
            #expect(permissions(snapshotURL(folder)) == 0o600)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(files == ["journal", "lock", "snapshot.json"])
            #expect(permissions(folder.appendingPathComponent("journal")) == 0o700)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("journal").path) == ["000000000001.jsonl"])
        }
    }

    @Test func atomicFileReplacesContentWithTheGivenMode() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("layout.json")
            try AtomicFile.write(Data("one".utf8), to: url)
            #expect(try String(contentsOf: url, encoding: .utf8) == "one")
            #expect(permissions(url) == 0o600)
            try AtomicFile.write(Data("two, longer".utf8), to: url, mode: 0o640)
            #expect(try String(contentsOf: url, encoding: .utf8) == "two, longer")
            #expect(permissions(url) == 0o640)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["layout.json"])
        }
    }

    @Test func atomicFileFailureKeepsTheOldContentAndNoTemporaryFile() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("layout.json")
            try AtomicFile.write(Data("old".utf8), to: url)
            var ops = FileOps.live
            ops.write = { _, _ in -Int(ENOSPC) }
            #expect(throws: StoreError.self) {
                try AtomicFile.write(Array("new".utf8), to: url.path, mode: 0o600, ops: ops)
            }
            #expect(try String(contentsOf: url, encoding: .utf8) == "old")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["layout.json"])
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func unwritableStoreOpensReadOnly() throws {
        try withTemporaryFolder { folder in
            try openLedger(folder).add("a")
            chmod(journalURL(folder).path, 0o400)
            chmod(folder.path, 0o500)
            defer {
                chmod(folder.path, 0o700)
                chmod(journalURL(folder).path, 0o600)
            }
            let store = try openLedger(folder)
            #expect(store.readOnlyReason != nil)
            #expect(store.model.names == ["a"])
            #expect(throws: StoreError.self) { try store.add("b") }
        }
    }
}
