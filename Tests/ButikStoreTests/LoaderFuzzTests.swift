import Foundation
import Testing
@testable import ButikStore

/// Random damage to a valid journal never crashes the loader, and never yields a model with
/// entries from at or after the damage, nor loses entries without saying so.
@Suite struct LoaderFuzzTests {
    private struct Original {
        var bytes: [UInt8]
        var entries: [Ledger.Entry]
        /// Byte offset where each line starts, plus the end.
        var lineStarts: [Int]
        /// Sequence numbers after which a transaction ends.
        var boundaries: Set<Int>

        /// The 1-based line holding byte `offset` (a line past the last for the end).
        func line(at offset: Int) -> Int {
            (lineStarts.lastIndex { $0 <= offset } ?? 0) + 1
        }
    }

    private func makeOriginal(_ folder: URL) throws -> Original {
        let store = try openLedger(folder)
        var entries: [Ledger.Entry] = []
        var boundaries: Set<Int> = [0]
        for index in 0..<24 {
            var transaction: [Ledger.Entry] = [.add("name-\(index)-é")]
            if index % 4 == 1 { transaction += [.count(index), .add("pair-\(index)")] }
            if index % 5 == 2 { transaction.append(.stamp(Date(timeIntervalSince1970: Double(index) * 1000.5))) }
            try store.transact { _ in (entries: transaction, result: ()) }
            entries += transaction
            boundaries.insert(entries.count)
        }
        let bytes = try journalBytes(folder)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        return Original(bytes: bytes, entries: entries, lineStarts: starts, boundaries: boundaries)
    }

    @Test func randomDamageNeverYieldsEntriesAfterTheDamage() throws {
        try withTemporaryFolder { folder in
            let original = try makeOriginal(folder)
            var random = SplitMix(state: 20_251_123)
            let count = original.bytes.count
            for round in 0..<400 {
                var bytes = original.bytes
                var firstDamaged: Int          // first line whose bytes changed
                var silentLossAllowed = false  // a cut exactly between transactions cannot be seen
                var damageOffset = count       // first changed byte (for cuts: none that matters)
                let kind = round % 5
                switch kind {
                case 0, 1:  // flip one or a few bytes
                    let flips = kind == 0 ? 1 : Int.random(in: 2...4, using: &random)
                    var offsets: [Int] = []
                    for _ in 0..<flips {
                        let offset = Int.random(in: 0..<count, using: &random)
                        bytes[offset] ^= UInt8.random(in: 1...255, using: &random)
                        offsets.append(offset)
                    }
                    firstDamaged = original.line(at: offsets.min()!)
                    damageOffset = offsets.min()!
                case 2:  // truncate
                    let offset = Int.random(in: 0..<count, using: &random)
                    bytes.removeSubrange(offset...)
                    firstDamaged = original.line(at: offset)
                    if original.lineStarts.contains(offset), original.boundaries.contains(firstDamaged - 1) {
                        silentLossAllowed = true
                    }
                case 3:  // delete a byte
                    let offset = Int.random(in: 0..<count, using: &random)
                    bytes.remove(at: offset)
                    firstDamaged = original.line(at: offset)
                    damageOffset = offset
                default:  // insert a byte
                    let offset = Int.random(in: 0...count, using: &random)
                    bytes.insert(UInt8.random(in: 0...255, using: &random), at: offset)
                    firstDamaged = original.line(at: offset)
                    damageOffset = offset
                }
                if bytes == original.bytes { continue }
                try setJournal(folder, bytes)

                let store = try openLedger(folder)
                let context = Comment(rawValue: "round \(round), kind \(kind), damage in line \(firstDamaged)")
                let applied = store.lastSequence
                #expect(applied < firstDamaged, context)
                #expect(original.boundaries.contains(applied), context)
                #expect(store.model == Ledger.replaying(original.entries.prefix(applied)), context)
                if applied < original.entries.count, !silentLossAllowed {
                    #expect(store.readOnlyReason != nil || !store.notices.isEmpty, context)
                }
                // Damage before the last line (and its newline) is never taken for a torn tail:
                // the store must refuse to write, or it would cut confirmed entries away.
                let lastLineStart = original.lineStarts[original.lineStarts.count - 2]
                if damageOffset < lastLineStart - 1 {
                    #expect(store.readOnlyReason != nil, context)
                }
                // Only an unfinished write may be passed over: what follows the entries applied
                // is complete lines of an unfinished transaction and at most a piece without a newline.
                if store.readOnlyReason == nil {
                    let appliedEnd = original.lineStarts[original.entries.prefix(applied).count]
                    let tail = splitLines(Array(bytes[min(appliedEnd, bytes.count)...]))
                    for piece in tail where piece.last == UInt8(ascii: "\n") {
                        let parsed = piece.dropLast().withUnsafeBytes {
                            JournalLine.parse($0, as: Ledger.Entry.self, schemaVersion: 1, decoder: StoreCoding.decoder())
                        }
                        guard case .entry(_, true, _) = parsed else {
                            Issue.record("\(context): a complete line that is not part of an unfinished transaction was passed over")
                            break
                        }
                    }
                }
                #expect(try journalBytes(folder) == bytes, context)  // opening never writes

                // A writable store continues cleanly from where it stands.
                if store.readOnlyReason == nil, round % 8 == 0 {
                    try store.add("next")
                    let reopened = try openLedger(folder)
                    #expect(reopened.lastSequence == applied + 1, context)
                    #expect(reopened.readOnlyReason == nil, context)
                    #expect(reopened.notices.isEmpty, context)
                }
            }
        }
    }

    @Test func randomDamageToTheSnapshotFallsBackToTheJournal() throws {
        try withTemporaryFolder { folder in
            let store = try openLedger(folder)
            for index in 0..<12 { try store.add("n\(index)") }
            try store.writeSnapshot()
            try store.add("last")
            let snapshot = [UInt8](try Data(contentsOf: snapshotURL(folder)))
            var random = SplitMix(state: 7)
            for round in 0..<150 {
                var bytes = snapshot
                if round % 3 == 0 {
                    bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &random)...)
                } else {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
                }
                try Data(bytes).write(to: snapshotURL(folder))
                let reopened = try openLedger(folder)
                let context = Comment(rawValue: "round \(round)")
                #expect(reopened.readOnlyReason == nil, context)
                #expect(reopened.model == store.model, context)  // a full replay, with full history
                #expect(reopened.notices.count == 1, context)
            }
        }
    }
}
