import ButikDomain
import ButikResources
import ButikStore
import Foundation

extension Verb {
    static let demo = Verb(
        name: "demo",
        summary: "fill an empty store with a realistic demo shop",
        usage: ["\(may: json)"],
        details: """
        Fills an empty store with about 60 invented Nordic customers (a few regulars with chosen
        keys and notes) and a week of deliveries, hand-outs and returns ending now, about 200
        parcels on the shelves. Refuses a store that already has data.
        """,
        run: runDemo)

    private static let json = Flag.json("print the counts as JSON")

    private static func runDemo(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.isEmpty else { throw .usage("demo takes no arguments.") }
        let store = try session.openStore()
        let summary = try fillWithDemo(store, session)
        if args.has(json) {
            try Output.json(summary)
        } else {
            Output.line("Demo shop ready in \(session.folder.path): \(summary.customers) customers, \(summary.onShelf) parcels in the shop, \(summary.records) journal records.")
        }
        return 0
    }

    /// Writes the demo week into `store`, which must be empty.
    static func fillWithDemo(_ store: ShopStore, _ session: Session) throws(CLIError) -> DemoSummary {
        guard store.lastSequence == 0 else {
            throw .refused("The store in \(session.folder.path) already has data; the demo only fills an empty store. Use \(GlobalOption.store.spelling) for a new one.")
        }
        let names: DemoNames
        do {
            let data = try Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json"))
            names = try JSONDecoder().decode(DemoNames.self, from: data)
        } catch {
            throw .store("The demo names shipped with Butik cannot be read: \(error)")
        }
        let records = DemoShop.records(names: names, layout: store.layout, now: session.now)
        do {
            try store.append(records)
            try store.writeSnapshot()
        } catch {
            throw CLIError(error)
        }
        return DemoSummary(customers: store.state.customers.count, onShelf: store.state.parcelsInShop.count, records: records.count)
    }
}

struct DemoSummary: Encodable {
    let customers: Int
    let onShelf: Int
    let records: Int
}
