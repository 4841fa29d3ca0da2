import Foundation
import Testing
@testable import ButikStore

/// Damage to journal lines that opening does not read (they are behind the snapshot) is found
/// when a snapshot is made, by `verifyJournal` and by `check`, and from then on shown by every
/// open until the journal is repaired.
@Suite struct DamageBehindSnapshotTests {
    private func damageURL(_ folder: URL) -> URL { folder.appendingPathComponent("damage.json") }

    /// Five names with a snapshot after the third; returns the journal's lines.
    private func storeWithSnapshot(_ folder: URL) throws -> [[UInt8]] {
        let store = try openLedger(folder)
        try store.add("a", "b", "c")
        try store.writeSnapshot()
        try store.add("d", "e")
        return try journalLines(folder)
    }

    /// Every open is read-only, names line 2, and still shows every acknowledged entry.
    private func expectShownOnEveryOpen(_ folder: URL, names: [String]) throws {
        for _ in 0..<2 {
            let store = try openLedger(folder)
            let reason = try #require(store.readOnlyReason)
            #expect(reason.contains("000000000001.jsonl line 2"))
            #expect(reason.contains("backup"))
            #expect(store.model.names == names)
            #expect(throws: StoreError.self) { try store.add("more") }
        }
    }

    @Test func makingASnapshotFindsDamageBehindTheLastOne() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            let sound = lines[1]
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            let snapshot = try Data(contentsOf: snapshotURL(folder))

            let store = try openLedger(folder)
            #expect(store.readOnlyReason == nil)  // opening reads only the tail after the snapshot
            store.snapshotEvery = 1
            try store.add("f")  // acknowledged: the journal holds it
            #expect(store.readOnlyReason?.contains("000000000001.jsonl line 2") == true)
            #expect(store.notices.contains { $0.contains("The last action was saved") && $0.contains("line 2") })
            #expect(try Data(contentsOf: snapshotURL(folder)) == snapshot)  // it covers no unverified line
            #expect(FileManager.default.fileExists(atPath: damageURL(folder).path))
            #expect(throws: StoreError.self) { try store.add("g") }
            try expectShownOnEveryOpen(folder, names: ["a", "b", "c", "d", "e", "f"])

            // Repaired (the line put back as it was): writable again, and the note is gone.
            lines = try journalLines(folder)
            lines[1] = sound
            try setJournal(folder, lines.flatMap { $0 })
            let repaired = try openLedger(folder)
            #expect(repaired.readOnlyReason == nil)
            #expect(repaired.notices.contains { $0.contains("is gone") })
            #expect(!FileManager.default.fileExists(atPath: damageURL(folder).path))
            try repaired.add("g")
            #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
        }
    }

    @Test func anExplicitSnapshotRefusesToCoverDamage() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            let store = try openLedger(folder)
            #expect {
                try store.writeSnapshot()
            } throws: { error in
                guard case StoreError.corrupt(_, 2, _) = error else { return false }
                return true
            }
            try expectShownOnEveryOpen(folder, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func verifyingTheJournalFindsDamageBehindTheSnapshot() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            let store = try openLedger(folder)
            let problem = try store.verifyJournal()
            guard case .corrupt(_, 2, _)? = problem else {
                Issue.record("expected damage in line 2, found \(String(describing: problem))")
                return
            }
            #expect(store.readOnlyReason != nil)
            try expectShownOnEveryOpen(folder, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func verifyingASoundJournalChangesNothing() throws {
        try withTemporaryFolder { folder in
            _ = try storeWithSnapshot(folder)
            let store = try openLedger(folder)
            #expect(try store.verifyJournal() == nil)
            #expect(store.readOnlyReason == nil)
            #expect(!FileManager.default.fileExists(atPath: damageURL(folder).path))
            try store.add("f")
        }
    }

    @Test func checkNotesDamageSoThatOpeningShowsIt() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            lines[1] = damaged(lines[1])
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.first?.line == 2)
            #expect(try journalBytes(folder) == bytes)
            try expectShownOnEveryOpen(folder, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func damageNotedByAnotherProgramStopsAStoreAlreadyOpen() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            let running = try openLedger(folder)  // the counter's UI, open all day
            lines[1] = damaged(lines[1])
            let bytes = lines.flatMap { $0 }
            try setJournal(folder, bytes)
            _ = Store.check(folder: folder, empty: Ledger())  // a script checks the store
            #expect(throws: StoreError.self) { try running.add("f") }
            #expect(running.readOnlyReason?.contains("000000000001.jsonl line 2") == true)
            #expect(try journalBytes(folder) == bytes)
        }
    }

    @Test func anUnreadableEntryWithAGoodChecksumNotedByCheckIsShownToo() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            // The same length, resealed: only decoding the entry tells it is wrong.
            var text = String(decoding: lines[1].dropLast(Sealed.suffixLength + 1), as: UTF8.self)
            text = text.replacingOccurrences(of: #""add""#, with: #""adc""#)
            var prefix = Array(text.utf8)
            Sealed.seal(&prefix)
            lines[1] = prefix + [UInt8(ascii: "\n")]
            try setJournal(folder, lines.flatMap { $0 })
            #expect(try openLedger(folder).readOnlyReason == nil)  // behind the snapshot: not read
            #expect(Store.check(folder: folder, empty: Ledger()).problems.first?.line == 2)
            try expectShownOnEveryOpen(folder, names: ["a", "b", "c", "d", "e"])
        }
    }

    @Test func aDamagedNoteStillMakesOpeningVerify() throws {
        try withTemporaryFolder { folder in
            var lines = try storeWithSnapshot(folder)
            lines[1] = damaged(lines[1])
            try setJournal(folder, lines.flatMap { $0 })
            try Data("{\"line\":2, garbage".utf8).write(to: damageURL(folder))
            try expectShownOnEveryOpen(folder, names: ["a", "b", "c", "d", "e"])
        }
    }
}
