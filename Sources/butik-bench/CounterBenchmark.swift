import ButikDomain
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
    var clock = 1000.0
    let driver = AppDriver(store: shop.store, staff: "bench", now: now, clock: clock)
    let size = Size(width: 100, height: 30)

    // Typing: names, keys, phone digits and tracking digits, a character at a time, at human speed.
    let queries = ["Ingrid Ole Hansen", "schjonningsen", "mæland", "Åse", "jan fredrik", "ødegård sigrid", "KARI",
                   "Solveig Tove Berg", "hatlestad", "Linnéa", "ZZZ nobody", "per olav", "9000123", "100321",
                   "Torbjørn Strand", "rønneberg", "aasen liv", "BENCH1049"]
    var typing = Timings()
    for query in queries {
        for character in query {
            clock += 0.15
            let start = DispatchTime.now().uptimeNanoseconds
            _ = driver.handle(KeyEvent(.character(character), at: clock))
            _ = driver.idle(now: now, clock: clock + 0.06)
            _ = driver.frame(size)
            typing.append(since: start)
        }
        clock += 0.3
        _ = driver.handle(KeyEvent(.escape, at: clock))
    }
    print("counter search per keystroke at 5,000 parcels and 20,000 customers (key, search, redraw)")
    print("  \(typing.summary)")

    // Hand-outs: a customer's key, Enter, "1" (ID checked), then a scan of each parcel; the
    // last scan's key-to-redraw includes the durable write.
    var handOut = Timings()
    let customers = shop.customers.prefix(2_000).filter { !shop.store.state.parcelsInShop(for: $0.id).isEmpty }.prefix(200)
    func press(_ key: Key) {
        clock += 0.3
        _ = driver.handle(KeyEvent(key, at: clock))
        _ = driver.idle(now: now, clock: clock + 0.06)
    }
    for customer in customers {
        for character in customer.key { press(.character(character)) }
        press(.enter)
        press(.character("1"))
        let parcels = shop.store.state.parcelsInShop(for: customer.id)
        for (index, parcel) in parcels.enumerated() {
            for character in parcel.tracking.value {
                clock += 0.005
                _ = driver.handle(KeyEvent(.character(character), at: clock))
            }
            clock += 0.005
            let start = DispatchTime.now().uptimeNanoseconds
            _ = driver.handle(KeyEvent(.enter, at: clock))
            _ = driver.frame(size)
            if index == parcels.count - 1 { handOut.append(since: start) }
            clock += 0.4
            _ = driver.idle(now: now, clock: clock)
        }
        precondition(shop.store.state.parcelsInShop(for: customer.id).isEmpty, "hand-out of \(customer.key) did not land")
        press(.escape)
    }
    print("hand-out confirmed by the last scan, including the durable write and redraw (\(handOut.samples.count) customers)")
    print("  \(handOut.summary)")
}
