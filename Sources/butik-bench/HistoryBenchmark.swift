import ButikDomain
import ButikStore
import Foundation

/// A year of a busy shop (300 parcels a day for 334 days, each handed out the next day) folded
/// into the ``History`` through ``ShopStore/history(waiting:)``, as `history`, `report` and
/// `find` of a closed parcel do today: the time of the full pass and what the history holds.
func benchmarkHistory() throws {
    let now = Date()
    let shop = try BigShop(customers: 20_000, onHand: 0, names: try demoNames(), now: now)
    defer { shop.remove() }
    var state = shop.store.state
    let start = now.addingTimeInterval(-335 * 86_400)
    var batch: [Record] = []
    var serial = 0
    for day in 0..<334 {
        let morning = start.addingTimeInterval(Double(day) * 86_400)
        let waiting = state.parcelsInShop.map(\.id)
        let handOut = Context(layout: shop.store.layout, now: morning, staff: StaffID(stored: ["per", "kari"][day % 2]))
        for id in waiting {
            for event in try state.handOut(HandOutRequest(parcels: [id], verification: .id), handOut).events {
                let record = handOut.record(event)
                state.apply(record)
                batch.append(record)
            }
        }
        let intake = Context(layout: shop.store.layout, now: morning.addingTimeInterval(3600), staff: StaffID(stored: "siv"))
        for _ in 0..<300 {
            serial += 1
            let tracking = ParsedTracking(number: TrackingNumber("YEAR\(1_000_000 + serial)"), format: .unvalidated, checkDigit: .none)
            let request = ReceiveRequest(tracking: tracking, recipient: .customer(shop.customers[serial % shop.customers.count].id))
            for event in try state.receive(request, intake).events {
                let record = intake.record(event)
                state.apply(record)
                batch.append(record)
            }
        }
        if batch.count > 20_000 {
            try shop.store.append(batch)
            batch.removeAll()
        }
    }
    try shop.store.append(batch)
    let bytes = Double(try journalBytes(shop.folder))
    let before = residentMegabytes()
    var history: History? = try shop.store.history()
    let held = residentMegabytes() - before
    let timings = try Timings.measure(3) { history = try shop.store.history() }
    let day = Day(start.addingTimeInterval(100 * 86_400), in: shop.store.layout.zone)
    let counts = history?.counts(on: day)
    print(String(format: "history of a year (%d journal entries, %.0f MB, %d parcels): ", shop.store.lastSequence, bytes / 1_000_000, serial)
        + timings.summary)
    print(String(format: "  resident memory grew by %.0f MB over the first pass (the history held, and what the allocator kept of the decoding)", held))
    print("  \(day): \(counts?.total.received ?? 0) received, \(counts?.total.handedOut.total ?? 0) handed out, \(counts?.onHandAtClose ?? 0) on hand at close")
}

/// The process's resident set size in megabytes, from /proc/self/statm.
private func residentMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
}
