import Foundation
import Testing
@testable import ButikStore

/// Not a test: measures opening a journal of 100,000 lines without a snapshot.
/// Run with `BUTIK_STORE_BENCH=1 swift test --filter ReadSpeed` (best in release).
@Suite struct ReadSpeed {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BUTIK_STORE_BENCH"] != nil))
    func openHundredThousandLines() throws {
        try withTemporaryFolder { folder in
            let encoder = StoreCoding.encoder()
            var bytes: [UInt8] = []
            for seq in 1...100_000 {
                let entry: Ledger.Entry = seq % 3 == 0 ? .count(seq) : .add("RR\(100_000_000 + seq)SE")
                bytes += JournalLine.encode(seq: seq, version: 1, more: false, entryJSON: try encoder.encode(entry))
            }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try setJournal(folder, bytes)
            let clock = ContinuousClock()
            var store: Store<Ledger>?
            let elapsed = try clock.measure { store = try openLedger(folder) }
            #expect(store?.lastSequence == 100_000)
            print("ReadSpeed: opened 100,000 lines (\(bytes.count) bytes) in \(elapsed)")
        }
    }
}
