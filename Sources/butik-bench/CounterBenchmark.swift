import ButikDomain
import ButikRuntime
import ButikStore
import ButikUI
import Foundation

/// The counter at 5,000 parcels on hand and 20,000 customers: search-as-you-type per
/// keystroke (key handling, search, redraw), and a hand-out through the real driver including
/// the durable write.
func benchmarkCounter() throws {
    let now = Date()
    let shop = try BigShop(customers: 20_000, onHand: 5_000, names: try demoNames(), now: now)
    defer { shop.remove() }
    let terminal = BenchTerminal(AppDriver(store: StoreClient(shop.store), staff: StaffID(stored: "bench"), now: now, clock: 1000), now: now)

    // Typing: names, keys, phone digits and tracking digits, a character at a time, at human speed.
    let queries = ["Ingrid Ole Hansen", "schjonningsen", "mæland", "Åse", "jan fredrik", "ødegård sigrid", "KARI",
                   "Solveig Tove Berg", "hatlestad", "Linnéa", "ZZZ nobody", "per olav", "9000123", "100321",
                   "Torbjørn Strand", "rønneberg", "aasen liv", "BENCH1049"]
    var typing = Timings()
    var keystrokes: [(typed: String, ms: Double)] = []
    for query in queries {
        keystrokes += terminal.typeTimed(query, into: &typing)
        terminal.press(.escape)
    }
    print("counter search per keystroke at 5,000 parcels and 20,000 customers (key, search, redraw)")
    print("  \(typing.summary)")
    let slowest = keystrokes.sorted { $0.ms > $1.ms }.prefix(5).map { String(format: "\"%@\" %.2f ms", $0.typed, $0.ms) }
    print("  slowest: \(slowest.joined(separator: ", "))")

    measureHandOut(shop.store, customers: shop.customers.prefix(2_000), terminal: terminal)
}

/// Hand-outs at the counter through `terminal` (the app driver on `store`) to up to 200 of
/// `customers` with parcels in the shop: each confirmed by the last scan, timed from that
/// scan's Enter through the durable write to the redraw.
func measureHandOut(_ store: ShopStore, customers: some Sequence<Customer>, terminal: BenchTerminal) {
    // Hand-outs: a customer's key, Enter, "1" (ID checked), then a scan of each parcel; the
    // last scan's key-to-redraw includes the durable write.
    var handOut = Timings(), handling = Timings(), drawing = Timings()
    let customers = customers.filter { customer in
        let parcels = store.state.parcelsInShop(for: customer.id)
        return !parcels.isEmpty && parcels.allSatisfy { $0.status == .waiting }
    }.prefix(200)
    for customer in customers {
        for character in customer.key.value { terminal.press(.character(character)) }
        terminal.press(.enter)
        terminal.press(.character("1"))
        let parcels = store.state.parcelsInShop(for: customer.id)
        for (index, parcel) in parcels.enumerated() {
            terminal.burst(parcel.tracking.value)
            let took = terminal.endBurst(handling: &handling, drawing: &drawing)
            if index == parcels.count - 1 { handOut.samples.append(took) }
        }
        precondition(store.state.parcelsInShop(for: customer.id).isEmpty, "hand-out of \(customer.key) did not land")
        terminal.press(.escape)
    }
    print("hand-out confirmed by the last scan, including the durable write and redraw (\(handOut.samples.count) customers)")
    print("  \(handOut.summary)")
}
