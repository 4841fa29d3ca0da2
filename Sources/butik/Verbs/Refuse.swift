import ButikDomain
import ButikText

extension Verb {
    static let refuse = Verb(
        name: "refuse",
        summary: Phrase("cli.refuse.summary"),
        usage: ["KEY \(reason) [TRACKING...] \(may: proxy) \(may: json)"],
        details: Phrase("cli.refuse.details"),
        run: runRefuse)

    private static let reason = Option.text("--reason", "TEXT", help: Phrase("cli.refuse.option.reason"))
    private static let proxy = Option.text("--proxy", "NAME", help: Phrase("cli.refuse.option.proxy"))
    private static let json = Flag.json(Phrase("cli.refuse.json"))

    private static func runRefuse(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let key = args.positionals.first else { throw .usage(Phrase("cli.refuse.needsKey")) }
        guard let why = args.value(reason) else { throw .usage(Phrase("cli.usage.needs", ["verb": .text("refuse"), "option": .text(reason.spelling)])) }

        let codes = args.positionals.dropFirst().map(Tracking.lookupKey)
        let store = try session.openStore()
        let entry = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
            let ids = try codes.map { code throws(DomainError) in
                guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
                return parcel.id
            }
            return try state.refuseHandOut(customer.id, parcels: ids, reason: why, proxyName: args.value(proxy), context)
        }
        let view = LogEntryView(entry)
        if args.has(json) {
            try Output.json(view)
        } else {
            let parcels: Phrase.Argument = view.parcels.isEmpty ? .phrase(Phrase("cli.refuse.noParcels")) : .list(view.parcels)
            var noted: [String: Phrase.Argument] = ["key": .text(store.state.customer(withKey: CustomerKey(typed: key))?.key.value ?? key), "parcels": parcels,
                                                    "reason": .text(view.text)]
            if let name = view.proxyName {
                noted["proxy"] = .text(name)
                Output.line(session.words.text("cli.refuse.notedProxy", noted))
            } else {
                Output.line(session.words.text("cli.refuse.noted", noted))
            }

        }
        return 0
    }
}
