import Foundation
import Testing
@testable import ButikStore

/// What a second thread reads reaches this one whole and in order, however the batches fall,
/// with the reader's result after the last item.
@Suite struct ReadAheadTests {
    @Test(arguments: [(1, 1), (3, 2), (1024, 8)])
    func everyItemArrivesInOrderThenTheResult(batch: Int, ahead: Int) {
        for count in [0, 1, batch, batch + 1, 5_000] {
            var seen: [Int] = []
            let result = ReadAhead.run(batch: batch, ahead: ahead) { yield in
                for item in 0..<count { yield(item) }
                return "read \(count)"
            } consume: { item in
                seen.append(item)
            }
            #expect(seen == Array(0..<count))
            #expect(result == "read \(count)")
        }
    }

    @Test func aSlowConsumerHoldsTheReaderBackToAFewBatchesAhead() {
        let furthest = Furthest()
        var consumed = 0
        ReadAhead.run(batch: 10, ahead: 2) { yield in
            for item in 0..<500 {
                furthest.note(item)
                yield(item)
            }
        } consume: { item in
            consumed += 1
            // The reader can be the batches handed over, the one being filled and one more ahead.
            #expect(furthest.value - item <= 10 * (2 + 2))
            if item % 50 == 0 { Thread.sleep(forTimeInterval: 0.002) }
        }
        #expect(consumed == 500)
    }

    /// The reader's position, seen from the other thread.
    private final class Furthest: @unchecked Sendable {
        private let lock = NSLock()
        private var furthest = 0
        func note(_ item: Int) { lock.withLock { furthest = item } }
        var value: Int { lock.withLock { furthest } }
    }
}
