import ButikDomain
import ButikText

extension Verb {
    static let customer = Verb(
        name: "customer",
        summary: Phrase("cli.customer.summary"),
        usage: [
            "add NAME \(may: O.key) \(may: O.phone) \(may: O.email) \(may: O.note) \(may: O.json)",
            "show KEY \(may: O.json)",
            "proxy KEY \(O.add, or: O.remove) \(may: O.json)",
            "history KEY \(may: O.since) \(may: O.page) \(may: O.json)",
        ],
        details: Phrase("cli.customer.details", ["n": .count(historyPageSize)]),
        run: runCustomer)

    /// The options of `customer`, whose history is read in another file.
    enum CustomerOptions {
        static let key = Option.text("--key", "KEY", help: Phrase("cli.customer.option.key"))
        static let phone = Option.text("--phone", "P", help: Phrase("cli.customer.option.phone"), repeatable: true)
        static let email = Option.text("--email", "E", help: Phrase("cli.customer.option.email"))
        static let note = Option.text("--note", "TEXT", help: Phrase("cli.customer.option.note"))
        static let add = Option.text("--add", "NAME", help: Phrase("cli.customer.option.add"))
        static let remove = Option.text("--remove", "NAME", help: Phrase("cli.customer.option.remove"))
        static let since = Option.day("--since", help: Phrase("cli.customer.option.since"))
        static let page = Option.number("--page", help: Phrase("cli.customer.option.page"), in: 1...1_000_000,
                                        takes: Phrase("cli.customer.takes.page"))
        static let json = Flag.json(Phrase("cli.customer.json"))
    }

    private typealias O = CustomerOptions

    private static func runCustomer(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else { throw .usage(Phrase("cli.customer.needsAction")) }
        guard action == "history" || !(args.gave(O.since) || args.gave(O.page)) else {
            throw .usage(Phrase("cli.customer.historyOnly", ["since": .text(O.since.name), "page": .text(O.page.name)]))
        }
        switch action {
        case "add":
            guard args.positionals.count == 2 else { throw .usage(Phrase("cli.customer.oneName")) }
            let store = try session.openStore()
            let new = NewCustomer(name: args.positionals[1], key: args.value(O.key), phones: args.values(O.phone),
                                  email: args.value(O.email), note: args.value(O.note))
            let customer = try session.perform(store) { state, context throws(DomainError) in
                try state.addCustomer(new, context)
            }
            if args.has(O.json) {
                try Output.json(CustomerView(customer, in: store.state))
            } else {
                Output.line(session.words.text("cli.customer.added", ["name": .text(customer.name), "key": .text(customer.key.value)]))
            }
        case "show":
            guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("customer show")])) }
            let store = try session.openStore()
            guard let customer = store.state.customer(withKey: CustomerKey(typed: args.positionals[1])) else {
                throw .refused(DomainError.unknownCustomer(args.positionals[1]).phrase)
            }
            let today = Day(session.now, in: store.layout.zone)
            let parcels = store.state.parcelsInShop(for: customer.id)
            if args.has(O.json) {
                try Output.json(CustomerCard(customer: CustomerView(customer, in: store.state),
                                             parcels: parcels.map { ParcelView($0, today: today) }))
            } else {
                let words = session.words, zone = store.layout.zone
                let card: [String: Phrase.Argument] = ["key": .text(customer.key.value), "name": .text(customer.name)]
                Output.line(words.text(customer.keyIsChosen ? Phrase("cli.customer.cardChosenKey", card) : Phrase("cli.customer.card", card)))
                if !customer.phones.isEmpty { Output.line(words.text("cli.customer.phones", ["phones": .list(customer.phones)])) }
                if let email = customer.email { Output.line(words.text("cli.customer.email", ["email": .text(email)])) }
                if let note = customer.note { Output.line(words.text("cli.customer.note", ["note": .text(note)])) }
                for proxy in customer.proxies {
                    Output.line(words.text("cli.customer.proxy", ["name": .text(proxy.name), "day": .date(Day(proxy.registeredAt, in: zone)),
                                                                  "staff": .text(proxy.registeredBy.value)]))
                }
                for entry in store.state.log(of: customer.id) {
                    switch entry.kind {
                    case .refusal:
                        var said: [String: Phrase.Argument] = ["when": .moment(LocalMoment(entry.at, in: zone)), "staff": .text(entry.staff.value),
                                                               "reason": .text(entry.text)]
                        if let name = entry.proxyName {
                            said["proxy"] = .text(name)
                            Output.line(words.text("cli.customer.logRefusalProxy", said))
                        } else {
                            Output.line(words.text("cli.customer.logRefusal", said))
                        }
                    }
                }
                Output.line(words.text(parcels.isEmpty ? Phrase("cli.customer.noParcels") : Phrase("cli.customer.parcels", ["n": .count(parcels.count)])))
                Output.table(parcels.map { ["  " + $0.tracking.value] + $0.row(today: today, words).dropFirst(3) })
            }
        case "proxy":
            try runProxy(args, session)
        case "history":
            try runCustomerHistory(args, session)
        default:
            throw .usage(Phrase("cli.usage.action", ["verb": .text("customer"), "actions": .list(["add", "show", "proxy"]),
                                                     "last": .text("history"), "given": .text(action)]))
        }
        return 0
    }

    private static func runProxy(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("customer proxy")])) }
        let key = args.positionals[1]
        let adding = args.value(O.add), removing = args.value(O.remove)
        guard (adding == nil) != (removing == nil) else {
            throw .usage(Phrase("cli.usage.needsOneOf", ["verb": .text("customer proxy"), "first": .text(O.add.spelling), "second": .text(O.remove.spelling)]))
        }

        let store = try session.openStore()
        let proxy = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
            if let adding { return try state.authoriseProxy(adding, for: customer.id, context) }
            return try state.revokeProxy(removing ?? "", for: customer.id, context)
        }
        guard let customer = store.state.customer(withKey: CustomerKey(typed: key)) else { return }
        if args.has(O.json) {
            try Output.json(CustomerView(customer, in: store.state))
        } else if adding != nil {
            Output.line(session.words.text("cli.customer.proxyAdded", ["proxy": .text(proxy.name), "key": .text(customer.key.value), "name": .text(customer.name)]))
        } else {
            Output.line(session.words.text("cli.customer.proxyRemoved", ["proxy": .text(proxy.name), "key": .text(customer.key.value), "name": .text(customer.name)]))
        }

    }
}

private struct CustomerCard: Encodable {
    let customer: CustomerView
    let parcels: [ParcelView]
}
