import Foundation
import Testing
@testable import ButikStore

@Suite struct RoundTripTests {
    @Test func crcMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        // Eight bytes a step gives what one byte a step gives, for every length and offset.
        var random = SplitMix(state: 32)
        for length in 0..<80 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            var bytewise: UInt32 = 0xFFFF_FFFF
            for byte in bytes { bytewise = CRC32.table[Int((bytewise ^ UInt32(byte)) & 0xFF)] ^ (bytewise >> 8) }
            #expect(CRC32.checksum(bytes) == bytewise ^ 0xFFFF_FFFF, "length \(length)")
        }
    }

    @Test func linesAreValidJSONWithTheirChecksum() throws {
        let bytes = try line(seq: 7, .add("Åsa"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"seq":7,"v":1,"entry":{"add":{"_0":"Åsa"}},"sum":""#))
        #expect(text.hasSuffix("\"}\n"))
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(object?["seq"] as? Int == 7)
        let prefix = Array(bytes[0..<(bytes.count - 1 - Sealed.suffixLength)])
        #expect(object?["sum"] as? String == String(format: "%08x", CRC32.checksum(prefix)))
    }

    @Test func reopenWithoutSnapshotGivesTheSameModel() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            #expect(store.lastSequence == 0)
            try store.add("Anna", "Bo")
            // Sub-millisecond precision is lost in the file; memory must hold what a reload gives.
            try store.record(.count(3), .stamp(Date(timeIntervalSince1970: 1_700_000_000.123456)), .add("Cia"))
            let answer = try store.transact { model in (entries: [Ledger.Entry.count(4)], result: model.total) }
            #expect(answer == 3)
            #expect(store.lastSequence == 6)
            #expect(store.model.names == ["Anna", "Bo", "Cia"])
            #expect(store.model.total == 7)

            let reopened = try openLedger(folder)
            #expect(reopened.model == store.model)
            #expect(reopened.lastSequence == 6)
            #expect(reopened.notices.isEmpty)
            #expect(reopened.readOnlyReason == nil)
            #expect(!FileManager.default.fileExists(atPath: snapshotURL(folder).path))
            #expect(try journalLines(folder).count == 6)
        }
    }

    @Test func aLongReplayHoldsTheLiveStateNotAllHistory() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.snapshotEvery = .max
            let entries = Replay<Ledger>.compactionInterval + 5
            try store.transact { _ in ((0..<entries).map { _ in Ledger.Entry.count(1) }, ()) }
            #expect(store.model.history.count == entries)

            let reopened = try openLedger(folder)
            #expect(!FileManager.default.fileExists(atPath: snapshotURL(folder).path))
            #expect(reopened.model.total == entries)
            #expect(reopened.model.history.count == 5)  // compacted after the first 25,000, as a snapshot there would be
            #expect(reopened.model.compactedForSnapshot() == store.model.compactedForSnapshot())
            #expect(Store<Ledger>.check(folder: folder, empty: Ledger()).isHealthy)
        }
    }

    @Test func reopenWithSnapshotGivesTheSameModel() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("Anna", "Bo")
            try store.record(.count(5), .add("Cia"))
            try store.writeSnapshot()
            try store.add("Dan")
            try store.record(.count(1))

            let reopened = try openLedger(folder)
            #expect(reopened.lastSequence == 6)
            #expect(reopened.model.names == ["Anna", "Bo", "Cia", "Dan"])
            #expect(reopened.model.total == 6)
            // History before the snapshot is compacted away; what came after is kept.
            #expect(reopened.model.history == ["\(Ledger.Entry.add("Dan"))", "\(Ledger.Entry.count(1))"])
            #expect(reopened.model.compactedForSnapshot() == store.model.compactedForSnapshot())
            #expect(reopened.notices.isEmpty)
            try reopened.add("Eva")
            #expect(try openLedger(folder).model.names.last == "Eva")
            #expect(Store.check(folder: folder, empty: Ledger()).isHealthy)
        }
    }

    @Test func snapshotIsWrittenAutomaticallyAfterEnoughLines() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            store.snapshotEvery = 5
            try store.add("a", "b", "c", "d", "e")
            #expect(!FileManager.default.fileExists(atPath: snapshotURL(folder).path))
            try store.add("f")
            let reading = SnapshotFile.read(
                path: snapshotURL(folder).path, as: Ledger.self, supported: 1, decoder: StoreCoding.decoder(for: Ledger.self))
            guard case .sound(let snapshot) = reading else {
                Issue.record("no sound snapshot: \(reading)")
                return
            }
            #expect(snapshot.seq == 6)
            #expect(snapshot.journalOffset == Int64(try journalBytes(folder).count))
            #expect(snapshot.model.names == ["a", "b", "c", "d", "e", "f"])
            #expect(snapshot.model.history.isEmpty)
        }
    }

    @Test func startupDoesNotReadTheJournalBeforeTheSnapshot() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            for index in 1...10 { try store.add("n\(index)") }
            try store.writeSnapshot()
            try store.add("n11", "n12")
            var lines = try journalLines(folder)
            lines[2] = damaged(lines[2])
            try setJournal(folder, lines.flatMap { $0 })

            let reopened = try openLedger(folder)
            #expect(reopened.readOnlyReason == nil)
            #expect(reopened.lastSequence == 12)
            #expect(reopened.model.names == (1...12).map { "n\($0)" })
            // ...but the check reads everything and finds it.
            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.problems.contains { $0.file.hasSuffix("000000000001.jsonl") && $0.line == 3 })
        }
    }

    @Test func decideThrowingWritesNothingAndReleasesTheLock() throws {
        struct Refused: Error {}
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("Anna")
            let before = try journalBytes(folder)
            #expect(throws: Refused.self) {
                try store.transact { _ -> (entries: [Ledger.Entry], result: Int) in throw Refused() }
            }
            #expect(try journalBytes(folder) == before)
            #expect(store.lastSequence == 1)
            #expect(store.readOnlyReason == nil)
            let other = try openLedger(folder)
            other.lockTimeout = 0.5
            try other.add("Bo")
            try store.add("Cia")
            #expect(store.model.names == ["Anna", "Bo", "Cia"])
            #expect(store.lastSequence == 3)
        }
    }

    @Test func emptyDecisionWritesNothing() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("Anna")
            let before = try journalBytes(folder)
            let result = try store.transact { model in (entries: [Ledger.Entry](), result: model.names.count) }
            #expect(result == 1)
            #expect(try journalBytes(folder) == before)
        }
    }

    @Test func unencodableEntryWritesNothingAndStaysWritable() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.add("Anna")
            let before = try journalBytes(folder)
            #expect {
                try store.record(.add("Bo"), .measure(.nan))
            } throws: { error in
                guard case StoreError.encoding = error else { return false }
                return true
            }
            #expect(try journalBytes(folder) == before)
            #expect(store.model.names == ["Anna"])
            #expect(store.readOnlyReason == nil)
            try store.add("Bo")
            #expect(store.lastSequence == 2)
        }
    }

    @Test func multiEntryTransactionsMarkAllButTheirLastLine() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            try store.record(.add("a"), .add("b"), .add("c"))
            let lines = try journalLines(folder).map { String(decoding: $0, as: UTF8.self) }
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix(#"{"seq":1,"v":1,"more":true,"entry":"#))
            #expect(lines[1].hasPrefix(#"{"seq":2,"v":1,"more":true,"entry":"#))
            #expect(lines[2].hasPrefix(#"{"seq":3,"v":1,"entry":"#))
        }
    }
}
