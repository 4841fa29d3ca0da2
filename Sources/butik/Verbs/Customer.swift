import ButikDomain
import ButikText

extension Verb {
    static let customer = Verb(
        name: "customer",
        summary: Phrase("cli.customer.summary"),
        usage: [
            "add NAME \(may: O.key) \(may: O.phone) \(may: O.email) \(may: O.note) \(may: O.json)",
            "show KEY \(may: O.json)",
            """
            edit KEY \(may: O.name) \(may: O.key) \(may: O.phone) \(may: O.email) \(may: O.channel) \(may: O.language) \
            \(may: O.note) \(may: O.regular, or: O.notRegular) \(may: O.personalOnly, or: O.anyProxy) \(may: O.json)
            """,
            "note KEY TEXT \(may: O.json)",
            "merge KEEP OTHER \(may: O.yes) \(may: O.json)",
            "proxy KEY \(O.add, or: O.remove) \(may: O.relation) \(may: O.validUntil) \(may: O.json)",
            "history KEY \(may: O.since) \(may: O.page) \(may: O.json)",
        ],
        details: Phrase("cli.customer.details", ["n": .count(historyPageSize)]),
        run: runCustomer)

    /// The options of `customer`, whose actions are in files of their own.
    enum CustomerOptions {
        static let key = Option.text("--key", "KEY", help: Phrase("cli.customer.option.key"))
        static let phone = Option.text("--phone", "P", help: Phrase("cli.customer.option.phone"), repeatable: true)
        static let email = Option.text("--email", "E", help: Phrase("cli.customer.option.email"))
        static let note = Option.text("--note", "TEXT", help: Phrase("cli.customer.option.note"))
        static let name = Option.text("--name", "NAME", help: Phrase("cli.customer.option.name"))
        static let channel = Option<ContactChannel>.choice("--channel", "CHANNEL", help: Phrase("cli.customer.option.channel"))
        static let language = Option<Language>.choice("--language", "LANG", help: Phrase("cli.customer.option.language"))
        static let regular = Flag(name: "--regular", help: Phrase("cli.customer.option.regular"))
        static let notRegular = Flag(name: "--not-regular", help: Phrase("cli.customer.option.notRegular"))
        static let personalOnly = Flag(name: "--personal-only", help: Phrase("cli.customer.option.personalOnly"))
        static let anyProxy = Flag(name: "--any-proxy", help: Phrase("cli.customer.option.anyProxy"))
        static let yes = Flag(name: "--yes", help: Phrase("cli.customer.option.yes"))
        static let add = Option.text("--add", "NAME", help: Phrase("cli.customer.option.add"))
        static let remove = Option.text("--remove", "NAME", help: Phrase("cli.customer.option.remove"))
        static let relation = Option.text("--relation", "TEXT", help: Phrase("cli.customer.option.relation"))
        static let validUntil = Option.dottedDay("--valid-until", help: Phrase("cli.customer.option.validUntil"))
        static let since = Option.day("--since", help: Phrase("cli.customer.option.since"))
        static let page = Option.number("--page", help: Phrase("cli.customer.option.page"), in: 1...1_000_000,
                                        takes: Phrase("cli.customer.takes.page"))
        static let json = Flag.json(Phrase("cli.customer.json"))

        /// The actions each option goes with (`--json` goes with all).
        static let actions: [(option: any OptionDeclaration, actions: [String])] = [
            (key, ["add", "edit"]), (phone, ["add", "edit"]), (email, ["add", "edit"]), (note, ["add", "edit"]),
            (name, ["edit"]), (channel, ["edit"]), (language, ["edit"]), (regular, ["edit"]), (notRegular, ["edit"]),
            (personalOnly, ["edit"]), (anyProxy, ["edit"]), (yes, ["merge"]), (add, ["proxy"]), (remove, ["proxy"]),
            (relation, ["proxy"]), (validUntil, ["proxy"]), (since, ["history"]), (page, ["history"]),
        ]
    }

    private typealias O = CustomerOptions

    private static func runCustomer(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else { throw .usage(Phrase("cli.customer.needsAction")) }
        let actions = ["add", "show", "edit", "note", "merge", "proxy", "history"]
        guard actions.contains(action) else {
            throw .usage(Phrase("cli.usage.action", ["verb": .text("customer"), "actions": .list(Array(actions.dropLast())),
                                                     "last": .text("history"), "given": .text(action)]))
        }
        for (option, allowed) in O.actions where args.gave(option) && !allowed.contains(action) {
            throw .usage(Phrase("cli.customer.optionFor", ["option": .text(option.name), "actions": .list(allowed.map { "customer \($0)" })]))
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
        case "show": try runCustomerShow(args, session)
        case "edit", "note": try runCustomerEdit(args, session)
        case "merge": return try runCustomerMerge(args, session)
        case "proxy": try runProxy(args, session)
        default: try runCustomerHistory(args, session)
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

        guard adding != nil || !(args.gave(O.relation) || args.gave(O.validUntil)) else {
            throw .usage(Phrase("cli.customer.optionFor", ["option": .text(args.gave(O.relation) ? O.relation.name : O.validUntil.name),
                                                           "actions": .list(["customer proxy \(O.add.name)"])]))
        }
        let relation = args.value(O.relation), validUntil = args.value(O.validUntil)
        let store = try session.openStore()
        let proxy = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
            if let adding { return try state.authoriseProxy(adding, relation: relation, validUntil: validUntil, for: customer.id, context) }
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
