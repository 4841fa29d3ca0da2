import ButikDomain

extension Verb {
    static let queue = Verb(
        name: "queue",
        summary: "the pickup queue and parcels awaiting pickup; add, fetch, ready, done or cancel an entry",
        usage: ["\(may: json)", "add KEY \(may: at) \(may: note) \(may: json)", "fetch|ready|done|cancel KEY \(may: json)"],
        details: """
        Without an action, lists the customers in the pickup queue (by when they are or will be
        at the counter) with the slots of their waiting parcels, then the parcels waiting for
        pickup, the earliest deadline first, marking the overdue ones and those due today, then
        the parcels in the outbound area for the driver and the drop-offs waiting for it.
        add      puts the customer in the queue: at the counter now, or announced with \(at.name)
        fetch    you are fetching their parcels
        ready    their parcels are at the counter
        done     they got their parcels (a hand-out of all their waiting parcels does this itself)
        cancel   takes them out of the queue without a hand-out
        """,
        run: runQueue)

    private static let at = Option.minuteOfDay("--at", help: "add: the time an announced customer comes (today, shop time)")
    private static let note = Option.text("--note", "TEXT", help: "add: a note for the colleague fetching (e.g. \"red coat\")")
    private static let json = Flag.json("print {queue: [...], waiting: [...], returning: [...], dropOffs: [...]}, or the entry "
                                        + "an action changed")

    private static func runQueue(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else {
            guard !args.gave(at), !args.gave(note) else { throw .usage("\(at.name) and \(note.name) go with queue add.") }
            return try listQueue(args, session)
        }
        guard ["add", "fetch", "ready", "done", "cancel"].contains(action) else {
            throw .usage("queue takes add, fetch, ready, done or cancel, not \(action).")
        }
        guard args.positionals.count == 2 else { throw .usage("queue \(action) takes one customer KEY.") }
        guard action == "add" || !(args.gave(at) || args.gave(note)) else {
            throw .usage("\(at.name) and \(note.name) go with queue add.")
        }
        let minute = args.value(at)
        let key = args.positionals[1]
        let store = try session.openStore()
        let entry = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: key) else { throw DomainError.unknownCustomer(key) }
            switch action {
            case "add":
                let announced = minute.map { LocalTime.date(context.today, minuteOfDay: $0, in: context.layout.zone) }
                return try state.addToQueue(customer.id, announcedFor: announced, note: args.value(note), context)
            case "fetch": return try state.startFetching(for: customer.id, context)
            case "ready": return try state.markReady(for: customer.id, context)
            default: return try state.closeQueueEntry(for: customer.id, as: action == "done" ? .done : .cancelled, context)
            }
        }
        let view = QueueEntryView(entry, in: store.state, store.layout)
        if args.has(json) {
            try Output.json(view)
        } else {
            let slots = entry.status == .ready ? "at counter" : view.slots.isEmpty ? "no parcels waiting"
                : "fetch from \(view.slots.joined(separator: ", "))"
            Output.line("\(view.key) (\(view.name)): \(view.phrase(in: store.layout.zone)); \(slots).")
        }
        return 0
    }

    private static func listQueue(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        let store = try session.openStore()
        let zone = store.layout.zone
        let today = Day(session.now, in: zone)
        let entries = store.state.openQueue.map { QueueEntryView($0, in: store.state, store.layout) }
        let inShop = store.state.parcelsInShop
        let waiting = inShop.filter { $0.status == .waiting }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        let returning = inShop.filter { $0.status != .waiting }
        let dropOffs = store.state.dropOffsWaiting()
        if args.has(json) {
            try Output.json(QueueView(queue: entries,
                                      waiting: waiting.map { ParcelView($0, today: today) },
                                      returning: returning.map { ParcelView($0, today: today) },
                                      dropOffs: dropOffs.map { DropOffView($0, in: store.state) }))
            return 0
        }
        if !entries.isEmpty {
            Output.line("\(entries.count) in the pickup queue")
            Output.table(entries.map { [$0.key, $0.name, $0.phrase(in: zone), $0.whereParcelsAre, $0.note ?? ""] })
            Output.line()
        }
        let overdue = waiting.filter { $0.deadline < today }.count
        let dueToday = waiting.filter { $0.deadline == today }.count
        Output.line("\(waiting.count) waiting, \(dueToday) due today, \(overdue) overdue, \(returning.count) returning and \(dropOffs.count) dropped off for the driver")
        Output.table(waiting.map { $0.row(today: today) })
        if !returning.isEmpty {
            Output.line()
            Output.line("For the driver")
            Output.table(returning.map { $0.row(today: today) })
        }
        if !dropOffs.isEmpty {
            Output.line()
            Output.line("Dropped off for the driver")
            Output.table(dropOffs.map { [$0.receipt, $0.tracking.value, $0.carrier] })
        }
        return 0
    }
}

private struct QueueView: Encodable {
    let queue: [QueueEntryView]
    let waiting: [ParcelView]
    let returning: [ParcelView]
    let dropOffs: [DropOffView]
}
