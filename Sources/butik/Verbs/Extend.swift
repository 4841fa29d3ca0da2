import ButikDomain

extension Verb {
    static let extend = Verb(
        name: "extend",
        summary: "give a waiting parcel a later deadline",
        usage: ["TRACKING \(days) \(may: json)", "TRACKING \(to) \(may: json)"],
        details: """
        Moves a waiting parcel's deadline later, when the customer asks for more time. The new
        deadline must be after the current one and not in the past.
        """,
        run: runExtend)

    private static let days = Option.number("--days", help: "N more days after the current deadline (1-90)", in: 1...90,
                                            takes: "1 to 90")
    private static let to = Option.day("--to", help: "this day as the new deadline")
    private static let json = Flag.json("print the parcel as JSON")

    private static func runExtend(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("extend takes exactly one tracking number.") }
        let more = args.value(days), day = args.value(to)
        guard (more == nil) != (day == nil) else { throw .usage("extend takes \(days.spelling) or \(to.spelling).") }
        let code = Tracking.lookupKey(args.positionals[0])
        let store = try session.openStore()
        let parcel = try session.perform(store) { state, context throws(DomainError) in
            guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
            return try state.extendDeadline(parcel.id, to: day ?? parcel.deadline.adding(days: more ?? 0), context)
        }
        if args.has(json) {
            try Output.json(ParcelView(parcel, today: Day(session.now, in: store.layout.zone)))
        } else {
            Output.line("\(parcel.tracking) (\(parcel.key), \(parcel.slot)) now waits until \(parcel.deadline).")
        }
        return 0
    }
}
