import ButikDomain
import ButikStore
import Foundation

/// `butik-bench erase`: erasing one customer (`ShopStore.erase`, the work of `butik customer
/// erase`) on the one-year store at 10%, 50% and 100% of its history: the regular with the
/// most parcels, none in the shop and no open case, whose lines are in every month's segment.
/// Each run on a fresh copy of the cut (an erasure cannot be undone); the time includes the
/// survey of the whole journal (which builds `history.bin` in the same pass), the segments
/// rewritten and synced, the snapshot and the history file written; and, apart, a rebuild of
/// `history.bin` from the whole journal, as a view builds a missing one.
func benchmarkErase() throws {
    let runs = Int(ProcessInfo.processInfo.environment["BUTIK_BENCH_RUNS"] ?? "") ?? 3
    let cuts = try YearShop.generate(percents: [10, 50, 100], names: try demoNames())
    defer { for cut in cuts { try? FileManager.default.removeItem(at: cut.folder) } }
    let layout = Data(YearShop.layoutJSON.utf8)
    for cut in cuts {
        let original = try ShopStore.open(folder: cut.folder, defaultLayout: layout)
        var parcels: [CustomerID: Int] = [:]
        for story in try original.history().part.stories.values { parcels[story.customer, default: 0] += 1 }
        // Erasable: none of their parcels in the shop and none of their cases open.
        let customer = parcels.filter { original.state.parcelsInShop(for: $0.key).isEmpty && original.state.openCustomerCases($0.key).isEmpty }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }!
        let key = original.state.customers[customer.key]!.key
        var erase = Timings(), rebuild = Timings()
        var done: ShopStore.ErasureDone?
        for _ in 0..<runs {
            let copy = temporaryFolder("erase\(cut.percent)")
            try FileManager.default.copyItem(at: cut.folder, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let store = try ShopStore.open(folder: copy, defaultLayout: layout)
            let start = Moment()
            done = try store.erase(key: key, staff: StaffID(stored: "maria"), now: Date(timeIntervalSince1970: 1_765_800_000))
            erase.append(since: start)
            try FileManager.default.removeItem(at: copy.appendingPathComponent(ShopStore.historyFileName))
            let again = Moment()
            try store.prepareHistory(now: Date(timeIntervalSince1970: 1_765_800_000))
            rebuild.append(since: again)
            precondition(Store<ShopState>.check(folder: copy, empty: ShopState()).isHealthy, "the erased store is not healthy")
        }
        print("\nat \(cut.percent)% of the year: \(cut.lines) journal lines, \(try journalFiles(cut.folder).count) segments")
        print("  erase \(key) (\(customer.value) parcels): \(done!.rewrite.lines) lines rewritten in \(done!.rewrite.segments.count) segments")
        print("  ShopStore.erase, whole: \(erase.summary)")
        print("  and apart, a rebuild of history.bin from the journal: \(rebuild.summary)")
    }
}
