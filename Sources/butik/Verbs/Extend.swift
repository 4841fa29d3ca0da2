import ButikDomain

extension Verb {
    static let extend = Verb(
        name: "extend",
        summary: "give a waiting parcel a later deadline",
        usage: "butik extend TRACKING --days N [--json]\n       butik extend TRACKING --to YYYY-MM-DD [--json]",
        details: """
        Moves a waiting parcel's deadline later, when the customer asks for more time. The new
        deadline must be after the current one and not in the past.
          --days N          N more days after the current deadline (1-90)
          --to YYYY-MM-DD   this day as the new deadline
          --json            print the parcel as JSON
        """,
        valued: ["--days", "--to"],
        flagged: ["--json"],
        run: runExtend)

    private static func runExtend(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("extend takes exactly one tracking number.") }
        let days = args.value("--days"), to = args.value("--to")
        guard (days == nil) != (to == nil) else { throw .usage("extend takes --days N or --to YYYY-MM-DD.") }
        var more: Int?
        if let days {
            guard let n = Int(days), (1...90).contains(n) else { throw .usage("--days takes 1 to 90, not \(days).") }
            more = n
        }
        var day: Day?
        if let to {
            guard let parsed = Day(iso: to) else { throw .usage("--to takes a day as YYYY-MM-DD, not \(to).") }
            day = parsed
        }
        let code = Tracking.lookupKey(args.positionals[0])
        let store = try session.openStore()
        let parcel = try session.perform(store) { state, context throws(DomainError) in
            guard let parcel = state.parcelInShop(code) else { throw DomainError.unknownParcel(code.value) }
            return try state.extendDeadline(parcel.id, to: day ?? parcel.deadline.adding(days: more ?? 0), context)
        }
        if args.has("--json") {
            try Output.json(ParcelView(parcel, today: Day(session.now, in: store.layout.zone)))
        } else {
            Output.line("\(parcel.tracking) (\(parcel.key), \(parcel.slot)) now waits until \(parcel.deadline).")
        }
        return 0
    }
}
