import ButikDomain
import ButikText

extension Verb {
    static let customer = Verb(
        name: "customer",
        summary: "add a customer, show one and their history, register proxies",
        usage: """
        butik customer add NAME [--key KEY] [--phone P]... [--email E] [--note TEXT] [--json]
               butik customer show KEY [--json]
               butik customer proxy KEY --add NAME | --remove NAME [--json]
               butik customer history KEY [--since YYYY-MM-DD] [--page N] [--json]
        """,
        details: """
        add    registers a customer; the key is their initials (JFJ, then JFJ2...) unless --key
               chooses one (2-6 letters or digits, like JEDS).
        show   prints the customer with that key, their proxies, their log and the parcels
               waiting for them.
        proxy  registers somebody who may collect the customer's parcels (a fullmakt), or
               withdraws it; names are compared ignoring case and accents.
          --add NAME     the proxy's full name as on their ID (1 to 80 characters)
          --remove NAME  a registered proxy's name
        history  everything the journal holds of the customer, newest first, 20 a page:
               parcels received, handed out (how, by whom, to whom), undone, returned and
               collected by the driver, refusals, proxies, drop-offs. Reads history.bin (see history).
          --since YYYY-MM-DD  only from this day on (shop time)
          --page N            the Nth page (default 1)
          --json   print the customer as JSON
        """,
        valued: ["--key", "--phone", "--email", "--note", "--add", "--remove", "--since", "--page"],
        flagged: ["--json"],
        run: runCustomer)

    private static func runCustomer(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else { throw .usage("customer needs add, show, proxy or history.") }
        guard action == "history" || (args.value("--since") == nil && args.value("--page") == nil) else {
            throw .usage("--since and --page go with customer history.")
        }
        switch action {
        case "add":
            guard args.positionals.count == 2 else { throw .usage("customer add takes one NAME (quote it).") }
            let store = try session.openStore()
            let new = NewCustomer(name: args.positionals[1], key: args.value("--key"), phones: args.all("--phone"),
                                  email: args.value("--email"), note: args.value("--note"))
            let customer = try session.perform(store) { state, context throws(DomainError) in
                try state.addCustomer(new, context)
            }
            if args.has("--json") {
                try Output.json(CustomerView(customer, in: store.state))
            } else {
                Output.line("Added \(customer.name) with key \(customer.key).")
            }
        case "show":
            guard args.positionals.count == 2 else { throw .usage("customer show takes one KEY.") }
            let store = try session.openStore()
            guard let customer = store.state.customer(withKey: args.positionals[1]) else {
                throw .refused(Words.english.text(DomainError.unknownCustomer(args.positionals[1]).phrase))
            }
            let today = Day(session.now, in: store.layout.zone)
            let parcels = store.state.parcelsInShop(for: customer.id)
            if args.has("--json") {
                try Output.json(CustomerCard(customer: CustomerView(customer, in: store.state),
                                             parcels: parcels.map { ParcelView($0, today: today) }))
            } else {
                Output.line("\(customer.key)  \(customer.name)\(customer.keyIsChosen ? "  (chosen key)" : "")")
                if !customer.phones.isEmpty { Output.line("phone  \(customer.phones.joined(separator: ", "))") }
                if let email = customer.email { Output.line("e-mail \(email)") }
                if let note = customer.note { Output.line("note   \(note)") }
                for proxy in customer.proxies {
                    Output.line("proxy  \(proxy.name) (registered \(Day(proxy.registeredAt, in: store.layout.zone)) by \(proxy.registeredBy))")
                }
                for entry in store.state.log(of: customer.id) {
                    Output.line("log    \(LocalTime.dayAndMinute(entry.at, in: store.layout.zone)) \(entry.kind.rawValue) by \(entry.staff): \(entry.text)")
                }
                Output.line(parcels.isEmpty ? "No parcels waiting." : "\(parcels.count) parcel(s) in the shop:")
                Output.table(parcels.map { ["  " + $0.tracking.value] + $0.row(today: today).dropFirst(3) })
            }
        case "proxy":
            try runProxy(args, session)
        case "history":
            try runCustomerHistory(args, session)
        default:
            throw .usage("customer takes add, show, proxy or history, not \(action).")
        }
        return 0
    }

    private static func runProxy(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.count == 2 else { throw .usage("customer proxy takes one KEY.") }
        let key = args.positionals[1]
        let adding = args.value("--add"), removing = args.value("--remove")
        guard (adding == nil) != (removing == nil) else { throw .usage("customer proxy needs --add NAME or --remove NAME.") }
        let store = try session.openStore()
        let proxy = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: key) else { throw DomainError.unknownCustomer(key) }
            if let adding { return try state.authoriseProxy(adding, for: customer.id, context) }
            return try state.revokeProxy(removing ?? "", for: customer.id, context)
        }
        guard let customer = store.state.customer(withKey: key) else { return }
        if args.has("--json") {
            try Output.json(CustomerView(customer, in: store.state))
        } else if adding != nil {
            Output.line("\(proxy.name) may now collect for \(customer.key) (\(customer.name)).")
        } else {
            Output.line("\(proxy.name) may no longer collect for \(customer.key) (\(customer.name)).")
        }
    }
}

private struct CustomerCard: Encodable {
    let customer: CustomerView
    let parcels: [ParcelView]
}
