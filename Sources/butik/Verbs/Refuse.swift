import ButikDomain

extension Verb {
    static let refuse = Verb(
        name: "refuse",
        summary: "note a refused hand-out (ID does not match ...) with its reason in the customer's log",
        usage: ["KEY \(reason) [TRACKING...] \(may: json)"],
        details: """
        Notes in the customer's log that their parcels were not handed out, and why. Nothing is
        handed out. The parcels must be the customer's; none given means all their waiting
        parcels. `butik customer show KEY` prints the log.
        """,
        run: runRefuse)

    private static let reason = Option.text("--reason", "TEXT", help: "why (1 to 200 characters), e.g. \"name on the ID does not match\"")
    private static let json = Flag.json("print the log entry as JSON")

    private static func runRefuse(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let key = args.positionals.first else { throw .usage("refuse takes a customer KEY.") }
        guard let why = args.value(reason) else { throw .usage("refuse needs \(reason.spelling).") }
        let codes = args.positionals.dropFirst().map(Tracking.lookupKey)
        let store = try session.openStore()
        let entry = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: key) else { throw DomainError.unknownCustomer(key) }
            let ids = try codes.map { code throws(DomainError) in
                guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
                return parcel.id
            }
            return try state.refuseHandOut(customer.id, parcels: ids, reason: why, context)
        }
        let view = LogEntryView(entry)
        if args.has(json) {
            try Output.json(view)
        } else {
            let parcels = view.parcels.isEmpty ? "no parcels" : view.parcels.joined(separator: ", ")
            Output.line("Noted in \(store.state.customer(withKey: key)?.key ?? key)'s log: hand-out refused (\(parcels)): \(view.text)")
        }
        return 0
    }
}
