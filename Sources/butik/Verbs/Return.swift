import ButikDomain
import ButikText

extension Verb {
    static let returnToSender = Verb(
        name: "return",
        summary: Phrase("cli.return.summary"),
        usage: ["TRACKING... \(may: json)", "\(overdue) \(may: json)", "undo TRACKING \(slot) \(may: json)"],
        details: Phrase("cli.return.details"),
        run: runReturn)

    private static let overdue = Flag(name: "--overdue", help: Phrase("cli.return.option.overdue"))
    private static let slot = Option.words("--slot", "SLOT", help: Phrase("cli.return.option.slot"), takes: Phrase("cli.takes.slot"))
    private static let json = Flag.json(Phrase("cli.return.json"))

    private static func runReturn(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        if args.positionals.first == "undo" { return try undoReturn(args, session) }
        guard !args.gave(slot) else { throw .usage(Phrase("cli.return.slotWithUndo", ["slot": .text(slot.name)])) }
        let allOverdue = args.has(overdue)
        guard allOverdue == args.positionals.isEmpty else {
            throw .usage(Phrase("cli.return.numbersOrOverdue", ["overdue": .text(overdue.name)]))

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
            Output.line(session.words.text("cli.return.noneOverdue"))
        } else {
            Output.line(session.words.text("cli.return.take", ["n": .count(returned.count), "area": .text(store.layout.outboundID.value)]))
            // Where to fetch each from, slot by slot.
            Output.table(pull.stops.flatMap { stop in stop.parcels.map { [stop.slot.value, $0.tracking.value, $0.key.value, $0.recipientName, $0.carrier.value] } })
        }
        return 0
    }

    /// `return undo TRACKING --slot SLOT`: a returning parcel back to a shelf, by the domain's rule.
    private static func undoReturn(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 2, !args.has(overdue) else { throw .usage(Phrase("cli.usage.oneTracking", ["verb": .text("return undo")])) }
        guard let target = args.value(slot).map(SlotID.init) else {
            throw .usage(Phrase("cli.usage.needs", ["verb": .text("return undo"), "option": .text(slot.spelling)]))
        }
        let code = Tracking.lookupKey(args.positionals[1])
        let store = try session.openStore()
        let parcel = try session.perform(store) { state, context throws(DomainError) in
            guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
            return try state.cancelReturn(parcel.id, to: target, context)
        }
        if args.has(json) {
            try Output.json(ParcelView(parcel, today: Day(session.now, in: store.layout.zone)))
        } else {
            Output.line(session.words.text("cli.return.undone", ["tracking": .text(parcel.tracking.value), "key": .text(parcel.key.value),
                                                                 "slot": .text(parcel.slot.value), "deadline": .date(parcel.deadline)]))
        }
        return 0
    }
}
