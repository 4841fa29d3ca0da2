import ButikDomain

extension Verb {
    static let move = Verb(
        name: "move",
        summary: "move a parcel to another slot, or change a slot's capacity",
        usage: "butik move TRACKING SLOT [--json]\n       butik move --capacity N SLOT",
        details: """
        Moves a waiting parcel to another shelf slot or the floor; a full slot is refused.
        With --capacity, sets how many parcels SLOT holds (never below what is in it now).
          --json   print the moved parcel as JSON
        """,
        valued: ["--capacity"],
        flagged: ["--json"],
        run: runMove)

    private static func runMove(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        if let text = args.value("--capacity") {
            guard let capacity = Int(text) else { throw .usage("--capacity takes a whole number, not \(text).") }
            guard args.positionals.count == 1 else { throw .usage("move --capacity N takes one SLOT.") }
            let slot = SlotID(args.positionals[0])
            let store = try session.openStore()
            _ = try session.perform(store) { state, context throws(DomainError) in try state.setCapacity(of: slot, to: capacity, context) }
            Output.line("\(slot) now holds \(capacity) parcels.")
            return 0
        }
        guard args.positionals.count == 2 else { throw .usage("move takes a TRACKING number and a SLOT.") }
        let code = Tracking.lookupKey(args.positionals[0])
        let target = SlotID(args.positionals[1])
        let store = try session.openStore()
        let moved = try session.perform(store) { state, context throws(DomainError) in
            guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
            return try state.move(parcel.id, to: target, context)
        }
        if args.has("--json") {
            try Output.json(ParcelView(moved, today: Day(session.now, in: store.layout.zone)))
        } else {
            Output.line("Moved \(moved.tracking) (\(moved.key)) to \(moved.slot).")
        }
        return 0
    }
}
