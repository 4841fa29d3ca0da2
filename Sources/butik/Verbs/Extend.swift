import ButikDomain

extension Verb {
    static let extend = Verb(
        name: "extend",
        summary: "give a waiting parcel a later deadline",
        usage: ["TRACKING \(days) \(may: json)", "TRACKING \(to) \(may: json)"],
        details: """
        Moves a waiting parcel's deadline later, when the customer asks for more time. The new
        deadline must be after the current one, not in the past, and at most the carrier's
        maxHoldDays (shop.json; \(ShopLayout.defaultMaxHoldDays) unless it says otherwise) after
        the day the parcel arrived.
        """,
        run: runExtend)

    private static let days = Option.number("--days", help: "N more days after the current deadline, or after today when it has passed")
    private static let to = Option.day("--to", help: "this day as the new deadline")
    private static let json = Flag.json("print the parcel as JSON")

    private static func runExtend(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("extend takes exactly one tracking number.") }
        let more = args.value(days), day = args.value(to)
        guard (more == nil) != (day == nil) else { throw .usage("extend takes \(days.spelling) or \(to.spelling).") }
        let request: DeadlineExtension = day.map { .to($0) } ?? .days(more ?? 0)
        let code = Tracking.lookupKey(args.positionals[0])
        let store = try session.openStore()
        let parcel = try session.perform(store) { state, context throws(DomainError) in
            guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
            return try state.extendDeadline(parcel.id, request, context)
        }
        if args.has(json) {
            try Output.json(ParcelView(parcel, today: Day(session.now, in: store.layout.zone)))
        } else {
            Output.line("\(parcel.tracking) (\(parcel.key), \(parcel.slot)) now waits until \(parcel.deadline).")
        }
        return 0
    }
}
