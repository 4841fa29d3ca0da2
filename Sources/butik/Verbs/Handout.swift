import ButikDomain
import ButikText

extension Verb {
    static let handout = Verb(
        name: "handout",
        summary: "hand parcels to the customer, recording how identity was checked",
        usage: ["TRACKING... \(may: verified) \(may: proxyName, proxyID) \(may: code) \(may: json)", "TRACKING... \(undo) \(may: json)"],
        details: """
        Marks the parcels as handed out, with the staff member, the time and how the person at
        the counter was verified. The parcels are one customer's: one check of who collects covers
        one customer. A parcel is handed out only once. On the pickup code (\(verified.name) code
        \(code.name) DIGITS) only the parcels with that code are handed out; the others are named
        and the exit code is 1. With \(undo.name), takes a hand-out
        made by mistake back (within the shop file's undoMinutes, default 10): the parcels wait again.
        """,
        run: runHandout)

    private static let verified = Option<Verification>.choice(
        "--verified", "HOW", help: "id (photo ID checked, default), code (pickup code), known (a regular), proxy (somebody "
            + "collecting for the recipient: give \(proxyName.name) and \(proxyID.name))")
    private static let proxyName = Option.text(
        "--proxy-name", "NAME", help: "who collected on the recipient's behalf; one who is not registered (`butik customer proxy`) "
            + "is let through on both IDs, with a note")
    private static let proxyID = Option.text(
        "--proxy-id", "NOTE", help: "the proxy's own ID, 1 to 40 characters: the kind and the last digits are enough, like "
            + "\"førerkort …4521\"")
    private static let code = Option.text(
        "--code", "DIGITS", help: "with \(verified.name) code: the pickup code the customer gives, matched against each parcel's")
    private static let undo = Flag(name: "--undo", help: "undo the hand-out of these parcels")
    private static let json = Flag.json("print the parcels handed out (or back waiting) as JSON")

    private static func runHandout(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage("handout takes one or more tracking numbers.") }
        if args.has(undo) { return try runUndoHandout(args, session) }
        let verification = args.value(verified) ?? .id
        guard verification == .code || !args.gave(code) else { throw .usage("handout \(code.name) goes with \(verified.name) code.") }
        let codes = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let given = try session.perform(store) { state, context throws(DomainError) in
            try state.handOut(HandOutRequest(parcels: try parcelIDs(codes, in: state), verification: verification,
                                             proxyName: args.value(proxyName), proxyID: args.value(proxyID),
                                             pickupCode: args.value(code)), context)
        }
        if given.unregisteredProxy {
            Output.error("Note: \(args.value(proxyName) ?? "") is not a registered proxy; the hand-out rests on both IDs.")
        }
        let today = Day(session.now, in: store.layout.zone)
        if args.has(json) {
            try Output.json(given.parcels.map { ParcelView(store.state.parcels[$0.id] ?? $0, today: today) })
        } else {
            for parcel in given.parcels {
                var how = verification.rawValue
                if case .handedOut(let handOut)? = store.state.parcels[parcel.id]?.status, let name = handOut.proxyName {
                    how += " \(name) (\(handOut.proxyID ?? ""))"
                }
                Output.line("Handed out \(parcel.tracking) from \(parcel.slot) to \(parcel.recipientName) (\(parcel.key)), verified: \(how)")
            }
        }
        guard let refusal = given.codeRefusal else { return 0 }
        Output.error(Words.english.text(refusal.phrase))
        return 1
    }
}

extension Verb {
    private static func runUndoHandout(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.gave(verified), !args.gave(proxyName), !args.gave(proxyID), !args.gave(code) else {
            throw .usage("handout \(undo.name) takes no \(verified.name), \(proxyName.name), \(proxyID.name) or \(code.name).")
        }
        let codes = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let back = try session.perform(store) { state, context throws(DomainError) in
            try state.undoHandOut(try parcelIDs(codes, in: state), within: context.layout.undoWindow, context)
        }
        if args.has(json) {
            let today = Day(session.now, in: store.layout.zone)
            try Output.json(back.map { ParcelView($0, today: today) })
        } else {
            for parcel in back {
                Output.line("Hand-out of \(parcel.tracking) undone: put it back in \(parcel.slot) (key \(parcel.key)).")
            }
        }
        return 0
    }

    /// The parcel each code names: the one in the shop, else the newest one with that number.
    private static func parcelIDs(_ codes: [TrackingNumber], in state: ShopState) throws(DomainError) -> [ParcelID] {
        try codes.map { code throws(DomainError) in
            guard let parcel = state.latestParcel(code) else { throw DomainError.unknownParcel(code.value) }
            return parcel.id
        }
    }
}
