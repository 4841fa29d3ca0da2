import ButikDomain
import ButikText

extension Verb {
    static let handout = Verb(
        name: "handout",
        summary: Phrase("cli.handout.summary"),
        usage: ["TRACKING... \(may: verified) \(may: proxyName, proxyID) \(may: code) \(may: json)", "TRACKING... \(undo) \(may: json)"],
        details: Phrase("cli.handout.details"),
        run: runHandout)

    private static let verified = Option<Verification>.choice("--verified", "HOW", help: Phrase("cli.handout.option.verified"))
    private static let proxyName = Option.text("--proxy-name", "NAME", help: Phrase("cli.handout.option.proxyName"))
    private static let proxyID = Option.text("--proxy-id", "NOTE", help: Phrase("cli.handout.option.proxyID"))
    private static let code = Option.text("--code", "DIGITS", help: Phrase("cli.handout.option.code"))
    private static let undo = Flag(name: "--undo", help: Phrase("cli.handout.option.undo"))
    private static let json = Flag.json(Phrase("cli.handout.json"))

    private static func runHandout(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage(Phrase("cli.usage.someTracking", ["verb": .text("handout")])) }
        if args.has(undo) { return try runUndoHandout(args, session) }
        let verification = args.value(verified) ?? .id
        guard verification == .code || !args.gave(code) else {
            throw .usage(Phrase("cli.handout.codeWithVerified", ["code": .text(code.name), "verified": .text(verified.name)]))
        }
        let codes = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let given = try session.perform(store) { state, context throws(DomainError) in
            try state.handOut(HandOutRequest(parcels: try parcelIDs(codes, in: state), verification: verification,
                                             proxyName: args.value(proxyName), proxyID: args.value(proxyID),
                                             pickupCode: args.value(code)), context)
        }
        if given.unregisteredProxy {
            Output.error(session.words.text("cli.handout.unregisteredProxy", ["name": .text(args.value(proxyName) ?? "")]))
        }
        let today = Day(session.now, in: store.layout.zone)
        if args.has(json) {
            try Output.json(given.parcels.map { ParcelView(store.state.parcels[$0.id] ?? $0, today: today) })
        } else {
            for parcel in given.parcels {
                var how = Phrase.Argument.phrase(verification.phrased)
                if case .handedOut(let handOut)? = store.state.parcels[parcel.id]?.status, let name = handOut.proxyName {
                    how = .phrase(Phrase("cli.handout.byProxy", ["name": .text(name), "note": .text(handOut.proxyID ?? "")]))
                }
                Output.line(session.words.text("cli.handout.done", ["tracking": .text(parcel.tracking.value), "slot": .text(parcel.slot.value),
                                                                    "name": .text(parcel.recipientName), "key": .text(parcel.key.value), "how": how]))
            }
        }
        guard let refusal = given.codeRefusal else { return 0 }
        Output.error(session.words.text(refusal.phrase))
        return 1
    }
}

extension Verb {
    private static func runUndoHandout(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.gave(verified), !args.gave(proxyName), !args.gave(proxyID), !args.gave(code) else {
            throw .usage(Phrase("cli.handout.undoAlone", ["undo": .text(undo.name), "options": .list([verified.name, proxyName.name, proxyID.name]),
                                                          "last": .text(code.name)]))
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
                Output.line(session.words.text("cli.handout.undone", ["tracking": .text(parcel.tracking.value), "slot": .text(parcel.slot.value),
                                                                      "key": .text(parcel.key.value)]))

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
