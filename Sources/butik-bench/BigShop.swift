import ButikDomain
import ButikStore
import Foundation

/// A busy shop for benchmarks: a large layout, `customers` customers with three-part Nordic
/// names, and `onHand` parcels waiting, written to a new store folder.
struct BigShop {
    let folder: URL
    let store: ShopStore
    let customers: [Customer]

    /// Room for 6,000 small parcels: 25 shelves of 20 slots holding 12 each.
    static let layoutJSON = """
    {"schema":1,"name":"Bench shop","timeZone":"Europe/Oslo",
     "shelves":[\((0..<25).map { "{\"id\":\"\(String(UnicodeScalar(65 + $0)!))\",\"slots\":20,\"capacity\":12,\"size\":\"small\"}" }.joined(separator: ","))],
     "overflow":{"id":"FLOOR","name":"Floor"},"outbound":{"id":"OUT","name":"Outbound"},"defaultHoldDays":7,
     "carriers":[{"id":"postnord","name":"PostNord","holdDays":7},{"id":"posten","name":"Posten/Bring","holdDays":7}]}
    """

    init(customers count: Int, onHand: Int, names: DemoNames, now: Date) throws {
        folder = temporaryFolder("big")
        store = try ShopStore.open(folder: folder, defaultLayout: Data(BigShop.layoutJSON.utf8))
        var state = ShopState()
        var records: [Record] = []
        let context = Context(layout: store.layout, now: now.addingTimeInterval(-3 * 86_400), staff: StaffID(stored: "bench"))
        func commit<O>(_ decision: Decision<O>) -> O {
            records += state.apply(decision, context)
            return decision.outcome
        }
        var made: [Customer] = []
        var index = 0
        while made.count < count {
            let first = names.firstNames[index % names.firstNames.count]
            let middle = names.firstNames[(index / names.firstNames.count) % names.firstNames.count]
            let last = names.lastNames[(index / (names.firstNames.count * names.firstNames.count) + index) % names.lastNames.count]
            index += 1
            let phone = String(90_000_000 + index)
            made.append(commit(try state.addCustomer(NewCustomer(name: "\(first) \(middle) \(last)", phones: [phone]), context)))
        }
        for n in 0..<onHand {
            let tracking = ParsedTracking(number: TrackingNumber("BENCH\(100_000 + n)"), format: .unvalidated, checkDigit: .none)
            let request = ReceiveRequest(tracking: tracking, recipient: .customer(made[(n * 7) % made.count].id))
            _ = commit(try state.receive(request, context))
        }
        try store.append(records)
        try store.writeSnapshot()
        customers = made
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
