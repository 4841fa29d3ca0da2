import ButikDomain
import ButikResources
import ButikStore
import ButikText
import Foundation

extension Verb {
    static let demo = Verb(
        name: "demo",
        summary: Phrase("cli.demo.summary"),
        usage: ["\(may: json)"],
        details: Phrase("cli.demo.details"),
        run: runDemo)

    private static let json = Flag.json(Phrase("cli.json.counts"))

    private static func runDemo(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.isEmpty else { throw .usage(Phrase("cli.usage.noArguments", ["verb": .text("demo")])) }
        let store = try session.openStore()
        let summary = try fillWithDemo(store, session)
        if args.has(json) {
            try Output.json(summary)
        } else {
            Output.line(session.words.text("cli.demo.done", ["path": .text(session.folder.path), "customers": .count(summary.customers),
                                                             "parcels": .count(summary.onShelf), "records": .count(summary.records)]))

        }
        return 0
    }

    /// Writes the demo week into `store`, which must be empty.
    static func fillWithDemo(_ store: ShopStore, _ session: Session) throws(CLIError) -> DemoSummary {
        guard store.lastSequence == 0 else {
            throw .refused(Phrase("cli.demo.notEmpty", ["path": .text(session.folder.path), "option": .text(GlobalOption.store.spelling)]))
        }
        let names: DemoNames
        do {
            let data = try Data(contentsOf: ButikResources.demoFolder.appendingPathComponent("names.json"))
            names = try JSONDecoder().decode(DemoNames.self, from: data)
        } catch {
            throw .store(Phrase("cli.demo.namesUnreadable", ["problem": .text(String(describing: error))]))

        }
        let records = DemoShop.records(names: names, language: session.words.language, layout: store.layout, now: session.now)
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
