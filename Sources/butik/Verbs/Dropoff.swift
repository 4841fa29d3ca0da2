import ButikDomain
import ButikText

extension Verb {
    static let dropoff = Verb(
        name: "dropoff",
        summary: "take in a customer's prepaid return parcel for the driver; prints the receipt",
        usage: ["TRACKING \(may: carrier) \(may: broughtBy) \(may: json)"],
        details: """
        Validates the tracking number like receive does, records the parcel in the outbound area
        for its carrier's driver and prints the receipt number for the customer (R0001, ...).
        A number on the shelf, or dropped off and not yet collected, is refused.
        """,
        run: runDropoff)

    private static let carrier = Option.text("--carrier", "C", help: "carrier id or name from the shop file (default: the first one)")
    private static let broughtBy = Option.text("--customer", "KEY", help: "the key of the customer who brought it")
    private static let json = Flag.json("print receipt, tracking, carrier... as JSON")

    private static func runDropoff(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("dropoff takes exactly one tracking number.") }
        let tracking: ParsedTracking
        switch Tracking.parse(args.positionals[0]) {
        case .success(let parsed): tracking = parsed
        case .failure(let error): throw .refused(Words.english.text(error.phrase))
        }
        let store = try session.openStore()
        let dropOff = try session.perform(store) { state, context throws(DomainError) in
            var bringer: CustomerID?
            if let key = args.value(broughtBy) {
                guard let known = state.customer(withKey: key) else { throw DomainError.unknownCustomer(key) }
                bringer = known.id
            }
            return try state.dropOff(tracking: tracking, carrier: args.value(carrier), customer: bringer, context)
        }
        if args.has(json) {
            try Output.json(DropOffView(dropOff, in: store.state))
        } else {
            Output.line("Receipt \(dropOff.receipt): \(dropOff.tracking) (\(dropOff.carrier)) to \(store.layout.outboundID) for the driver")
        }
        return 0
    }
}
