import ButikDomain
import ButikGrid
import ButikRuntime
import ButikStore
import ButikUI
import Foundation

/// `butik-bench customerlog`: the customer log (issue 12) on the one-year store with its
/// contacts and cases, at half a year and a year: F6's Enter on a customer (the card and the
/// first timeline page read from `history.bin`, drawn) for a regular and for an ordinary
/// customer, the shop-wide case list with a row per case, and each keystroke of F6's directory
/// search. Runs: `BUTIK_BENCH_RUNS` (default 200) after 20 of warm-up.
func benchmarkCustomerLog() throws {
    let runs = Int(ProcessInfo.processInfo.environment["BUTIK_BENCH_RUNS"] ?? "") ?? 200
    let cuts = try YearShop.generate(percents: [50, 100], names: try demoNames())
    defer { for cut in cuts { try? FileManager.default.removeItem(at: cut.folder) } }
    for cut in cuts {
        let store = try ShopStore.open(folder: cut.folder, defaultLayout: Data(YearShop.layoutJSON.utf8))
        let state = store.state
        let open = state.records.cases.values.filter { $0.status != .resolved }
        print("\nat \(cut.percent)% of the year (through \(cut.day)): \(cut.customers) customers, \(state.records.contacts.count) contacts, "
              + "\(state.records.cases.count) cases (\(open.count) open), \(cut.lines) journal lines")
        // history.bin up to date, as the counter has it after its first start.
        _ = try store.history(for: .day(cut.day))
        let now = LocalTime.date(cut.day.adding(days: 1), minuteOfDay: 10 * 60, in: store.layout.zone)
        let terminal = BenchTerminal(AppDriver(store: StoreClient(store), staff: StaffID(stored: "bench"), now: now, clock: 1000), now: now)
        terminal.press(.function(6))

        // F6's Enter: the card and its first timeline page, for the customer with the longest
        // timeline among the first 200 (a regular) and for one with a single parcel.
        let timelines = state.customers.values.sorted { $0.id < $1.id }.prefix(200).map { customer in
            (customer, (try? store.history(for: .timeline(customer.id, since: nil, page: 1, pageSize: 1)).timeline(of: customer.id).total) ?? 0)
        }
        let regular = timelines.max { $0.1 < $1.1 }!
        let ordinary = state.customers.values.sorted { $0.id < $1.id }.dropFirst(state.customers.count / 2)
            .first { customer in (try? store.history(for: .timeline(customer.id, since: nil, page: 1, pageSize: 1)).timeline(of: customer.id).total) ?? 0 > 1 }!
        for (label, customer) in [("a regular", regular.0), ("an ordinary customer", ordinary)] {
            let total = try store.history(for: .timeline(customer.id, since: nil, page: 1, pageSize: 1)).timeline(of: customer.id).total
            let opening = try openCard(customer, terminal, runs: runs)
            print("  F6 Enter on \(label) (\(customer.key.value), \(total) timeline entries, \(state.openCustomerCases(customer.id).count) open cases): "
                  + opening.summary)
        }

        // The case list: the domain's list, due and overdue first, with a row per case.
        let today = cut.day.adding(days: 1)
        var listed = 0
        let list = Timings.measure(runs + 20) {
            listed = state.caseList(today: today).map { item in
                [item.id.description, item.kind.code, item.status.rawValue, item.owner.value, item.followUp?.description ?? ""].joined(separator: " ")
            }.count
        }
        let due = state.caseList(CaseFilter(dueOnly: true), today: today).count
        print("  case list (\(listed) cases not resolved, \(due) due or overdue), domain list and rows: \(Timings(samples: Array(list.samples.dropFirst(20)), cpuSamples: Array(list.cpuSamples.dropFirst(20))).summary)")

        // A keystroke in F6's directory search, key to the end of the redraw.
        let fragments = ["ås", "øy", "jens", "åse", "bjørn", "sø", "lars", "vespa", "4", "48", "9123", "90017", "kristiansen", "nils"]
        var keys = Timings()
        var warm = Timings()
        terminal.press(.character("/"))
        terminal.typeTimed("jens", into: &warm)
        terminal.press(.escape)
        var slowest: [(typed: String, ms: Double)] = []
        for _ in 0..<max(1, runs / 20) {
            for fragment in fragments {
                terminal.press(.character("/"))
                slowest += terminal.typeTimed(fragment, into: &keys)
                terminal.press(.escape)
                terminal.press(.escape)
            }
        }
        let worst = slowest.sorted { $0.ms > $1.ms }.prefix(5).map { String(format: "%@ %.2f ms", $0.typed, $0.ms) }.joined(separator: ", ")
        print("  F6 search keystroke (\(fragments.count) fragments): \(keys.summary); slowest: \(worst)")
        let byTyped = Dictionary(grouping: slowest, by: \.typed).mapValues { keys in keys.map(\.ms).sorted()[keys.count / 2] }
        let slowestTyped = byTyped.sorted { $0.value > $1.value }.prefix(5).map { String(format: "%@ %.2f ms", $0.key, $0.value) }
        print("    slowest by median: \(slowestTyped.joined(separator: ", "))")
    }
}

/// F6's Enter on `customer` (found by their key in the filter), timed from the key to the
/// end of the redraw with the first timeline page; 20 runs of warm-up first.
private func openCard(_ customer: Customer, _ terminal: BenchTerminal, runs: Int) throws -> Timings {
    terminal.press(.character("/"))
    for character in customer.key.value { terminal.press(.character(character)) }
    var timings = Timings()
    for run in 0..<(runs + 20) {
        let start = Moment()
        _ = terminal.driver.handle(KeyEvent(.enter, at: terminal.clock))
        _ = terminal.driver.frame(terminal.size)
        if run >= 20 { timings.append(since: start) }
        guard let card = terminal.driver.state.customers.card, card.customer == customer.id, case .read = card.timeline else {
            throw BenchFailure("F6 Enter did not open \(customer.key.value) with its timeline")
        }
        terminal.press(.escape)
        terminal.press(.character("/"))
    }
    terminal.press(.escape)
    terminal.press(.escape)
    return timings
}
