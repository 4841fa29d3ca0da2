import ButikDomain
import ButikText

extension Verb {
    static let handover = Verb(
        name: "handover",
        summary: Phrase("cli.handover.summary"),
        usage: ["TRACKING... \(may: carrier) \(may: json)"],
        details: Phrase("cli.handover.details"),
        run: runHandover)

    private static let carrier = Option.text("--carrier", "C", help: Phrase("cli.handover.option.carrier"))
    private static let json = Flag.json(Phrase("cli.handover.json"))

    private static func runHandover(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage(Phrase("cli.handover.needsNumbers")) }

        let scanned = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let handover = try session.perform(store) { state, context throws(DomainError) in
            try state.handOver(scanned: scanned, carrier: args.value(carrier), context)
        }
        let state = store.state
        let view = HandoverView(
            carrier: handover.carrier, parcels: handover.parcels.compactMap { state.parcels[$0]?.tracking.value },
            dropOffs: handover.dropOffs.compactMap { state.dropOffs[$0]?.receipt },
            missing: handover.missing.map(\.value), unknown: handover.unknown.map(\.value))
        if args.has(json) {
            try Output.json(view)
        } else {
            Output.line("The driver took \(view.parcels.count) returning parcel(s) and \(view.dropOffs.count) drop-off(s).")
            if !view.missing.isEmpty { Output.line("Missing (expected, not scanned): \(view.missing.joined(separator: " "))") }
            if !view.unknown.isEmpty { Output.line("Unknown (scanned, not expected, not taken): \(view.unknown.joined(separator: " "))") }
        }
        guard handover.isComplete else {
            Output.error("butik: the count did not match: \(view.missing.count) missing, \(view.unknown.count) unknown.")
            return 1
        }
        return 0
    }
}

/// `handover --json`: tracking numbers of parcels, receipt numbers of drop-offs.
private struct HandoverView: Encodable {
    let carrier: String?
    let parcels: [String]
    let dropOffs: [String]
    let missing: [String]
    let unknown: [String]
}
