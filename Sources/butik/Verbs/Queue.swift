import ButikDomain
import ButikText

extension Verb {
    static let queue = Verb(
        name: "queue",
        summary: Phrase("cli.queue.summary"),
        usage: ["\(may: json)", "add KEY \(may: at) \(may: note) \(may: json)", "fetch|ready|done|cancel KEY \(may: json)"],
        details: Phrase("cli.queue.details"),
        run: runQueue)

    private static let at = Option.minuteOfDay("--at", help: Phrase("cli.queue.option.at"))
    private static let note = Option.text("--note", "TEXT", help: Phrase("cli.queue.option.note"))
    private static let json = Flag.json(Phrase("cli.queue.json"))

    private static func runQueue(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else {
            guard !args.gave(at), !args.gave(note) else { throw .usage(Phrase("cli.queue.addOnly", ["at": .text(at.name), "note": .text(note.name)])) }
            return try listQueue(args, session)
        }
        guard ["add", "fetch", "ready", "done", "cancel"].contains(action) else {
            throw .usage(Phrase("cli.usage.action", ["verb": .text("queue"), "actions": .list(["add", "fetch", "ready", "done"]),
                                                     "last": .text("cancel"), "given": .text(action)]))
        }
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("queue \(action)")])) }
        guard action == "add" || !(args.gave(at) || args.gave(note)) else {
            throw .usage(Phrase("cli.queue.addOnly", ["at": .text(at.name), "note": .text(note.name)]))
        }

        let minute = args.value(at)
        let key = args.positionals[1]
        let store = try session.openStore()
        let entry = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
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
            let words = session.words
            let slots = entry.status == .ready ? Phrase("cli.queue.parcelsAtCounter") : view.slots.isEmpty ? Phrase("cli.queue.noParcels")
                : Phrase("cli.queue.fetchFrom", ["slots": .list(view.slots)])
            Output.line(words.text("cli.queue.changed", ["key": .text(view.key), "name": .text(view.name),
                                                         "entry": .text(view.phrase(in: store.layout.zone, words)), "slots": .phrase(slots)]))
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
        let words = session.words
        if !entries.isEmpty {
            Output.line(words.text("cli.queue.inQueue", ["n": .count(entries.count)]))
            Output.table(entries.map { [$0.key, $0.name, $0.phrase(in: zone, words), $0.whereParcelsAre(words), $0.note ?? ""] })
            Output.line()
        }
        let overdue = waiting.filter { $0.deadline < today }.count
        let dueToday = waiting.filter { $0.deadline == today }.count
        Output.line(words.text("cli.queue.counts", ["waiting": .count(waiting.count), "dueToday": .count(dueToday), "overdue": .count(overdue),
                                                    "returning": .count(returning.count), "droppedOff": .count(dropOffs.count)]))
        Output.table(waiting.map { $0.row(today: today, words) })
        if !returning.isEmpty {
            Output.line()
            Output.line(words.text("cli.queue.forDriver"))
            Output.table(returning.map { $0.row(today: today, words) })
        }
        if !dropOffs.isEmpty {
            Output.line()
            Output.line(words.text("cli.queue.droppedOff"))

            Output.table(dropOffs.map { [$0.receipt, $0.tracking.value, $0.carrier.value] })
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
