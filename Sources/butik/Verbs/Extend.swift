import ButikDomain
import ButikText

extension Verb {
    static let extend = Verb(
        name: "extend",
        summary: Phrase("cli.extend.summary"),
        usage: ["TRACKING \(days) \(may: json)", "TRACKING \(to) \(may: json)"],
        details: Phrase("cli.extend.details", ["days": .count(ShopLayout.defaultMaxHoldDays)]),
        run: runExtend)

    private static let days = Option.number("--days", help: Phrase("cli.extend.option.days"))
    private static let to = Option.day("--to", help: Phrase("cli.extend.option.to"))
    private static let json = Flag.json(Phrase("cli.json.parcel"))

    private static func runExtend(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.usage.oneTracking", ["verb": .text("extend")])) }
        let more = args.value(days), day = args.value(to)
        guard (more == nil) != (day == nil) else {
            throw .usage(Phrase("cli.usage.oneOf", ["verb": .text("extend"), "first": .text(days.spelling), "second": .text(to.spelling)]))
        }

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
            Output.line(session.words.text("cli.extend.done", ["tracking": .text(parcel.tracking.value), "key": .text(parcel.key.value),
                                                               "slot": .text(parcel.slot.value), "deadline": .date(parcel.deadline)]))

        }
        return 0
    }
}
