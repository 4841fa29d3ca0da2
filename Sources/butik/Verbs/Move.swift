import ButikDomain
import ButikText

extension Verb {
    static let move = Verb(
        name: "move",
        summary: Phrase("cli.move.summary"),
        usage: ["TRACKING SLOT \(may: json)", "\(capacity) SLOT"],
        details: Phrase("cli.move.details"),
        run: runMove)

    private static let capacity = Option.number("--capacity", help: Phrase("cli.move.option.capacity"))
    private static let json = Flag.json(Phrase("cli.move.json"))

    private static func runMove(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        if let holds = args.value(capacity) {
            guard args.positionals.count == 1 else { throw .usage(Phrase("cli.move.oneSlot", ["option": .text(capacity.spelling)])) }
            let slot = SlotID(args.positionals[0])
            let store = try session.openStore()
            _ = try session.perform(store) { state, context throws(DomainError) in try state.setCapacity(of: slot, to: holds, context) }
            Output.line(session.words.text("cli.move.capacity", ["slot": .text(slot.value), "n": .count(holds)]))
            return 0
        }
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.move.trackingAndSlot")) }

        let code = Tracking.lookupKey(args.positionals[0])
        let target = SlotID(args.positionals[1])
        let store = try session.openStore()
        let moved = try session.perform(store) { state, context throws(DomainError) in
            guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
            return try state.move(parcel.id, to: target, context)
        }
        if args.has(json) {
            try Output.json(ParcelView(moved, today: Day(session.now, in: store.layout.zone)))
        } else {
            Output.line(session.words.text("cli.move.done", ["tracking": .text(moved.tracking.value), "key": .text(moved.key.value), "slot": .text(moved.slot.value)]))

        }
        return 0
    }
}
