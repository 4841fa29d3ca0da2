import Foundation
import Testing
@testable import ButikStore

@Suite struct ConcurrencyTests {
    @Test func twoWritersNeitherLoseNorDuplicateEntries() throws {
        try withTemporaryFolder { folder in
            let first = try openLedger(folder)
            let second = try openLedger(folder)
            second.snapshotEvery = 25  // one counter also replaces the snapshot now and then
            let perWriter = 120
            let seenCounts = Locked<[Int]>([])
            let failures = Locked<[String]>([])
            let group = DispatchGroup()
            for (label, store) in [("A", first), ("B", second)] {
                let handover = Handover(value: store)
                group.enter()
                Thread {
                    defer { group.leave() }
                    do {
                        for index in 0..<perWriter {
                            let extra: [Ledger.Entry] = index % 10 == 0 ? [.count(1)] : []
                            let seen = try handover.value.transact { model in
                                (entries: [.add("\(label)\(index)")] + extra, result: model.names.count)
                            }
                            seenCounts.with { $0.append(seen) }
                        }
                    } catch {
                        failures.with { $0.append("\(label): \(error)") }
                    }
                }.start()
            }
            group.wait()
            #expect(failures.current.isEmpty)

            // Every decision saw every earlier entry: the counts seen are exactly 0..<total.
            let total = 2 * perWriter
            #expect(seenCounts.current.sorted() == Array(0..<total))
            try first.refresh()
            try second.refresh()
            #expect(first.lastSequence == second.lastSequence)
            #expect(first.model == second.model)
            let names = first.model.names
            #expect(names.count == total)
            #expect(Set(names).count == total)
            for label in ["A", "B"] {
                #expect(names.filter { $0.hasPrefix(label) } == (0..<perWriter).map { "\(label)\($0)" })
            }
            #expect(first.model.total == 2 * perWriter / 10)
            let lines = try journalLines(folder)
            #expect(lines.count == first.lastSequence)
            #expect(first.lastSequence == total + 2 * perWriter / 10)

            let report = Store.check(folder: folder, empty: Ledger())
            #expect(report.isHealthy, "\(report)")
            #expect(report.lastSequence == first.lastSequence)
            #expect(report.snapshotSequence != nil)
            let reopened = try openLedger(folder)
            #expect(reopened.notices.isEmpty)
            #expect(reopened.model.compactedForSnapshot() == first.model.compactedForSnapshot())
        }
    }
}
