import ButikDomain

extension Verb {
    static let returnToSender = Verb(
        name: "return",
        summary: "mark parcels, or every overdue one, to go back with the driver",
        usage: ["TRACKING... \(may: json)", "\(overdue) \(may: json)"],
        details: """
        Moves waiting parcels to the outbound area for the carrier's driver. All or none: a parcel
        that is not waiting refuses the whole command.
        """,
        run: runReturn)

    private static let overdue = Flag(name: "--overdue", help: "every waiting parcel whose deadline was before today (none is not an error)")
    private static let json = Flag.json("print the parcels marked for return as JSON")

    private static func runReturn(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        let allOverdue = args.has(overdue)
        guard allOverdue == args.positionals.isEmpty else {
            throw .usage("return takes tracking numbers or \(overdue.name), not both.")
        }
        let codes = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        var pull = FetchList([], store.layout)
        let returned = try session.perform(store) { state, context throws(DomainError) in
            if allOverdue {
                pull = state.overduePullList(today: context.today, context.layout)
                return state.returnOverdue(context)
            }
            let ids = try codes.map { code throws(DomainError) in
                guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
                return parcel.id
            }
            pull = FetchList(ids.compactMap { state.parcels[$0] }, context.layout)
            return try state.returnToSender(ids, context)
        }
        let today = Day(session.now, in: store.layout.zone)
        if args.has(json) {
            try Output.json(returned.map { ParcelView($0, today: today) })
        } else if returned.isEmpty {
            Output.line("No overdue parcels.")
        } else {
            // Where to fetch each from, slot by slot.
            Output.line("Take \(returned.count) parcel(s) to \(store.layout.outboundID) for the driver:")
            Output.table(pull.stops.flatMap { stop in stop.parcels.map { [stop.slot.value, $0.tracking.value, $0.key, $0.recipientName, $0.carrier] } })
        }
        return 0
    }
}
