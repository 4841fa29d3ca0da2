import ButikDomain
import ButikText

extension Verb {
    static let dropoff = Verb(
        name: "dropoff",
        summary: Phrase("cli.dropoff.summary"),
        usage: ["TRACKING \(may: carrier) \(may: broughtBy) \(may: json)"],
        details: Phrase("cli.dropoff.details"),
        run: runDropoff)

    private static let carrier = Option.carrier(help: Phrase("cli.option.carrier"))
    private static let broughtBy = Option.text("--customer", "KEY", help: Phrase("cli.dropoff.option.customer"))
    private static let json = Flag.json(Phrase("cli.dropoff.json"))

    private static func runDropoff(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.usage.oneTracking", ["verb": .text("dropoff")])) }
        let tracking: ParsedTracking
        switch Tracking.parse(args.positionals[0]) {
        case .success(let parsed): tracking = parsed
        case .failure(let error): throw .refused(error.phrase)

        }
        let store = try session.openStore()
        let dropOff = try session.perform(store) { state, context throws(DomainError) in
            var bringer: CustomerID?
            if let key = args.value(broughtBy) {
                guard let known = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
                bringer = known.id
            }
            return try state.dropOff(tracking: tracking, carrier: args.value(carrier), customer: bringer, context)
        }
        if args.has(json) {
            try Output.json(DropOffView(dropOff, in: store.state))
        } else {
            Output.line(session.words.text("cli.dropoff.receipt", ["receipt": .text(dropOff.receipt), "tracking": .text(dropOff.tracking.value),
                                                                   "carrier": .text(dropOff.carrier.value), "area": .text(store.layout.outboundID.value)]))

        }
        return 0
    }
}
