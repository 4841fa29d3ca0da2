import ButikDomain

extension Verb {
    static let find = Verb(
        name: "find",
        summary: "find customers and parcels from any fragment",
        usage: "butik find QUERY... [--json]",
        details: """
        Searches by key (JEDS), name fragments in any order ignoring case and accents
        (mossestad maria), phone digits, a pickup code (4 to 6 digits; the parcel and its
        customer come first), a whole tracking number or scan, or its last 4+ digits.
          --json   print {customers: [...], parcels: [...]}
        """,
        valued: [],
        flagged: ["--json"],
        run: runFind)

    private static func runFind(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage("find needs something to look for.") }
        let store = try session.openStore()
        let state = store.state
        let results = state.search(args.positionals.joined(separator: " "))
        let today = Day(session.now, in: store.layout.zone)
        let customers = results.customers.compactMap { state.customers[$0] }
        let parcels = results.parcels.compactMap { state.parcels[$0] }
        if args.has("--json") {
            try Output.json(FindView(customers: customers.map { CustomerView($0, in: state) },
                                     parcels: parcels.map { ParcelView($0, today: today) }))
            return 0
        }
        if results.isEmpty {
            Output.line("Nothing found for \"\(args.positionals.joined(separator: " "))\".")
            return 0
        }
        if !customers.isEmpty {
            Output.line("Customers")
            Output.table(customers.map { customer in
                let waiting = state.parcelsInShop(for: customer.id)
                let slots = Set(waiting.map(\.slot.value)).sorted().joined(separator: " ")
                return ["  " + customer.key, customer.name, customer.phones.joined(separator: " "),
                        "\(waiting.count) waiting", slots]
            })
        }
        if !parcels.isEmpty {
            if !customers.isEmpty { Output.line() }
            Output.line("Parcels")
            Output.table(parcels.map { parcel in
                let row = parcel.row(today: today)
                return ["  " + row[0] + (parcel.pickupCode.map { " (code \($0))" } ?? "")] + row.dropFirst()
            })
        }
        return 0
    }
}

private struct FindView: Encodable {
    let customers: [CustomerView]
    let parcels: [ParcelView]
}
