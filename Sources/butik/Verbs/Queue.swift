import ButikDomain

extension Verb {
    static let queue = Verb(
        name: "queue",
        summary: "every parcel awaiting pickup by deadline, then what waits for the driver",
        usage: "butik queue [--json]",
        details: """
        Lists the parcels waiting for pickup, the earliest deadline first, marking the overdue
        ones and those due today, then the parcels in the outbound area for the driver and the
        customers' drop-offs waiting for it.
          --json   print {waiting: [...], returning: [...], dropOffs: [...]}
        """,
        valued: [],
        flagged: ["--json"],
        run: runQueue)

    private static func runQueue(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        let store = try session.openStore()
        let today = Day(session.now, in: store.layout.zone)
        let inShop = store.state.parcelsInShop
        let waiting = inShop.filter { $0.status == .waiting }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        let returning = inShop.filter { $0.status != .waiting }
        let dropOffs = store.state.dropOffsWaiting()
        if args.has("--json") {
            try Output.json(QueueView(waiting: waiting.map { ParcelView($0, today: today) },
                                      returning: returning.map { ParcelView($0, today: today) },
                                      dropOffs: dropOffs.map { DropOffView($0, in: store.state) }))
            return 0
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
    let waiting: [ParcelView]
    let returning: [ParcelView]
    let dropOffs: [DropOffView]
}
