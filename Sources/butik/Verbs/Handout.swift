import ButikDomain

extension Verb {
    static let handout = Verb(
        name: "handout",
        summary: "hand parcels to the customer, recording how identity was checked",
        usage: "butik handout TRACKING... [--verified id|code|known|proxy] [--proxy-name NAME] [--json]",
        details: """
        Marks the parcels as handed out, with the staff member, the time and how the person at
        the counter was verified. A parcel is handed out only once.
          --verified HOW     id (photo ID checked, default), code (pickup code), known (a regular),
                             proxy (somebody collecting for the recipient: give --proxy-name)
          --proxy-name NAME  who collected on the recipient's behalf
          --json             print the parcels handed out as JSON
        """,
        valued: ["--verified", "--proxy-name"],
        flagged: ["--json"],
        run: runHandout)

    private static func runHandout(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage("handout takes one or more tracking numbers.") }
        let how = args.value("--verified") ?? "id"
        guard let verification = Verification(rawValue: how) else {
            throw .usage("--verified is id, code, known or proxy, not \(how).")
        }
        let codes = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let given = try session.perform(store) { state, context throws(DomainError) in
            let ids = try codes.map { code throws(DomainError) in
                guard let parcel = state.parcelInShop(code) ?? state.latestParcel(code) else {
                    throw DomainError.unknownParcel(code.value)
                }
                return parcel.id
            }
            return try state.handOut(HandOutRequest(parcels: ids, verification: verification, proxyName: args.value("--proxy-name")), context)
        }
        let today = Day(session.now, in: store.layout.zone)
        if args.has("--json") {
            try Output.json(given.map { ParcelView(store.state.parcels[$0.id] ?? $0, today: today) })
        } else {
            for parcel in given {
                Output.line("Handed out \(parcel.tracking) from \(parcel.slot) to \(Output.safe(parcel.recipientName)) (\(parcel.key)), verified: \(verification.rawValue)")
            }
        }
        return 0
    }
}
