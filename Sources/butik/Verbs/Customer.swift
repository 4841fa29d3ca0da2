import ButikDomain
import ButikText

extension Verb {
    static let customer = Verb(
        name: "customer",
        summary: "add a customer, show one and their history, register proxies",
        usage: [
            "add NAME \(may: O.key) \(may: O.phone) \(may: O.email) \(may: O.note) \(may: O.json)",
            "show KEY \(may: O.json)",
            "proxy KEY \(O.add, or: O.remove) \(may: O.json)",
            "history KEY \(may: O.since) \(may: O.page) \(may: O.json)",
        ],
        details: """
        add      registers a customer; the key is their initials (JFJ, then JFJ2...) unless \(O.key.name)
                 chooses one.
        show     prints the customer with that key, their proxies, their log and the parcels
                 waiting for them.
        proxy    registers somebody who may collect the customer's parcels (a fullmakt), or
                 withdraws it; names are compared ignoring case and accents.
        history  everything the journal holds of the customer, newest first, 20 a page:
                 parcels received, handed out (how, by whom, to whom), undone, returned and
                 collected by the driver, refusals, proxies, drop-offs. Reads history.bin (see history).
        """,
        run: runCustomer)

    /// The options of `customer`, whose history is read in another file.
    enum CustomerOptions {
        static let key = Option.text("--key", "KEY", help: "add: a chosen key, 2-6 letters or digits, like JEDS")
        static let phone = Option.text("--phone", "P", help: "add: a phone number (repeatable)", repeatable: true)
        static let email = Option.text("--email", "E", help: "add: an e-mail address")
        static let note = Option.text("--note", "TEXT", help: "add: a note for the staff")
        static let add = Option.text("--add", "NAME", help: "proxy: the proxy's full name as on their ID (1 to 80 characters)")
        static let remove = Option.text("--remove", "NAME", help: "proxy: a registered proxy's name")
        static let since = Option.day("--since", help: "history: only from this day on (shop time)")
        static let page = Option.number("--page", help: "history: the Nth page (default 1)", in: 1...1_000_000,
                                        takes: "a page number from 1")
        static let json = Flag.json("print the customer (or their history) as JSON")
    }

    private typealias O = CustomerOptions

    private static func runCustomer(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else { throw .usage("customer needs add, show, proxy or history.") }
        guard action == "history" || !(args.gave(O.since) || args.gave(O.page)) else {
            throw .usage("\(O.since.name) and \(O.page.name) go with customer history.")
        }
        switch action {
        case "add":
            guard args.positionals.count == 2 else { throw .usage("customer add takes one NAME (quote it).") }
            let store = try session.openStore()
            let new = NewCustomer(name: args.positionals[1], key: args.value(O.key), phones: args.values(O.phone),
                                  email: args.value(O.email), note: args.value(O.note))
            let customer = try session.perform(store) { state, context throws(DomainError) in
                try state.addCustomer(new, context)
            }
            if args.has(O.json) {
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
            if args.has(O.json) {
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
        let adding = args.value(O.add), removing = args.value(O.remove)
        guard (adding == nil) != (removing == nil) else {
            throw .usage("customer proxy needs \(O.add.spelling) or \(O.remove.spelling).")
        }
        let store = try session.openStore()
        let proxy = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: key) else { throw DomainError.unknownCustomer(key) }
            if let adding { return try state.authoriseProxy(adding, for: customer.id, context) }
            return try state.revokeProxy(removing ?? "", for: customer.id, context)
        }
        guard let customer = store.state.customer(withKey: key) else { return }
        if args.has(O.json) {
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
